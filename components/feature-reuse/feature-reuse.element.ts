/**
 * @summary `<fm-feature-reuse>`: which layers transfer. A shipped pretrained model beside a randomly initialised
 * one of the same architecture (seeded): their first-layer filters, their first block's feature maps on one
 * test digit, and a linear probe's accuracy on a new task (digits 5–9, a few labels per class) from each
 * layer's features (pool1, pool2, hidden) and from raw pixels. Contract: README.md beside this file.
 *
 * @attr model digits04-cnn|fashion-cnn · @attr digit the test digit whose maps are shown, 0–9
 * @attr labels labelled training digits per class for the probe, 1–50 · @attr seed 1–999999 (random model, picks)
 * @event fm-result `{ backend, ms, model, digit, labels, seed, pixels, pretrained: LayerScore[], random: LayerScore[], smoothness, fallbackReason }`
 * @event fm-progress `{ stage: 'pretrained', pixels, pretrained }` — the pretrained model's probes (and the pixels') while the random model's compute
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import { Job } from '@lib/job/job.ts';
import { runSliced, yieldToPage, type Sliced } from '@lib/schedule/slices.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { MODEL_NAMES, MODELS } from '@lib/models/shipped.ts';
import { REUSE_ATTRS, REUSE_DEFAULTS, REUSE_LIMITS, REUSE_PARSE, type ReuseAttr, type ReuseSettings } from '@lib/transfer/settings.ts';
import type { LayerScore, ModelView, ReuseData } from '@lib/transfer/reuse.ts';
import type { FeatureRows } from '@lib/transfer/layer-features.ts';
import { describeReuse, describeViews } from './reuse-summary.ts';
import { msg, say, t, type Lang, type MessageKey, type Msg } from '@lib/i18n/index.ts';
import css from './feature-reuse.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { headingLevelAfter } from '@lib/widget/heading-level.ts';
import type { FeatureReuseResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Lib = typeof import('@lib/transfer/reuse.ts');
type Heavy = {
  engine: Engine; lib: Lib; view: typeof import('./reuse-view.ts'); stats: typeof import('@lib/transfer/filter-stats.ts');
  data: ReuseData; digits: ImageSetLike; load(name: string): Promise<LayersModel>; random(classes: number, seed: number): Promise<LayersModel>;
  open: { shipped(tf: Engine['tf'], name: string): Promise<LayersModel>; random(classes: number, seed: number): Promise<LayersModel> };
  /** The pretrained model asked for at start, loading beside the data (acquire() takes it on that engine). */
  early: { engine: Engine; name: string; model: Promise<LayersModel> } | null;
};
type ImageSetLike = import('@lib/train/batches.ts').ImageSet;
/** A fixed text of the shell: `data-text` names its catalogue key, so a change of language can say it again. */
const text = (lang: Lang, key: MessageKey & `featureReuse.${string}`) => `<span data-text="${key}">${t(lang, key as 'featureReuse.model')}</span>`;
const num = (lang: Lang, attr: string, key: 'featureReuse.labels' | 'featureReuse.seed', [min, max]: readonly [number, number]) =>
  `<label>${text(lang, key)} <input type="number" data-attr="${attr}" min="${min}" max="${max}" step="1"></label>`;
const column = (lang: Lang, kind: string, level: number) => `
  <section class="model" aria-labelledby="${kind}-title"><h${level} id="${kind}-title" class="title" data-role="${kind}-title"></h${level}>
    <p class="caption">${text(lang, 'featureReuse.filtersCaption')}</p><canvas data-role="${kind}-filters" role="img"></canvas>
    <p class="caption">${text(lang, 'featureReuse.mapsCaption')}</p><canvas data-role="${kind}-maps" role="img"></canvas></section>`;

