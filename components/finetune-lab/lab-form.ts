/**
 * The lab's set-up as a table: one row per setting, one column per run (A, B, C), every control labelled with
 * its setting and run; the lab-wide seed and test-image count, and a line saying which images the curves and the
 * final figures are measured on; the action buttons. Only fixed, trusted strings
 * are written as HTML — values reach the controls through `.value` / `.checked`.
 */
import { FREEZE, MAX_RUNS, RUN_ATTRS, SOURCES, TARGETS, formatValue, runLabel, type LabSettings, type RunAttr, type RunConfig } from '@lib/transfer/config.ts';
import { FREEZE_TITLES, SOURCE_TITLES, TARGET_TITLES } from '@lib/transfer/summary.ts';
import { VALIDATION_PER_CLASS } from '@lib/transfer/data.ts';

const ROWS: Record<RunAttr, { label: string; control: (id: string) => string }> = {
  source: { label: 'Source model', control: (id) => select(id, SOURCES.map((s) => [s, SOURCE_TITLES[s]])) },
  target: { label: 'Target task', control: (id) => select(id, TARGETS.map((t) => [t, TARGET_TITLES[t]])) },
  'per-class': { label: 'Labelled examples per class', control: (id) => `<input id="${id}" type="number" min="1" max="500" step="1">` },
  freeze: { label: 'Frozen', control: (id) => select(id, FREEZE.map((f) => [f, FREEZE_TITLES[f]])) },
  lr: { label: 'Learning rate', control: (id) => `<input id="${id}" type="number" min="0.00001" max="1" step="any">` },
  'head-lr': { label: 'Head learning rate ×', control: (id) => `<input id="${id}" type="number" min="0.1" max="100" step="any">` },
  epochs: { label: 'Epochs', control: (id) => `<input id="${id}" type="number" min="1" max="50" step="1">` },
  augment: { label: 'Augmentation (±2 px shifts)', control: (id) => `<input id="${id}" type="checkbox">` },
};

function select(id: string, options: [string, string][]): string {
  return `<select id="${id}">${options.map(([v, t]) => `<option value="${v}">${t}</option>`).join('')}</select>`;
}

const cellId = (attr: string, run: number) => `fm-lab-${attr}-${run}`;

export const WHERE = 'the doodle widget (Chapter 5, section “Your own classes”)';
/** The note about the reader's own classes when none are saved; the shell keeps its room while the drawings are read. */
export const NO_DOODLES_NOTE = `Your own classes: draw at least 2 classes, 2 drawings each, in ${WHERE}; they appear here as a target task.`;

export const FORM_HTML = `
<div class="setup">
  <table class="runs">
    <caption>Runs to compare: one column each (at most ${MAX_RUNS}). Runs B and C start from run A's settings.</caption>
    <thead><tr><th scope="col">Setting</th>${Array.from({ length: MAX_RUNS }, (_, i) => `<th scope="col" data-run="${i}"><span class="swatch run-${i}" aria-hidden="true"></span>Run ${runLabel(i)}${i ? ` <button type="button" class="remove" data-remove="${i}" aria-label="Remove run ${runLabel(i)}">×</button>` : ''}</th>`).join('')}</tr></thead>
    <tbody>${RUN_ATTRS.map((a) => `<tr><th scope="row">${ROWS[a].label}</th>${Array.from({ length: MAX_RUNS }, (_, i) => `<td data-run="${i}"><label class="sr-only" for="${cellId(a, i)}">${ROWS[a].label}, run ${runLabel(i)}</label>${ROWS[a].control(cellId(a, i))}</td>`).join('')}</tr>`).join('')}</tbody>
  </table>
</div>
<p class="custom-note" data-role="custom-note" aria-live="polite" data-reserve="${NO_DOODLES_NOTE}"></p>
<div class="lab-wide">
  <label>Seed <input type="number" data-lab="seed" min="0" max="999999" step="1"></label>
  <label>Test images per class <input type="number" data-lab="holdout" min="5" max="150" step="1"></label>
</div>
<p class="split-note" data-role="split-note"></p>
<div class="actions">
  <button type="button" data-action="train" class="primary">Train</button>
  <button type="button" data-action="pause" aria-pressed="false" disabled>Pause</button>
  <button type="button" data-action="cancel" disabled>Cancel</button>
  <button type="button" data-action="add">Add a run</button>
</div>`;

