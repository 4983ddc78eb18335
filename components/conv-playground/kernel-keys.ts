/**
 * The kernel grid as one composite control (WAI-ARIA grid pattern, cells holding text boxes): one Tab stop
 * (roving tabindex), arrows move between cells, Home/End to the row's ends, Ctrl+Home/Ctrl+End to the first and
 * last cell. A cell is in navigation mode when focused by keyboard (its text selected, so typing replaces it);
 * typing, Backspace, Delete, Enter or F2 start editing, where ←/→ move the caret; Enter ends the edit and applies
 * the kernel, Escape ends it and restores the cell's text. A click edits at the caret.
 */
import { arrowTarget } from '@lib/charts/grid-cursor.ts';

export class RovingCells {
  private editing = false;
  private pointer = false;
  private before = '';
  private current = 0;

  constructor(private grid: HTMLElement, private cols: () => number, private commit: () => void) {
    grid.addEventListener('pointerdown', () => (this.pointer = true));
    grid.addEventListener('focusin', (e) => this.enter(e.target as HTMLInputElement));
    grid.addEventListener('keydown', (e) => this.key(e));
  }

  cells(): HTMLInputElement[] {
    return [...this.grid.querySelectorAll('input')];
  }

  /** After the cells were rebuilt: one Tab stop, on the cell that had it when it still exists. */
  reset(): void {
    const cells = this.cells();
    if (this.current >= cells.length) this.current = 0;
    cells.forEach((c, i) => (c.tabIndex = i === this.current ? 0 : -1));
  }

  private enter(cell: HTMLInputElement): void {
    const cells = this.cells();
    this.current = Math.max(0, cells.indexOf(cell));
    cells.forEach((c, i) => (c.tabIndex = i === this.current ? 0 : -1));
    this.before = cell.value;
    this.editing = this.pointer;
    this.pointer = false;
    if (!this.editing) cell.select();
  }

  private key(e: KeyboardEvent): void {
    const cell = e.target as HTMLInputElement;
    const cells = this.cells();
    const i = cells.indexOf(cell);
    if (i < 0 || e.altKey || e.metaKey) return;
    const n = this.cols();
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (this.editing && e.key === 'Enter') {
        this.editing = false;
        if (cell.value !== this.before) { this.before = cell.value; this.commit(); }
        cell.select();
      } else {
        this.editing = true;
        cell.setSelectionRange(cell.value.length, cell.value.length);
      }
      return;
    }
    if (e.key === 'Escape') {
      if (!this.editing) return;
      e.preventDefault();
      cell.value = this.before;
      cell.removeAttribute('aria-invalid');
      this.editing = false;
      cell.select();
      return;
    }
    if (e.ctrlKey && (e.key === 'Home' || e.key === 'End')) {
      e.preventDefault();
      cells[e.key === 'Home' ? 0 : cells.length - 1]!.focus();
      return;
    }
    const horizontal = e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End';
    const to = e.ctrlKey ? null : arrowTarget(e.key, [Math.floor(i / n), i % n], n);
    if (to && !(this.editing && horizontal)) {
      e.preventDefault();
      const [r, c] = to;
      if (r >= 0 && c >= 0 && c < n && r * n + c < cells.length) cells[r * n + c]!.focus();
      return;
    }
    if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete') this.editing = !e.ctrlKey || this.editing;
  }
}
