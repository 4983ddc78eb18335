/**
 * @summary `<fm-doodle-classes>`: the reader names 2–5 classes, draws a few examples of each, and the shipped
 * model is fine-tuned live — its base frozen (features computed once per drawing), a new seeded softmax head
 * trained on the engine — then classifies new drawings with probabilities. Classes, drawings and the model are
 * kept in IndexedDB; the model can be exported and imported as a tfjs model. Contract: README.md beside this file.
 *
 * @attr source fashion-cnn|digits04-cnn · @attr classes names, comma-separated (2–5) · @attr epochs 1–1000 · @attr seed
 * @event fm-result `{ backend, ms, event: 'ready'|'trained'|'imported', source, classes: {name, count}[], model, accuracy? }`
 * @event fm-error `{ message }`; nothing the reader drew is dropped
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { ParamError } from '@lib/params/index.ts';
import { MODEL_NAMES } from '@lib/models/shipped.ts';
import { cleanName, nameProblems, trainingProblems } from '@lib/doodle/classes.ts';
import { addClass, addDrawing, describeModel, percent, plural, removeClass, withNames } from '@lib/doodle/edits.ts';
import { parseState, serialise, type DoodleState } from '@lib/doodle/state.ts';
import { loadRecord, saveRecord } from '@lib/doodle/store.ts';
import { rasterise, type Drawing } from '@lib/doodle/strokes.ts';
import { toInput, toMnist } from '@lib/doodle/preprocess.ts';
import { DOODLE_ATTRS, DOODLE_DEFAULTS, DOODLE_PARSE, type DoodleAttr, type DoodleSettings } from './doodle-settings.ts';
import { DoodlePad } from './doodle-pad.ts';
import { paintSeen, renderClasses } from './class-list.ts';
import { formatPct, renderBars } from './prob-bars.ts';
import { download, picked } from './file-io.ts';
import type { DoodleSession } from './doodle-session.ts';
import { SHELL } from './shell.ts';
import css from './doodle-classes.css?inline';

type Heavy = { engine: Engine; session: DoodleSession };

export class DoodleClassesElement extends EngineElement<Heavy> {
  static observedAttributes = [...DOODLE_ATTRS];
  private s: DoodleSettings = DOODLE_DEFAULTS;
  private errors = new Map<string, string>();
  private state: DoodleState = { classes: DOODLE_DEFAULTS.classes.map((name) => ({ name, drawings: [] })), model: null };
  private pad!: DoodlePad;
  private run: { stop: boolean; why: string; done: Promise<unknown> } | null = null;
  private restored = false;
  private saving: Promise<void> = Promise.resolve();
  private pixelCache = new WeakMap<Drawing, Uint8Array | null>();
  private reflecting = false;

  get source(): string { return this.s.source; }
  set source(v: string) { this.setAttribute('source', v); }
  get classes(): string[] { return this.state.classes.map((c) => c.name); }
  set classes(v: string[]) { this.setAttribute('classes', v.join(', ')); }
  get epochs(): number { return this.s.epochs; }
  set epochs(v: number) { this.setAttribute('epochs', String(v)); }
  get seed(): number { return this.s.seed; }
  set seed(v: number) { this.setAttribute('seed', String(v)); }
  /** Each class's name and number of drawings. */
  getClasses() { return this.state.classes.map((c) => ({ name: c.name, count: c.drawings.length })); }
  /** The pad's strokes, pad units (0–256). */
  getDrawing() { return this.pad.drawing; }
  /** The pad's drawing as the network's input, x / 255 in [1, 28, 28, 1]; null when the pad is empty. */
  getInput() { const px = this.pixels(this.pad.drawing); return px ? { data: toInput(px), shape: [1, 28, 28, 1] } : null; }
  /** The model's class names and its probabilities for the pad's drawing (null without a model or a drawing). */
  async getProbabilities() { const p = await this.heavy?.session.classify(this.pad.drawing); return p && this.state.model ? { classNames: [...this.state.model.classNames], probs: p } : null; }
  /** Resolves when every change so far is in IndexedDB. */
  whenSaved(): Promise<void> { return this.saving; }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild || this.reflecting) return;
    this.apply(name as DoodleAttr, value);
    if (name === 'source') { this.stopRun('stopped because the source model changed'); this.schedule(); }
  }

  protected render(): void {
    this.root.innerHTML = `<style>${css}</style>${SHELL(MODEL_NAMES)}`;
    const $ = this.$.bind(this);
    this.pad = new DoodlePad($('pad') as HTMLCanvasElement, () => this.padChanged(), (t) => ($('pad-status').textContent = t));
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) c.addEventListener('change', () => this.setAttribute(c.dataset.attr!, c.value));
    const on = (act: string, fn: () => void) => this.root.querySelector(`[data-act="${act}"]`)!.addEventListener('click', fn);
    on('undo', () => this.pad.undo());
    on('clear', () => this.pad.clear());
    on('train', () => void this.train());
    on('cancel', () => this.stopRun('cancelled'));
    on('add-class', () => this.addClass());
    on('export', () => void this.exportModel());
    $('import').addEventListener('change', () => void this.importModel($('import') as HTMLInputElement));
    for (const n of DOODLE_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.sync();
  }

  private $(role: string): HTMLElement { return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!; }

  private apply(name: DoodleAttr, raw: string | null): void {
    try {
      const v = raw === null ? { [name]: DOODLE_DEFAULTS[name] } : DOODLE_PARSE[name](raw);
      if (name === 'classes') this.usePreset(v.classes!);
      else this.s = { ...this.s, ...v };
      this.errors.delete(name);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.errors.set(name, e.message);
    }
    this.note('');
  }

  private usePreset(names: string[]): void {
    if (names.join('\n') === this.classes.join('\n')) return;
    this.state.classes = withNames(this.state.classes, names);
    this.changed(true);
  }

  /** Shows the attribute problems followed by `text` (an action's message). */
  private note(text: string, kind: 'error' | 'info' = 'error'): void {
    const all = [...this.errors.values(), text].filter(Boolean).join(' ');
    if (all && (kind === 'error' || this.errors.size)) this.emitError(all); else this.showMessage(all, 'info');
  }

  private sync(): void {
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) c.value = String(this.s[c.dataset.attr as Exclude<DoodleAttr, 'classes'>]);
    const busy = this.run !== null;
    renderClasses(this.$('classes') as HTMLOListElement, this.state.classes, {
      add: (i) => this.addTo(i), removeLast: (i) => this.removeLast(i), removeClass: (i) => this.removeClass(i),
      rename: (i, name) => this.rename(i, name), pixels: (d) => this.pixels(d),
    }, busy);
    (this.root.querySelector('[data-act="add-class"]') as HTMLButtonElement).disabled = busy || this.state.classes.length >= 5;
    (this.root.querySelector('[data-act="train"]') as HTMLButtonElement).disabled = busy;
    (this.root.querySelector('[data-act="cancel"]') as HTMLButtonElement).disabled = !busy;
    const total = this.state.classes.reduce((s, c) => s + c.drawings.length, 0);
    this.$('classes-summary').textContent = `${plural(this.state.classes.length, 'class')}, ${plural(total, 'drawing')} in all.`;
  }

  /** Saves the state (queued, so writes land in order) and, when `structure`, redraws the class list. */
  private changed(structure: boolean): void {
    if (structure) this.sync();
    const names = this.state.classes.map((c) => cleanName(c.name));
    if (nameProblems(names).length === 0 && this.getAttribute('classes') !== names.join(', ')) {
      this.reflecting = true;
      this.setAttribute('classes', names.join(', '));
      this.reflecting = false;
    }
    if (!this.restored) return;
    const record = serialise(this.state);
    this.saving = this.saving.then(() => saveRecord(this.key, record)).catch((err) => this.note(`Your drawings could not be saved in this browser: ${(err as Error).message}`));
  }

  private get key(): string { return this.id || 'doodle'; }

  private pixels(d: Drawing): Uint8Array | null {
    if (!this.pixelCache.has(d)) this.pixelCache.set(d, toMnist(rasterise(d), 256, 256));
    return this.pixelCache.get(d)!;
  }

  /** Runs a class edit; a refusal becomes the message, a change is saved and announced. */
  private edit(fn: () => string | null, done: () => string): void {
    const refusal = fn();
    if (refusal) return this.note(refusal);
    this.changed(true);
    this.note('');
    this.$('announce').textContent = done();
  }

  private addTo(i: number): void {
    const c = this.state.classes[i]!;
    this.edit(() => addDrawing(this.state.classes, i, this.pad.drawing, !this.pad.blank && this.pixels(this.pad.drawing) !== null), () => {
      this.pad.clear(false);
      this.padChanged();
      return `Drawing added to “${c.name}”: ${plural(c.drawings.length, 'drawing')}.`;
    });
  }

  private removeLast(i: number): void {
    const c = this.state.classes[i]!;
    this.edit(() => (c.drawings.pop() ? null : 'There is no drawing to remove.'), () => `Removed the last drawing of “${c.name}”: ${plural(c.drawings.length, 'drawing')} left.`);
  }

  private removeClass(i: number): void {
    const name = this.state.classes[i]?.name;
    this.edit(() => removeClass(this.state.classes, i), () => `Removed the class “${name}”.`);
  }

  private addClass(): void {
    this.edit(() => addClass(this.state.classes), () => `Added “${this.state.classes.at(-1)!.name}”.`);
    this.root.querySelector<HTMLInputElement>(`[data-role="name"][data-index="${this.state.classes.length - 1}"]`)?.focus();
  }

  private rename(i: number, name: string): void {
    this.state.classes[i]!.name = name;
    this.note(nameProblems(this.state.classes.map((c) => c.name)).join(' '));
    this.changed(false);
  }

  protected async load(): Promise<Heavy> {
    const restoring = this.restoreState();
    const [engine, lib] = await Promise.all([getEngine(), import('./doodle-session.ts')]);
    await restoring;
    return { engine, session: new lib.DoodleSession(engine, this.key) };
  }

  /** The reader's saved classes and drawings win over the `classes` preset. */
  private async restoreState(): Promise<void> {
    try {
      const raw = await loadRecord(this.key);
      if (raw !== undefined) { this.state = parseState(raw); this.errors.delete('classes'); }
    } catch (err) {
      this.note(`${(err as Error).message} Starting from the preset classes.`);
    }
    this.restored = true;
    this.changed(true);
  }

  /** Loads the source model and the saved model (again after a backend change), then shows where things stand. */
  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const t0 = performance.now();
    const { session } = heavy;
    if (session.engine !== heavy.engine) { this.stopRun('stopped because the compute backend changed'); await this.run?.done; session.dispose(); session.engine = heavy.engine; }
    this.setStatus('loading');
    try {
      await session.useSource(this.s.source);
      if (!session.model && this.state.model) await session.restore();
      if (gen !== this.gen) return;
      await this.classifyPad();
      this.showModel();
      this.emitResult({ backend: heavy.engine.backend, ms: performance.now() - t0, event: 'ready', ...this.facts() });
    } catch (err) {
      if (gen !== this.gen) return;
      this.setStatus('error');
      this.note(`The source model “${this.s.source}” could not be loaded: ${(err as Error).message}`);
    }
  }

  private facts() {
    return { source: this.s.source, classes: this.getClasses(), model: this.state.model ? { ...this.state.model } : null, fallbackReason: this.heavy?.engine.fallbackReason ?? null };
  }

  private padChanged(): void {
    paintSeen(this.$('seen') as HTMLCanvasElement, this.pixels(this.pad.drawing));
    void this.classifyPad();
  }

  private async classifyPad(): Promise<void> {
    const model = this.state.model;
    const names = model?.classNames ?? this.state.classes.map((c) => c.name);
    const probs = model ? await this.heavy?.session.classify(this.pad.drawing) ?? null : null;
    renderBars(this.$('bars') as HTMLUListElement, names, probs);
    const top = probs ? probs.indexOf(Math.max(...probs)) : -1;
    this.$('verdict').textContent = !model ? 'No model yet: draw at least 2 examples of each class, then press Train.'
      : !probs ? 'Draw on the pad: the model will classify the drawing.'
      : `The model says “${names[top]}” (${formatPct(probs[top]!)}).`;
  }

  private showModel(): void {
    this.$('model-line').textContent = describeModel(this.state.model, this.state.classes);
  }

  /** Trains on the drawings; returns what happened (also what the Train button does). */
  async train(): Promise<'trained' | 'cancelled' | 'refused' | 'failed'> {
    const heavy = this.heavy;
    if (this.run) return 'refused';
    if (!heavy || !heavy.session.sourceName || this.status === 'error') { this.note('The source model is not loaded yet.'); return 'refused'; }
    const problems = trainingProblems(this.state.classes.map((c) => ({ name: c.name, count: c.drawings.length })));
    if (problems.length) { this.note(problems.join(' ')); return 'refused'; }
    const names = this.state.classes.map((c) => cleanName(c.name));
    const drawings = this.state.classes.map((c) => [...c.drawings]);
    const { epochs, seed, source } = this.s;
    const run = { stop: false, why: 'cancelled', done: Promise.resolve() as Promise<unknown> };
    this.run = run;
    this.sync();
    this.setStatus('running');
    this.note('');
    const progress = this.$('progress') as HTMLProgressElement;
    this.$('announce').textContent = `Training a new head for ${names.join(', ')} on ${plural(drawings.flat().length, 'drawing')}…`;
    this.$('progress-text').textContent = `Passing the drawings through the frozen ${source} base…`;
    const work = heavy.session.train(drawings, {
      epochs, seed, stop: () => run.stop,
      onProgress: (p) => { progress.value = p.epoch / p.epochs; this.$('progress-text').textContent = `Epoch ${p.epoch} of ${p.epochs}, loss ${p.loss.toFixed(3)}`; },
    });
    run.done = work.catch(() => undefined);
    try {
      const r = await work;
      if (r.cancelled) {
        this.note(`Training ${run.why}. Your drawings${this.state.model ? ' and the previous model' : ''} are kept: press Train to start again.`, 'info');
        this.setStatus('ready');
        return 'cancelled';
      }
      this.state.model = { classNames: names, source, epochs, seed, trainAccuracy: r.accuracy, made: new Date().toISOString() };
      this.changed(false);
      await this.classifyPad();
      this.showModel();
      this.$('announce').textContent = `Trained in ${(r.ms / 1000).toFixed(1)} s: training accuracy ${percent(r.accuracy)}.`;
      this.emitResult({ backend: heavy.engine.backend, ms: r.ms, event: 'trained', accuracy: r.accuracy, losses: r.losses, ...this.facts() });
      return 'trained';
    } catch (err) {
      this.setStatus('ready');
      this.note(`Training failed: ${(err as Error).message}. Your drawings are kept.`);
      return 'failed';
    } finally {
      this.run = null;
      progress.value = 0;
      this.$('progress-text').textContent = '';
      this.sync();
    }
  }

  /** Stops a training run at its next read-back (within ~10 epochs). */
  cancel(): void { this.stopRun('cancelled'); }

  private stopRun(why: string): void {
    if (!this.run) return;
    this.run.stop = true;
    this.run.why = why;
  }

  private async exportModel(): Promise<void> {
    const session = this.heavy?.session;
    if (!session?.model || !this.state.model) return this.note('There is no model to export yet: train one first.');
    await download(await session.exportFiles(this.state.model.classNames));
    this.note('Exported model.json and weights.bin (a TensorFlow.js model). Import both files to use it again.', 'info');
  }

  private async importModel(input: HTMLInputElement): Promise<void> {
    const heavy = this.heavy;
    const files = await picked(input.files);
    input.value = '';
    if (!heavy || this.run) return this.note('Wait for the lab to be ready (and for training to end) before importing.');
    try {
      const classNames = await heavy.session.importFiles(files);
      this.state.model = { classNames, source: 'imported', epochs: 0, seed: 0, trainAccuracy: null, made: 'imported' };
      this.changed(false);
      await this.classifyPad();
      this.showModel();
      this.note(`Imported ${files.map((f) => f.name).join(' and ')}: a model for ${classNames.join(', ')}.`, 'info');
      this.emitResult({ backend: heavy.engine.backend, ms: 0, event: 'imported', ...this.facts() });
    } catch (err) {
      this.note((err as Error).message);
    }
  }

  protected teardown(): void {
    super.teardown();
    const heavy = this.heavy;
    this.heavy = null;
    this.stopRun('stopped');
    void (this.run?.done ?? Promise.resolve()).then(() => heavy?.session.dispose());
  }
}

define('fm-doodle-classes', DoodleClassesElement);
