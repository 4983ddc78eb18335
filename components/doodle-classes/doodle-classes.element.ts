/**
 * @summary `<fm-doodle-classes>`: the reader names 2–5 classes, draws a few examples of each, and the shipped
 * model learns them live — its base frozen (features computed once per drawing), a new seeded softmax head
 * trained on the engine (feature extraction) — then classifies new drawings with probabilities. Classes, drawings and the model are
 * kept in IndexedDB; the model can be exported and imported as a tfjs model. Contract: README.md beside this file.
 *
 * @attr source fashion-cnn|digits04-cnn · @attr classes names, comma-separated (2–5) · @attr epochs 1–1000 · @attr seed
 * @event fm-result `{ backend, ms, event: 'ready'|'trained'|'imported', source, classes: {name, count}[], model, accuracy?, losses? }`
 * @event fm-error `{ message }`; nothing the reader drew is dropped
 * @event fm-doodles-saved on window, `{ key }`, after each save to IndexedDB (`<fm-finetune-lab>` reads the classes then)
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { ParamError } from '@lib/params/index.ts';
import { MODEL_NAMES } from '@lib/models/shipped.ts';
import { ClassListError, nameProblems, sentences } from '@lib/doodle/classes.ts';
import { addClass, addDrawing, plural, removeClass, withNames } from '@lib/doodle/edits.ts';
import type { Drawing } from '@lib/doodle/strokes.ts';
import { toInput } from '@lib/doodle/preprocess.ts';
import { DOODLE_ATTRS, DOODLE_DEFAULTS, DOODLE_PARSE, type DoodleAttr, type DoodleSettings } from './doodle-settings.ts';
import { StrokePad, STROKE_PAD_CSS } from '@lib/widget/stroke-pad/stroke-pad.ts';
import { DOODLE_RASTER, mnistOf } from '@lib/stroke-pad/image.ts';
import { DoodleLab } from './doodle-lab.ts';
import { paintControls, paintSeen, renderClasses } from './class-list.ts';
import { BarsView } from './prob-bars.ts';
import { exportModel, importModel } from './file-io.ts';
import { trainDoodles } from './doodle-train.ts';
import type { DoodleSession } from './doodle-session.ts';
import { relabelShell, SHELL } from './shell.ts';
import { headingLevelAfter } from '@lib/widget/heading-level.ts';
import type { DoodleClassesResult } from './result.ts';
import css from './doodle-classes.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { msg, say, t, whyOf, type Lang, type Msg } from '@lib/i18n/index.ts';
import { ReaderError } from '@lib/i18n/reader-error.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; session: DoodleSession };

export class DoodleClassesElement extends EngineElement<Heavy, DoodleClassesResult> {
  static observedAttributes = attributeNames(SPEC);
  private s: DoodleSettings = DOODLE_DEFAULTS;
  /** The attributes' refusals, as messages (a refused class list gives several). */
  private errors = new Map<string, readonly (Msg | string)[]>();
  /** The last action's messages on the message line, and that line's text as last shown (to say it again). */
  private noted: { text: readonly (Msg | string)[]; kind: 'error' | 'info' } = { text: [], kind: 'error' };
  private noteShown = '';
  /** What the progress line and the screen reader's line say, kept to say again in another language. */
  private lines = new Map<'progress-text' | 'announce', Msg | null>();
  /** The language of the preset class names while the classes are still that untouched preset (null once they are not). */
  private presetIn: Lang | null = null;
  private lab!: DoodleLab;
  private pad!: StrokePad;
  private pixelCache = new WeakMap<Drawing, Uint8Array | null>();
  private reflecting = false;
  private bars!: BarsView;

  // source, epochs, seed: reflected from SPEC; classes are the lab's (renamed, added or removed by the reader too).
  static { reflect(this, SPEC, (el) => el.s, ['classes']); }
  get classes(): string[] { return this.lab.state.classes.map((c) => c.name); } set classes(v: string[]) { this.setAttribute('classes', v.join(', ')); }
  /** Each class's name and number of drawings. */
  getClasses() { return this.lab.counts(); }
  /** The pad's strokes, pad units (0–256). */
  getDrawing() { return this.pad.drawing; }
  /** The pad's drawing as the network's input, x / 255 in [1, 28, 28, 1]; null when the pad is empty. */
  getInput() { const px = this.pixels(this.pad.drawing); return px ? { data: toInput(px), shape: [1, 28, 28, 1] } : null; }
  /** The model's class names and its probabilities for the pad's drawing (null without a model or a drawing). */
  async getProbabilities() { const m = this.lab.state.model, p = await this.heavy?.session.classify(this.pad.drawing); return p && m ? { classNames: [...m.classNames], probs: p } : null; }
  /** Resolves when every change so far is in IndexedDB. */
  whenSaved(): Promise<void> { return this.lab.whenSaved(); }
  /** Stops a training run within one epoch; the drawings and the previous model stay. */
  cancel(): void { this.lab.stop('cancelled'); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild || this.reflecting) return;
    this.apply(name as DoodleAttr, value);
    if (name === 'source') { this.lab.stop('source'); this.schedule(); }
  }

  protected render(): void {
    // The id names the saved record, so the lab is made once the element is in the page (ids are set by then).
    if (!this.lab) {
      this.lab = new DoodleLab(this.id || 'doodle', preset(this.language), (m) => this.note(m));
      this.presetIn = this.language;
    }
    this.root.innerHTML = SHELL(MODEL_NAMES, this.language, headingLevelAfter(this));
    adoptStyles(this.root, css + STROKE_PAD_CSS);
    this.bars = new BarsView(this.$('bars') as HTMLUListElement, this.$('verdict'));
    this.bars.lang = this.language;
    this.pad = new StrokePad({ raster: DOODLE_RASTER, look: 'theme', width: '16rem', label: msg('doodleClasses.padLabel'), lang: this.language, onChange: () => this.padChanged() });
    this.$('pad-slot').replaceWith(this.pad.el);
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) c.addEventListener('change', () => this.setAttribute(c.dataset.attr!, c.value));
    const on = (act: string, fn: () => void) => this.root.querySelector(`[data-act="${act}"]`)!.addEventListener('click', fn);
    on('train', () => void this.train());
    on('cancel', () => this.cancel());
    on('add-class', () => this.edit(() => addClass(this.lab.state.classes), () => msg('doodleClasses.added', { name: this.classes.at(-1)! })));
    on('export', () => void exportModel(this.heavy?.session ?? null, this.lab).then((r) => this.note(r.message, r.ok ? 'info' : 'error')));
    this.$('import').addEventListener('change', () => void this.importModel(this.$('import') as HTMLInputElement));
    for (const n of DOODLE_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.sync();
  }

  /**
   * Every word again in the new language, from what is kept: the shell, the pad, the class list and counts, the
   * model line, the verdict, the progress and announcement lines, the message line. Nothing is recomputed (the
   * drawings' pixels are cached, the probabilities are the last shown).
   */
  protected onLangChange(): void {
    const lang = this.language;
    this.translatePreset(lang);
    relabelShell(this.root, lang);
    this.pad.setLang(lang);
    this.bars.lang = lang;
    this.bars.relabel();
    this.sync();
    paintSeen(this.$('seen') as HTMLCanvasElement, this.pixels(this.pad.drawing), lang);
    for (const [role, text] of this.lines) this.put(role, text);
    const line = this.$('message');
    if (this.noteShown && !line.hidden && line.textContent === this.noteShown) this.showNote(false);
  }

  /**
   * The preset classes ("sun, house, tree"), while untouched — no drawings, no model, not renamed, not set by the
   * `classes` attribute or a saved record — are named in the reader's language, so they follow a change of it.
   */
  private translatePreset(lang: Lang): void {
    const was = this.presetIn, cs = this.lab.state.classes;
    if (!was || was === lang) return;
    const untouched = !this.lab.state.model && !this.lab.run && cs.every((c) => c.drawings.length === 0) && this.classes.join('\n') === preset(was).join('\n');
    this.presetIn = untouched ? lang : null;
    if (!untouched) return;
    this.lab.state.classes = withNames(cs, preset(lang));
    this.changed(false);
    void this.classifyPad(); // no model: the bars' names only, nothing to compute
  }

  /** Shows `text` in `[data-role=role]` (null empties it), kept to say again on a change of language. */
  private put(role: 'progress-text' | 'announce', text: Msg | null): void {
    this.lines.set(role, text);
    this.$(role).textContent = text ? say(this.language, text) : '';
  }

  private $(role: string): HTMLElement { return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!; }

  private apply(name: DoodleAttr, raw: string | null): void {
    try {
      const v = raw === null ? { [name]: name === 'classes' ? preset(this.language) : DOODLE_DEFAULTS[name] } : DOODLE_PARSE[name](raw);
      if (name === 'classes') this.presetIn = raw === null ? this.language : null;
      if (name !== 'classes') this.s = { ...this.s, ...v };
      else if (v.classes!.join('\n') !== this.classes.join('\n')) { this.lab.state.classes = withNames(this.lab.state.classes, v.classes!); this.changed(); }
      this.errors.delete(name);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.errors.set(name, e instanceof ClassListError ? e.messages : [e.said]);
    }
    this.note([]);
  }

  /** Shows the attribute problems followed by `text` (an action's messages; none: only the problems). */
  private note(text: Msg | string | readonly (Msg | string)[], kind: 'error' | 'info' = 'error'): void {
    this.noted = { text: Array.isArray(text) ? text : [text as Msg | string], kind };
    this.showNote(true);
  }

  /** The message line from the kept problems and note, in the element's language; `emit`: an error is reported too. */
  private showNote(emit: boolean): void {
    const { text, kind } = this.noted;
    const all = sentences(this.language, [...[...this.errors.values()].flat(), ...text]);
    const error = all !== '' && (kind === 'error' || this.errors.size > 0);
    this.noteShown = all;
    if (error && emit) this.emitError(all); else this.showMessage(all, error ? 'error' : 'info');
  }

  private sync(): void {
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) c.value = String(this.s[c.dataset.attr as Exclude<DoodleAttr, 'classes'>]);
    const busy = this.lab.run !== null;
    const cs = this.lab.state.classes;
    renderClasses(this.$('classes') as HTMLOListElement, cs, {
      add: (i) => this.addTo(i), rename: (i, name) => this.rename(i, name), pixels: (d) => this.pixels(d),
      removeLast: (i) => this.edit(() => (cs[i]!.drawings.pop() ? null : msg('doodleClasses.nothingToRemove')), () => msg('doodleClasses.removedLast', { name: cs[i]!.name, drawings: plural(cs[i]!.drawings.length, 'drawing') })),
      removeClass: (i) => { const name = cs[i]!.name; this.edit(() => removeClass(cs, i), () => msg('doodleClasses.removedClass', { name })); },
    }, busy, this.language);
    paintControls(this.root, cs, this.lab.state.model, busy, this.language);
  }

  /** After any change to the classes: redraw, reflect valid names to the attribute, save. */
  private changed(redraw = true): void {
    if (redraw) this.sync();
    const names = this.lab.names;
    if (nameProblems(names).length === 0 && this.getAttribute('classes') !== names.join(', ')) {
      this.reflecting = true;
      this.setAttribute('classes', names.join(', '));
      this.reflecting = false;
    }
    this.lab.save();
  }

  private pixels(d: Drawing): Uint8Array | null {
    if (!this.pixelCache.has(d)) this.pixelCache.set(d, mnistOf(d));
    return this.pixelCache.get(d)!;
  }

  /** Runs a class edit; a refusal becomes the message, a change is saved and announced. */
  private edit(fn: () => Msg | null, done: () => Msg): void {
    const refusal = fn();
    if (refusal) return this.note(refusal);
    this.changed();
    this.note([]);
    this.put('announce', done());
  }

  private addTo(i: number): void {
    const c = this.lab.state.classes[i]!;
    const d = this.pad.drawing;
    this.edit(() => addDrawing(this.lab.state.classes, i, d, this.pixels(d) !== null), () => {
      this.pad.clear(false);
      this.padChanged();
      return msg('doodleClasses.drawingAdded', { name: c.name, drawings: plural(c.drawings.length, 'drawing') });
    });
  }

  private rename(i: number, name: string): void {
    this.lab.state.classes[i]!.name = name;
    this.note(nameProblems(this.classes));
    this.changed(false);
  }

  protected async load(): Promise<Heavy> {
    const restoring = this.lab.restore().then((had) => { if (had) { this.presetIn = null; this.errors.delete('classes'); this.note([]); } }, (err) => this.note(msg('doodleClasses.restoreFailed', { error: whyOf(err) ?? (err as Error).message })));
    const [engine, lib] = await Promise.all([getEngine(), importAgain(() => import('./doodle-session.ts'))]);
    await restoring;
    this.changed();
    return { engine, session: new lib.DoodleSession(engine, this.lab.key) };
  }

  /** Loads the source model and the saved model (again after a backend change), then shows where things stand. */
  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const t0 = performance.now();
    const { session } = heavy;
    if (session.engine !== heavy.engine) { this.lab.stop('backend'); await this.lab.run?.done; session.dispose(); session.engine = heavy.engine; }
    await this.lab.run?.done; // a run stopped by a new source ends before its base is replaced
    if (gen !== this.gen) return;
    this.setStatus('loading');
    // A failure here is reported by EngineElement (status="error", the message, Retry).
    await session.useSource(this.s.source).catch((err: Error) => { throw new ReaderError(msg('doodleClasses.sourceFailed', { source: this.s.source, error: whyOf(err) ?? err.message })); });
    if (!session.model && this.lab.state.model && !(await session.restore())) {
      this.lab.state.model = null;
      this.changed();
      this.note(msg('doodleClasses.modelLost'));
    }
    if (gen !== this.gen) return;
    await this.classifyPad();
    this.emitResult({ backend: heavy.engine.backend, ms: performance.now() - t0, event: 'ready', ...this.facts() });
  }

  private facts() {
    const m = this.lab.state.model;
    return { source: this.s.source, classes: this.getClasses(), model: m ? { ...m } : null, fallbackReason: this.heavy?.engine.fallbackReason ?? null };
  }

  private padChanged(): void {
    paintSeen(this.$('seen') as HTMLCanvasElement, this.pixels(this.pad.drawing), this.language);
    void this.classifyPad();
  }

  private async classifyPad(): Promise<void> {
    const model = this.lab.state.model;
    await this.bars.show(model?.classNames ?? this.classes, model !== null, model ? this.heavy?.session.classify(this.pad.drawing) ?? null : null);
  }

  /** What the Train button does: trains on the drawings as they are, or says why not. */
  async train(): Promise<string> {
    const heavy = this.heavy;
    if (!heavy || this.status === 'error') { this.note(msg('doodleClasses.notLoaded')); return 'refused'; }
    const r = await trainDoodles({
      root: this.root, lab: this.lab, session: heavy.session, jobs: this.jobs, settings: { epochs: this.s.epochs, seed: this.s.seed, source: this.s.source },
      sync: () => this.sync(), setStatus: (s) => this.setStatus(s), note: (t, k) => this.note(t, k), put: (role, t) => this.put(role, t), retry: () => void this.train(),
    });
    if (r?.kind === 'trained') await this.modelChanged('trained', r.ms, { accuracy: r.accuracy, losses: r.losses });
    return r?.kind ?? 'failed';
  }

  private async importModel(input: HTMLInputElement): Promise<void> {
    const said = await importModel(input, this.heavy?.session ?? null, this.lab);
    this.note(said.message, said.ok ? 'info' : 'error');
    if (said.ok) await this.modelChanged('imported', 0);
  }

  /** After a new model (trained or imported): the classes, the pad's probabilities, the result event. */
  private async modelChanged(event: 'trained' | 'imported', ms: number, extra: Pick<DoodleClassesResult, 'accuracy' | 'losses'> = {}): Promise<void> {
    this.sync();
    await this.classifyPad();
    this.emitResult({ backend: this.heavy!.engine.backend, ms, event, ...extra, ...this.facts() });
  }

  protected teardown(): void {
    super.teardown();
    this.lab.stopThen(this.heavy?.session);
    this.heavy = null;
  }
}

export interface DoodleClassesElement extends Omit<Reflected<typeof SPEC>, 'classes'> {}
define('fm-doodle-classes', DoodleClassesElement);
declare global { interface HTMLElementTagNameMap { 'fm-doodle-classes': DoodleClassesElement } }

/** The preset classes in `lang` (English: the `classes` attribute's default, DOODLE_DEFAULTS). */
function preset(lang: Lang): string[] {
  return [t(lang, 'doodleClasses.preset.sun'), t(lang, 'doodleClasses.preset.house'), t(lang, 'doodleClasses.preset.tree')];
}