export interface FormHandlers {
  run(index: number, attr: RunAttr, value: string): void;
  lab(attr: keyof LabSettings, value: string): void;
  action(name: 'train' | 'pause' | 'cancel' | 'add'): void;
  remove(index: number): void;
}

export function bindForm(root: ShadowRoot, on: FormHandlers): void {
  for (const a of RUN_ATTRS) {
    for (let i = 0; i < MAX_RUNS; i++) {
      const c = root.getElementById(cellId(a, i)) as HTMLInputElement | HTMLSelectElement;
      c.addEventListener('change', () => on.run(i, a, c instanceof HTMLInputElement && c.type === 'checkbox' ? (c.checked ? 'on' : 'off') : c.value));
    }
  }
  for (const c of root.querySelectorAll<HTMLInputElement>('[data-lab]')) c.addEventListener('change', () => on.lab(c.dataset.lab as keyof LabSettings, c.value));
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-action]')) b.addEventListener('click', () => on.action(b.dataset.action as 'train'));
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-remove]')) b.addEventListener('click', () => on.remove(Number(b.dataset.remove)));
}

/**
 * The reader's own classes as the target select offers them: how many (null: none usable yet) and the note (''
 * hides it; null: the saved drawings are not read yet, and the note keeps its room, empty).
 */
export interface CustomOffer { classes: number | null; fromDoodles: boolean; note: string | null }

/** Shows the settings in force; columns beyond the runs are hidden; `custom` is offered only with classes. */
export function syncForm(root: ShadowRoot, runs: readonly RunConfig[], lab: LabSettings, custom: CustomOffer): void {
  for (const cell of root.querySelectorAll<HTMLElement>('.runs [data-run]')) cell.hidden = Number(cell.dataset.run) >= runs.length;
  runs.forEach((r, i) => {
    for (const a of RUN_ATTRS) {
      const c = root.getElementById(cellId(a, i)) as HTMLInputElement | HTMLSelectElement;
      if (c instanceof HTMLInputElement && c.type === 'checkbox') c.checked = r.augment;
      else c.value = formatValue(a, r);
    }
    const option = root.querySelector<HTMLOptionElement>(`#${cellId('target', i)} option[value="custom"]`)!;
    const has = custom.classes !== null;
    option.disabled = !has;
    option.hidden = !has && r.target !== 'custom';
    option.textContent = has ? `${TARGET_TITLES.custom} (${custom.classes} classes${custom.fromDoodles ? ' from the drawing lab' : ''})` : `${TARGET_TITLES.custom} (none drawn yet)`;
  });
  const note = root.querySelector<HTMLElement>('[data-role="custom-note"]')!;
  if (note.textContent !== (custom.note ?? '')) note.textContent = custom.note ?? '';
  note.hidden = custom.note === '';
  for (const c of root.querySelectorAll<HTMLInputElement>('[data-lab]')) c.value = String(lab[c.dataset.lab as keyof LabSettings]);
  root.querySelector<HTMLElement>('[data-role="split-note"]')!.textContent = splitNote(lab, runs);
  root.querySelector<HTMLButtonElement>('[data-action="add"]')!.disabled = runs.length >= MAX_RUNS;
}

/** Which images the curves and the final figures are measured on, for the digits targets and the reader's own. */
export function splitNote(lab: LabSettings, runs: readonly RunConfig[]): string {
  const digits = runs.some((r) => r.target !== 'custom');
  const own = runs.some((r) => r.target === 'custom');
  return [
    digits ? `Digits: the curves are measured after every epoch on ${VALIDATION_PER_CLASS} validation images per class, drawn (seeded) from the training split and never among the labelled examples; accuracy, per-class accuracy and the confusion matrix on the first ${lab.holdout} test images per class, measured once, after the last epoch.` : '',
    own ? 'Your own classes: the curves use the last quarter of each class\'s drawings to learn from as validation drawings (when every class has at least 2 to learn from; otherwise there are no validation curves), and the held-out drawings are measured once, after the last epoch.' : '',
  ].filter(Boolean).join(' ');
}

/** Buttons for the running state. */
export function syncButtons(root: ShadowRoot, running: boolean, paused: boolean): void {
  const b = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  b('train').disabled = running;
  b('pause').disabled = !running;
  b('cancel').disabled = !running;
  b('pause').textContent = paused ? 'Resume' : 'Pause';
  b('pause').setAttribute('aria-pressed', String(paused));
}
