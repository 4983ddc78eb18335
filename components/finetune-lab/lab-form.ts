/**
 * The lab's set-up as a table: one row per setting, one column per run (A, B, C), every control labelled with
 * its setting and run; the lab-wide seed and test-image count, and a line saying which images the curves and the
 * final figures are measured on; the action buttons. Only fixed, trusted strings
 * are written as HTML — values reach the controls through `.value` / `.checked`.
 * Where the columns would be too narrow for the menus (a chapter's column, a phone), each setting's runs stack
 * instead, a run's letter before each control (finetune-lab.css): the table's parts therefore name their roles,
 * which WebKit drops from a table laid out as blocks and grids.
 */
import { FREEZE, MAX_RUNS, RUN_ATTRS, SOURCES, TARGETS, formatValue, runLabel, type LabSettings, type RunAttr, type RunConfig } from '@lib/transfer/config.ts';
import { FREEZE_KEYS, SOURCE_KEYS, TARGET_KEYS } from '@lib/transfer/summary.ts';
import { sentenceGap, msg, say, t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import { VALIDATION_PER_CLASS } from '@lib/transfer/data.ts';

/** Each setting's row: its name, its control, and the control's kind (menus need the widest cells). */
const ROWS: Record<RunAttr, { label: MessageKey; kind: 'menu' | 'field'; control: (id: string) => string }> = {
  source: { label: 'finetuneLab.row.source', kind: 'menu', control: (id) => select(id, SOURCES.map((s) => [s, SOURCE_KEYS[s]])) },
  target: { label: 'finetuneLab.row.target', kind: 'menu', control: (id) => select(id, TARGETS.map((t) => [t, TARGET_KEYS[t]])) },
  'per-class': { label: 'finetuneLab.row.perClass', kind: 'field', control: (id) => `<input id="${id}" type="number" min="1" max="500" step="1">` },
  freeze: { label: 'finetuneLab.row.freeze', kind: 'menu', control: (id) => select(id, FREEZE.map((f) => [f, FREEZE_KEYS[f]])) },
  lr: { label: 'finetuneLab.row.lr', kind: 'field', control: (id) => `<input id="${id}" type="number" min="0.00001" max="1" step="any">` },
  'head-lr': { label: 'finetuneLab.row.headLr', kind: 'field', control: (id) => `<input id="${id}" type="number" min="0.1" max="100" step="any">` },
  epochs: { label: 'finetuneLab.row.epochs', kind: 'field', control: (id) => `<input id="${id}" type="number" min="1" max="50" step="1">` },
  augment: { label: 'finetuneLab.row.augment', kind: 'field', control: (id) => `<input id="${id}" type="checkbox">` },
};

/** Options whose text is a catalogue key, said by sayForm (the custom target's option is written by syncForm). */
function select(id: string, options: [string, MessageKey][]): string {
  return `<select id="${id}">${options.map(([v, k]) => `<option value="${v}"${v === 'custom' ? '' : ` data-i18n="${k}"`}></option>`).join('')}</select>`;
}

const cellId = (attr: string, run: number) => `fm-lab-${attr}-${run}`;

/** Where the reader draws their own classes (a message, said in the reader's language). */
export const WHERE = msg('finetuneLab.where');
/** The note about the reader's own classes when none are saved; the shell keeps its room while the drawings are read. */
export const NO_DOODLES_NOTE = msg('finetuneLab.noDoodles', { where: WHERE });

export const FORM_HTML = `
<div class="setup">
  <table class="runs" role="table">
    <caption data-role="runs-caption"></caption>
    <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader" data-i18n="finetuneLab.setting"></th>${Array.from({ length: MAX_RUNS }, (_, i) => `<th scope="col" role="columnheader" data-run="${i}"><span class="run-head"><span class="swatch run-${i}" aria-hidden="true"></span><span data-run-name="${i}"></span></span>${i ? ` <button type="button" class="remove" data-remove="${i}">×</button>` : ''}</th>`).join('')}</tr></thead>
    <tbody role="rowgroup">${RUN_ATTRS.map((a) => `<tr role="row" data-kind="${ROWS[a].kind}"><th scope="row" role="rowheader" data-i18n="${ROWS[a].label}"></th>${Array.from({ length: MAX_RUNS }, (_, i) => `<td role="cell" data-run="${i}" class="run-${i}" data-tag="${runLabel(i)}"><label class="sr-only" for="${cellId(a, i)}" data-row="${a}"></label>${ROWS[a].control(cellId(a, i))}</td>`).join('')}</tr>`).join('')}</tbody>
  </table>
</div>
<p class="custom-note" data-role="custom-note" aria-live="polite"></p>
<div class="lab-wide">
  <label><span data-i18n="finetuneLab.seed"></span> <input type="number" data-lab="seed" min="0" max="999999" step="1"></label>
  <label><span data-i18n="finetuneLab.holdout"></span> <input type="number" data-lab="holdout" min="5" max="150" step="1"></label>
</div>
<p class="split-note" data-role="split-note"></p>
<div class="actions">
  <button type="button" data-action="train" class="primary" data-i18n="finetuneLab.train"></button>
  <button type="button" data-action="pause" aria-pressed="false" disabled></button>
  <button type="button" data-action="cancel" disabled data-i18n="finetuneLab.cancel"></button>
  <button type="button" data-action="add" data-i18n="finetuneLab.add"></button>
</div>`;

/** Says the form's fixed texts in `lang`: captions, headers, row and cell labels, options, buttons. */
export function sayForm(root: ShadowRoot, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(lang, e.dataset.i18n as MessageKey);
  root.querySelector('[data-role="runs-caption"]')!.textContent = t(lang, 'finetuneLab.runsCaption', { max: MAX_RUNS });
  for (const e of root.querySelectorAll<HTMLElement>('[data-run-name]')) e.textContent = t(lang, 'finetuneLab.run', { run: runLabel(Number(e.dataset.runName)) });
  for (const b of root.querySelectorAll<HTMLElement>('[data-remove]')) b.setAttribute('aria-label', t(lang, 'finetuneLab.removeRun', { run: runLabel(Number(b.dataset.remove)) }));
  for (const l of root.querySelectorAll<HTMLLabelElement>('label[data-row]')) {
    const run = Number(l.closest<HTMLElement>('td')!.dataset.run);
    l.textContent = t(lang, 'finetuneLab.cellLabel', { row: msg(ROWS[l.dataset.row as RunAttr].label), run: runLabel(run) });
  }
  root.querySelector<HTMLElement>('[data-role="custom-note"]')!.dataset.reserve = say(lang, NO_DOODLES_NOTE);
}

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
export function syncForm(root: ShadowRoot, runs: readonly RunConfig[], lab: LabSettings, custom: CustomOffer, lang: Lang): void {
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
    const title = msg(TARGET_KEYS.custom);
    option.textContent = has ? t(lang, custom.fromDoodles ? 'finetuneLab.customClassesDrawn' : 'finetuneLab.customClasses', { title, classes: custom.classes! }) : t(lang, 'finetuneLab.customNone', { title });
  });
  const note = root.querySelector<HTMLElement>('[data-role="custom-note"]')!;
  if (note.textContent !== (custom.note ?? '')) note.textContent = custom.note ?? '';
  note.hidden = custom.note === '';
  for (const c of root.querySelectorAll<HTMLInputElement>('[data-lab]')) c.value = String(lab[c.dataset.lab as keyof LabSettings]);
  root.querySelector<HTMLElement>('[data-role="split-note"]')!.textContent = splitNote(lab, runs, lang);
  root.querySelector<HTMLButtonElement>('[data-action="add"]')!.disabled = runs.length >= MAX_RUNS;
}

/** Which images the curves and the final figures are measured on, for the digits targets and the reader's own. */
export function splitNote(lab: LabSettings, runs: readonly RunConfig[], lang: Lang = 'en'): string {
  const digits = runs.some((r) => r.target !== 'custom');
  const own = runs.some((r) => r.target === 'custom');
  return [
    digits ? t(lang, 'finetuneLab.split.digits', { validation: VALIDATION_PER_CLASS, holdout: lab.holdout }) : '',
    own ? t(lang, 'finetuneLab.split.own') : '',
  ].filter(Boolean).join(sentenceGap(lang));
}

/** Buttons for the running state. */
export function syncButtons(root: ShadowRoot, running: boolean, paused: boolean, lang: Lang): void {
  const b = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  b('train').disabled = running;
  b('pause').disabled = !running;
  b('cancel').disabled = !running;
  b('pause').textContent = t(lang, paused ? 'finetuneLab.resume' : 'finetuneLab.pause');
  b('pause').setAttribute('aria-pressed', String(paused));
}
