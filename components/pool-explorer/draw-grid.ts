/**
 * The reader's drawing as a grid of cells: drag with a mouse, finger or pen to paint (starting on ink erases),
 * or move with the arrow keys and toggle with Space or Enter (one tab stop, roving focus). Buttons clear the
 * grid, restore the example, and shift the drawing one cell — to test how much pooling cares about position.
 */
import { DRAW_SIZE, defaultDrawing, shiftDrawing } from '@lib/pool/drawing.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const SHIFTS: [string, string, number, number][] = [['←', 'left', 0, -1], ['→', 'right', 0, 1], ['↑', 'up', -1, 0], ['↓', 'down', 1, 0]];

export class DrawGrid {
  readonly el: HTMLElement;
  cells: Uint8Array = defaultDrawing();
  private buttons: HTMLElement[] = [];
  private focus = 0;
  private paint: number | null = null;

  /** `track` receives the release of the window listeners, for the element's disconnect. */
  constructor(private onChange: () => void, track: (off: () => void) => void) {
    this.el = document.createElement('div');
    this.el.className = 'draw-grid';
    const grid = document.createElement('div');
    grid.className = 'cells';
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-multiselectable', 'true');
    grid.dataset.role = 'grid';
    grid.style.gridTemplateColumns = `repeat(${DRAW_SIZE}, 1fr)`;
    for (let r = 0; r < DRAW_SIZE; r++) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.className = 'row';
      for (let c = 0; c < DRAW_SIZE; c++) {
        const cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.dataset.i = String(r * DRAW_SIZE + c);
        cell.tabIndex = -1;
        row.append(cell);
        this.buttons.push(cell);
      }
      grid.append(row);
    }
    this.buttons[0]!.tabIndex = 0;
    grid.addEventListener('keydown', (e) => this.key(e));
    grid.addEventListener('pointerdown', (e) => {
      const i = this.indexOf(e);
      if (i === null) return;
      e.preventDefault();
      grid.releasePointerCapture?.(e.pointerId); // let pointerover reach the other cells while dragging
      this.paint = this.cells[i] ? 0 : 1;
      this.moveFocus(i, false);
      this.set(i, this.paint);
    });
    grid.addEventListener('pointerover', (e) => {
      const i = this.indexOf(e);
      if (i !== null && this.paint !== null) this.set(i, this.paint);
    });
    const end = () => { if (this.paint !== null) { this.paint = null; this.onChange(); } };
    addEventListener('pointerup', end);
    addEventListener('pointercancel', end);
    track(() => { removeEventListener('pointerup', end); removeEventListener('pointercancel', end); this.paint = null; });
    const tools = document.createElement('div');
    tools.className = 'draw-tools';
    tools.innerHTML = `<p class="draw-help" data-say="poolExplorer.drawHelp"></p>
      <p><button type="button" data-act="clear" data-say="poolExplorer.clear"></button> <button type="button" data-act="example" data-say="poolExplorer.example"></button></p>
      <p class="shift"><span data-say="poolExplorer.shiftBy"></span> ${SHIFTS.map(([arrow, word]) => `<button type="button" data-shift="${word}" data-say-label="poolExplorer.shift.${word}">${arrow}</button>`).join('')}</p>`;
    tools.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest('button');
      if (!b) return;
      const shift = SHIFTS.find((s) => s[1] === b.dataset.shift);
      if (shift) this.load(shiftDrawing(this.cells, shift[2], shift[3]));
      else this.load(b.dataset.act === 'clear' ? new Uint8Array(DRAW_SIZE * DRAW_SIZE) : defaultDrawing());
    });
    this.el.append(grid, tools);
    this.load(this.cells, false);
  }

  /** The grid's words in `lang` (its labels, help and buttons; `data-say` ones are said by the element's shell pass). */
  say(lang: Lang): void {
    this.el.querySelector('[data-role="grid"]')!.setAttribute('aria-label', t(lang, 'poolExplorer.gridLabel', { n: DRAW_SIZE }));
    this.buttons.forEach((b, i) => b.setAttribute('aria-label', t(lang, 'poolExplorer.rowCol', { row: Math.floor(i / DRAW_SIZE) + 1, col: (i % DRAW_SIZE) + 1 })));
    for (const e of this.el.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = t(lang, e.dataset.say as MessageKey);
    for (const e of this.el.querySelectorAll<HTMLElement>('[data-say-label]')) e.setAttribute('aria-label', t(lang, e.dataset.sayLabel as MessageKey));
  }

  load(cells: Uint8Array, notify = true): void {
    this.cells = cells;
    this.buttons.forEach((b, i) => b.setAttribute('aria-selected', String(cells[i] === 1)));
    if (notify) this.onChange();
  }

  private set(i: number, v: number): void {
    if (this.cells[i] === v) return;
    this.cells[i] = v;
    this.buttons[i]!.setAttribute('aria-selected', String(v === 1));
  }

  private indexOf(e: Event): number | null {
    const t = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    return t ? Number(t.dataset.i) : null;
  }

  private moveFocus(i: number, focus = true): void {
    this.buttons[this.focus]!.tabIndex = -1;
    this.focus = i;
    this.buttons[i]!.tabIndex = 0;
    if (focus) this.buttons[i]!.focus();
  }

  private key(e: KeyboardEvent): void {
    const r = Math.floor(this.focus / DRAW_SIZE), c = this.focus % DRAW_SIZE;
    const moves: Record<string, [number, number]> = { ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1], Home: [r, 0], End: [r, DRAW_SIZE - 1] };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      const [nr, nc] = [Math.max(0, Math.min(DRAW_SIZE - 1, to[0])), Math.max(0, Math.min(DRAW_SIZE - 1, to[1]))];
      this.moveFocus(nr * DRAW_SIZE + nc);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      this.set(this.focus, this.cells[this.focus] ? 0 : 1);
      this.onChange();
    }
  }
}