/** `level`: the columns' headings' level where the widget stands (src/lib/widget/heading-level.ts). */
const shell = (lang: Lang, level: number) => `
<div class="controls">
  <label>${text(lang, 'featureReuse.model')} <select data-attr="model">${MODEL_NAMES.map((m) => `<option value="${m}">${m}</option>`).join('')}</select></label>
  <label>${text(lang, 'featureReuse.digit')} <select data-attr="digit">${Array.from({ length: 10 }, (_, d) => `<option value="${d}">${d}</option>`).join('')}</select></label>
  ${num(lang, 'labels', 'featureReuse.labels', REUSE_LIMITS.labels)} ${num(lang, 'seed', 'featureReuse.seed', REUSE_LIMITS.seed)}
</div>
<p data-role="message" role="alert" hidden></p>
<div class="input"><canvas data-role="digit" role="img"></canvas><span data-role="digit-caption"></span></div>
<div class="pair">${column(lang, 'pretrained', level)}${column(lang, 'random', level)}</div>
<p class="legend">${text(lang, 'featureReuse.legend')}</p>
<p data-role="views-summary" class="summary" aria-live="polite"></p>
<div class="probe" data-role="probe"></div>
<p data-role="summary" class="summary" aria-live="polite"></p>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;

export class FeatureReuseElement extends EngineElement<Heavy, FeatureReuseResult> {
  static observedAttributes = attributeNames(SPEC);
  private settings = new AttributeSettings<ReuseSettings, ReuseAttr>(REUSE_DEFAULTS, REUSE_PARSE);
  private get s(): ReuseSettings { return this.settings.values; }
  private job: Job | null = null;
  // model, digit, labels, seed: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s); }
  private last: { views: { pretrained: ModelView; random: ModelView }; pretrained: LayerScore[]; random: LayerScore[]; pixels: LayerScore } | null = null;
  /** Test-set features per model key (they do not depend on labels or picks). */
  private testFeatures = new Map<string, Record<string, FeatureRows>>();
  /** What each `data-role` element says (its text, or an attribute), kept as messages to say again in another language. */
  private said = new Map<string, { role: string; attr: string | null; text: Msg | string }>();
  /** The settings' messages as last shown, to re-show them in another language while they are still on the line. */
  private shownSettings = '';
  /** The probe chart's data as last drawn, to redraw its words in another language. */
  private probe: { rows: import('./reuse-view.ts').ProbeRow[]; chance: number; model: string } | null = null;

  /** The last result: filters and maps of both models, and the probe scores per layer. */
  async getResult(): Promise<NonNullable<FeatureReuseElement['last']>> { await this.ready; return this.last!; }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild) return;
    this.apply(name as ReuseAttr, value);
    this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = shell(this.language, headingLevelAfter(this));
    adoptStyles(this.root, css);
    this.said.clear();
    this.put('digit', msg('featureReuse.testDigit'), 'aria-label');
    this.put('digit-caption', msg('featureReuse.inputDigit'));
    for (const kind of ['pretrained', 'random'] as const) {
      const title = msg(kind === 'pretrained' ? 'featureReuse.pretrained' : 'featureReuse.random');
      this.put(`${kind}-title`, title);
      this.put(`${kind}-filters`, msg('featureReuse.filtersLabel', { title }), 'aria-label');
      this.put(`${kind}-maps`, msg('featureReuse.mapsLabel', { title }), 'aria-label');
    }
    this.put('summary', msg('featureReuse.waiting'));
    bindControls(this.root, (n, v) => this.setAttribute(n, v));
    for (const n of REUSE_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.settings.syncControls(this.root);
  }

  private apply(name: ReuseAttr, raw: string | null): void {
    this.settings.apply(name, raw);
    const text = this.settings.messageIn(this.language);
    this.shownSettings = text;
    if (text) this.emitError(text); else this.clearMessage();
    this.settings.syncControls(this.root);
  }

  /** Says `text` in the `data-role` element (its text, or the attribute `attr`) now and again on a change of language. */
  private put(role: string, text: Msg | string, attr: string | null = null): void {
    this.said.set(`${role} ${attr}`, { role, attr, text });
    const said = say(this.language, text);
    if (attr) this.$(role).setAttribute(attr, said); else this.$(role).textContent = said;
  }

  protected onLangChange(): void {
    for (const el of this.root.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = this.t(el.dataset.text as 'featureReuse.model');
    for (const { role, attr, text } of this.said.values()) this.put(role, text, attr);
    const line = this.$('message');
    if (this.shownSettings && !line.hidden && line.textContent === this.shownSettings) {
      this.shownSettings = this.settings.messageIn(this.language);
      this.showMessage(this.shownSettings, 'error');
    }
    if (this.probe && this.heavy) this.heavy.view.drawProbe(this.$('probe'), this.probe.rows, this.probe.chance, this.probe.model, this.language);
  }

  private $<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.root.querySelector<T>(`[data-role="${role}"]`)!;
  }

  protected async load(): Promise<Heavy> {
    // The data does not wait for the engine (tfjs, the adapter, the smoke check): both load side by side.
    const engineReady = getEngine();
    const [lib, view, stats, shipped, assets, dataLib, picks, cnn] = await Promise.all([
      importAgain(() => import('@lib/transfer/reuse.ts')), importAgain(() => import('./reuse-view.ts')), importAgain(() => import('@lib/transfer/filter-stats.ts')),
      importAgain(() => import('@lib/models/shipped.ts')), importAgain(() => import('@lib/widget/assets.ts')), importAgain(() => import('@lib/data/index.ts')), importAgain(() => import('@lib/transfer/picks.ts')), importAgain(() => import('@lib/models/small-cnn.ts')),
    ]);
    const slice = (split: string, perClass?: number) => dataLib.loadSlice({ base: assets.DATA_BASE, dataset: 'digits', split, perClass });
    const name = this.s.model;
    const sets = Promise.all([slice('test'), slice('train', lib.POOL_PER_CLASS)]);
    sets.catch(() => {}); // awaited below, after the engine
    const engine = await engineReady;
    const early = { engine, name, model: shipped.loadShippedModel(engine.tf, name, assets.MODELS_BASE) };
    early.model.catch(() => {}); // acquire() loads again, and reports a failure then
    const [testAll, trainAll] = await sets;
    // The test set, the pool and the ten example digits each copied in a task of its own (together one task of
    // 25–40 ms on the embed page here).
    const test = picks.subset(testAll, picks.firstOfClasses(testAll, lib.TARGET_CLASSES, lib.TARGET_CLASSES.length * lib.TEST_PER_CLASS));
    await yieldToPage();
    const data: ReuseData = { test, pool: picks.subset(trainAll, picks.firstOfClasses(trainAll, lib.TARGET_CLASSES)) };
    await yieldToPage();
    const digits = picks.subset(testAll, Array.from({ length: 10 }, (_, d) => picks.firstOfClasses(testAll, [d], 1)[0]!));
    const open = { shipped: (tf: Engine['tf'], name: string) => shipped.loadShippedModel(tf, name, assets.MODELS_BASE), random: (classes: number, seed: number) => runSliced(cnn.buildSmallCnnSliced({ classes, seed })) };
    const none = () => { throw new Error('no engine scope yet'); };
    return { engine, lib, view, stats, data, digits, open, load: none, random: none, early };
  }

  /**
   * Models live on one backend: per scope, one pretrained model per name and one random model (the latest seed),
   * owned by the scope (disposed with it, or when the element leaves); features computed with the old ones are dropped.
   */
  protected async acquire(heavy: Heavy, scope: EngineScope): Promise<void> {
    this.testFeatures.clear();
    const loaded = new Map<string, Promise<LayersModel>>();
    let random: { key: string; model: Promise<LayersModel> } | null = null;
    const early = heavy.early;
    heavy.early = null;
    // A failed early load is retried once through heavy.load (which forgets a failure, so a Retry fetches again).
    if (early?.engine === scope.engine) loaded.set(early.name, early.model.then((m) => this.own(scope, m), () => { loaded.delete(early.name); return heavy.load(early.name); }));
    else if (early) void early.model.then((m) => m.dispose(), () => {});
    heavy.load = (name) => {
      // A model that failed to load is forgotten, so a Retry fetches it again.
      if (!loaded.has(name)) loaded.set(name, heavy.open.shipped(scope.engine.tf, name).then((m) => this.own(scope, m), (err: unknown) => { loaded.delete(name); throw err; }));
      return loaded.get(name)!;
    };
    heavy.random = (classes, seed) => {
      const key = `${classes}/${seed}`;
      if (random?.key !== key) {
        // Built layer by layer with pauses (buildSmallCnnSliced): the one it replaces goes once it is made.
        if (random) void random.model.then((m) => scope.release(m), () => {});
        this.testFeatures.delete(`random/${random?.key}`);
        const made = heavy.open.random(classes, seed).then((m) => this.own(scope, m), (err: unknown) => { if (random?.model === made) random = null; throw err; });
        random = { key, model: made };
      }
      return random.model;
    };
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const s = { ...this.s };
    const { tf } = heavy.engine;
    const { lib } = heavy;
    const t0 = performance.now();
    this.setStatus('running');
    this.job?.cancel();
    const job = (this.job = new Job());
    // One job: checked between stages (a new setting cancels it), paused out of view; failures reported with Retry.
    const stage = async () => gen === this.gen && (await job.checkpoint());
    const work = async () => {
      const pre = await heavy.load(s.model);
      if (!(await stage())) return;
      const rand = await heavy.random(MODELS[s.model]!.classes, s.seed);
      const digit = { ...heavy.digits, count: 1, images: heavy.digits.images.subarray(s.digit * 784, (s.digit + 1) * 784), labels: [s.digit] };
      const views = { pretrained: await lib.modelView(tf, pre, digit), random: await lib.modelView(tf, rand, digit) };
      if (!(await stage())) return;
      // The page gets the main thread back between the pieces of work (each a task of its own: docs in slices.ts).
      await yieldToPage();
      await runSliced(this.drawViews(heavy, s, views, gen));
      if (!(await stage())) return;
      this.put('summary', msg('featureReuse.training', { labels: s.labels }));
      await yieldToPage();
      const test = lib.relabelledTest(heavy.data);
      const train = lib.probeTrainingSet(heavy.data, s.labels, s.seed);
      const scores = async (model: LayersModel, key: string) => {
        const testRows = this.testFeatures.get(key) ?? await lib.probeFeatures(tf, model, test);
        if (gen === this.gen) this.testFeatures.set(key, testRows);
        // The probes train on the CPU, in slices between which the page stays responsive.
        return runSliced(lib.scoreModelSliced(await lib.probeFeatures(tf, model, train), train.labels, testRows, test.labels));
      };
      const pixels = await runSliced(lib.scoreLayerSliced('pixels', lib.pixelRows(train), train.labels, lib.pixelRows(test), test.labels));
      await yieldToPage();
      const pretrained = await scores(pre, `pretrained/${s.model}`);
      if (!(await stage())) return;
      // Streamed: the pretrained model's probes are on screen (marked partial) while the random model's compute.
      this.drawProbe(heavy, s, pixels, pretrained, null);
      this.dispatchEvent(new CustomEvent('fm-progress', { detail: { stage: 'pretrained', pixels: pixels.accuracy, pretrained }, bubbles: true, composed: true }));
      const random = await scores(rand, `random/${MODELS[s.model]!.classes}/${s.seed}`);
      if (!(await stage())) return;
      this.last = { views, pretrained, random, pixels };
      this.drawProbe(heavy, s, pixels, pretrained, random);
      this.put('summary', describeReuse(s, test.count, pixels, pretrained, random));
      const ms = performance.now() - t0;
      this.put('timing', msg('featureReuse.timing', { seconds: (ms / 1000).toFixed(1) }));
      this.emitResult({ backend: heavy.engine.backend, ms, ...s, pixels: pixels.accuracy, pretrained, random, smoothness: this.smoothness(heavy, views), fallbackReason: heavy.engine.fallbackReason ?? null });
    };
    // A run a newer setting has replaced may fail on the way out (the newer run releases the random model it was
    // reading): that is not the reader's failure, so it is not reported.
    await this.jobs.run(job, () => work().catch((err: unknown) => { if (gen === this.gen) throw err; }), () => this.recompute());
  }

  /** The probe chart; `random` null: still computing (the chart is marked partial). */
  private drawProbe(heavy: Heavy, s: ReuseSettings, pixels: LayerScore, pretrained: LayerScore[], random: LayerScore[] | null): void {
    const host = this.$('probe');
    this.probe = {
      rows: [
        { layer: 'pixels', pretrained: pixels.accuracy, random: null },
        ...pretrained.map((p, i) => ({ layer: p.layer, pretrained: p.accuracy, random: random?.[i]!.accuracy ?? null })),
      ],
      chance: 1 / heavy.lib.TARGET_CLASSES.length, model: s.model,
    };
    heavy.view.drawProbe(host, this.probe.rows, this.probe.chance, this.probe.model, this.language);
    if (random) delete host.dataset.partial; else host.dataset.partial = '';
  }

  private smoothness(heavy: Heavy, v: { pretrained: ModelView; random: ModelView }): { pretrained: number; random: number } {
    const r = (m: ModelView) => heavy.stats.neighbourCorrelation(m.filters.data, m.filters.shape[0]!, m.filters.shape[1]!, m.filters.shape[3]!);
    return { pretrained: r(v.pretrained), random: r(v.random) };
  }

  /**
   * The input digit, both models' filters and first maps, and their words: the pictures are made in steps (a sliced
   * computation: together 21–25 ms of one task on the embed page here), then all put on the page in one, unless
   * `gen` is old by then.
   */
  private *drawViews(heavy: Heavy, s: ReuseSettings, v: { pretrained: ModelView; random: ModelView }, gen: number): Sliced<void> {
    const kinds = ['pretrained', 'random'] as const;
    const pictures = [];
    for (const kind of kinds) {
      const filters = heavy.view.filtersPicture(v[kind].filters.data, v[kind].filters.shape);
      yield;
      const maps = heavy.view.mapsPicture(v[kind].maps.data, v[kind].maps.shape);
      yield;
      pictures.push({ kind, filters, maps });
    }
    const texts = describeViews(s, v, this.smoothness(heavy, v), heavy.stats.activeShare);
    yield;
    if (gen !== this.gen) return;
    heavy.view.paintDigit(this.$('digit'), heavy.digits.images.subarray(s.digit * 784, (s.digit + 1) * 784));
    this.put('digit-caption', msg('featureReuse.inputCaption', { digit: s.digit }));
    this.put('digit', msg('featureReuse.inputLabel', { digit: s.digit }), 'aria-label');
    this.put('pretrained-title', msg('featureReuse.pretrainedTitle', { model: s.model }));
    this.put('random-title', msg('featureReuse.randomTitle', { seed: String(s.seed) }));
    for (const { kind, filters, maps } of pictures) {
      heavy.view.put(this.$(`${kind}-filters`), filters);
      heavy.view.put(this.$(`${kind}-maps`), maps);
      this.put(`${kind}-filters`, texts[kind].filters(filters.range), 'aria-label');
      this.put(`${kind}-maps`, texts[kind].maps(maps.max), 'aria-label');
    }
    this.put('views-summary', texts.summary);
    // The first picture (filters and maps), for benchmarks beside FmElement's fm-start/fm-result marks.
    this.markPicture();
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface FeatureReuseElement extends Reflected<typeof SPEC> {}
define('fm-feature-reuse', FeatureReuseElement);
declare global { interface HTMLElementTagNameMap { 'fm-feature-reuse': FeatureReuseElement } }
