/**
 * The pure half of the language-leak check (issue 15; the browser half is tests/e2e/i18n-collect.ts): given the texts
 * collected inside a page's widgets and the language the page speaks, the words that are in the other language.
 * - zh-CN: every Latin-script word is a leak unless the allow-list below lets it stand (names, units, symbols that a
 *   Chinese textbook also writes in Latin letters).
 * - en: every run of Chinese characters or Chinese punctuation is a leak (nothing is allowed).
 * Unit-tested in tests/unit/i18n/leaks.test.ts.
 */

export type LeakLang = 'en' | 'zh-CN';

/**
 * Latin words a Chinese widget may show, compared case-insensitively, each with why. Kept small on purpose: names,
 * units and abbreviations that the book's own Chinese (content/zh-cn/, the glossary src/lib/i18n/glossary.json, the
 * zh-CN catalogue src/lib/i18n/messages/zh-cn/) and the Chinese deep-learning textbooks leave in Latin letters. An
 * ordinary English word never belongs here: translate it. Code (tf.conv2d, float64), key names (Shift, Enter) and
 * the like go in <code>/<kbd>, which the collector skips. Besides this list, `allowedLatin` lets through
 * - symbols: a single letter, bare or indexed (x, y, k, W, b, x1, zᵢ: math symbols and axis letters, the `e` of
 *   1e-3, the T of T恤);
 * - math operators as formulas write them, lowercase only (`MATH_OPERATORS`): max(0, x) stays max in Chinese, while
 *   a "Max" option label is an English word;
 * - the layer names of the book's trained models (`LAYER_NAME`: conv1, bn2, relu1, pool2, dense1), which are the
 *   models' identifiers (model cards, code) and not translated;
 * - a hyphenated word whose every part is allowed (Sobel-x, ReLU-6), and words known only at run time (`extra`);
 * - an address's parameter as the reader types it (`?backend=cpu`, `&lang=zh-CN`: `QUERY_PARAM`), which is code the
 *   browser reads, not words, and must stay as it is to work.
 */
export const ALLOWED_LATIN: ReadonlyMap<string, string> = new Map([
  // Units printed after numbers: SI/IEC symbols, the same in Chinese.
  ['ms', 'unit: milliseconds (timing lines)'],
  ['px', 'unit: CSS pixels'],
  ['kb', 'unit: kilobytes'],
  ['mb', 'unit: megabytes'],
  // Datasets and models: proper names, written in Latin letters in Chinese papers, textbooks and the zh chapters.
  ['mnist', 'dataset name'],
  ['fashion-mnist', 'dataset name'],
  ['imagenet', 'dataset name (the zh transfer chapter keeps it)'],
  ['lenet', 'model name'],
  ['vgg', 'model name'],
  ['resnet', 'model name'],
  ['fashion-cnn', "the book's model name (its model card and file name)"],
  ['digits04-cnn', "the book's model name (its model card and file name)"],
  ['cnn', 'the standard abbreviation; the zh chapters write CNN'],
  ['rgb', 'colour model, written RGB in Chinese'],
  // Functions the glossary keeps in Latin: ReLU, Leaky ReLU（带泄漏的ReLU）, sigmoid, softmax, logit; and the rest of
  // the family the zh chapters name the same way (tanh, GELU).
  ['relu', 'function name (glossary)'],
  ['leaky', 'Leaky ReLU (glossary: Leaky ReLU（带泄漏的ReLU）)'],
  ['sigmoid', 'function name (glossary)'],
  ['tanh', 'function name'],
  ['softmax', 'function name (glossary: kept in Latin letters)'],
  ['gelu', 'function name'],
  ['logit', 'glossary: kept in Latin letters (plural "logits" is not: Chinese has no plural)'],
  // Methods named after their authors or papers, kept in Latin by the glossary and the zh chapters.
  ['he', 'He初始化 (glossary; Kaiming He)'],
  ['glorot', 'Glorot初始化 (glossary)'],
  ['xavier', 'Xavier初始化 (glossary)'],
  ['sobel', 'Sobel x/Sobel y kernels (zh chapters: Sobel x特征图; a person\'s name)'],
  ['adabn', 'method name (zh transfer chapter)'],
  ['batchnorm', 'the layer\'s name beside 批量归一化 (glossary, zh chapters)'],
  ['adam', 'optimiser name (zh chapters)'],
  // Back-ends and software, as the zh-CN catalogue writes them (engine.ts, badge.ts).
  ['webgpu', 'API name'],
  ['webgl', 'API name'],
  ['cpu', 'hardware, the standard abbreviation in Chinese too'],
  ['gpu', 'hardware, the standard abbreviation in Chinese too'],
  ['javascript', 'language name (badge: 需要JavaScript)'],
  ['tensorflow.js', 'library name (engine messages)'],
  ['tensorflow', 'library name (the playground\'s same padding is "TensorFlow规则")'],
  ['tfjs', 'library name (the network explorer\'s parameter count: "由tfjs的countParams()计算")'],
  // Code the widgets quote: tfjs functions and number types. They name what was called, as the zh chapters' code does.
  ['float32', 'number type (timing and check lines)'],
  ['float64', 'number type (exact reference lines)'],
  ['countparams', 'tfjs method name (network explorer)'],
  // Key names on the keyboard, as printed on the keys (the drawing grids' help).
  ['enter', 'key name'],
  ['tab', 'key name'],
  ['shift', 'key name'],
  // Values of attributes and the book's layer syntax, shown as the reader types them (options, the layer table):
  // padding modes as tfjs names them, and the receptive-field stack's layer kinds.
  ['same', "padding mode (tfjs's name; the zh chapters quote “same”)"],
  ['valid', "padding mode (tfjs's name; the zh chapters quote “valid”)"],
  ['conv', 'layer kind in the receptive-field stack syntax ("conv 3 s1")'],
  ['pool', 'layer kind in the receptive-field stack syntax ("pool 2")'],
  // The models' layer names beyond LAYER_NAME (their identifiers in the model cards; the zh chapters write hidden).
  ['hidden', 'layer name of the book\'s models'],
  ['logits', 'layer name of the book\'s models (the output before softmax)'],
  ['probs', 'layer name of the book\'s models'],
  ['flatten', 'layer name of the book\'s models'],
  // Symbols and abbreviations written in Latin letters in Chinese textbooks too.
  ['hout', 'output height symbol in the output-size formula (H_out)'],
  ['wout', 'output width symbol in the output-size formula (W_out)'],
  ['pc1', 'first principal component (PCA), as Chinese textbooks write it'],
  ['pc2', 'second principal component (PCA)'],
  ['width', 'the symbol in the initialisations N(0, 1/width), N(0, 2/width)'],
  ['iframe', 'HTML element name (the embed control\'s code)'],
  // Proper names: the sample photos' cat and astronaut.
  ['chelsea', 'the cat in the sample photo (a name)'],
  ['eileen', 'the astronaut in the sample photo (Eileen Collins)'],
  ['collins', 'the astronaut in the sample photo (Eileen Collins)'],
]);

/** Operators formulas write in Latin letters in every language; lowercase only, as a formula writes them. */
export const MATH_OPERATORS: ReadonlySet<string> = new Set(['max', 'min', 'log', 'exp', 'argmax']);

/** A layer of the book's models: conv1, bn2, relu1, pool2, dense1 (src/lib/models; named in their model cards). */
const LAYER_NAME = /^(conv|bn|relu|pool|dense)\d+$/;
/** tfjs functions the widgets name (tf.conv2d, tf.softmax, tf.valueAndGrad): code, as written. */
const TF_CALL = /^tf\.[A-Za-z0-9]+$/;

/** A Latin word: letters (digits after the first), joined by `-`, `'` or `.` to more of the same (Fashion-MNIST, TensorFlow.js). */
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{Nd}]*(?:[-'’.]\p{Script=Latin}[\p{Script=Latin}\p{Nd}]*)*/gu;
/** Chinese characters and the punctuation and full-width forms that only Chinese (or Japanese) text uses. */
const CHINESE_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
/** One letter, bare, with digits, or with subscript letters (ᵢ ⱼ ₖ …, which are Latin script too): a symbol. */
const SYMBOL = /^\p{Script=Latin}(?:\p{Nd}+|[\u1d62-\u1d6a\u2090-\u209c\u2c7c\u2071\u207f]+)?$/u;

export function latinWords(text: string): string[] {
  return text.match(LATIN_WORD) ?? [];
}

export function chineseRuns(text: string): string[] {
  return text.match(CHINESE_RUN) ?? [];
}

function allowedWhole(word: string, extra: ReadonlySet<string>): boolean {
  const w = word.toLowerCase();
  return SYMBOL.test(word) || MATH_OPERATORS.has(word) || LAYER_NAME.test(word) || TF_CALL.test(word) || ALLOWED_LATIN.has(w) || extra.has(w);
}

/**
 * May this Latin word stand in a Chinese widget? `extra` (lowercase) adds words known only at run time: the GPU
 * adapter's vendor and architecture, which the device badge quotes as the browser reports them.
 */
export function allowedLatin(word: string, extra: ReadonlySet<string> = new Set()): boolean {
  if (allowedWhole(word, extra)) return true;
  const parts = word.split('-');
  return parts.length > 1 && parts.every((p) => allowedWhole(p, extra));
}

/** A parameter of a page's address, written as the reader types it: `?name=value` or `&name=value`. */
const QUERY_PARAM = /[?&][A-Za-z][\w-]*=[\w.-]*/g;

/** The words of `text` that are in the wrong language for a page in `lang`. */
export function offendingWords(text: string, lang: LeakLang, extra: ReadonlySet<string> = new Set()): string[] {
  if (lang === 'en') return chineseRuns(text);
  return latinWords(text.replace(QUERY_PARAM, ' ')).filter((w) => !allowedLatin(w, extra));
}

export interface Collected { widget: string; where: string; text: string; hidden?: boolean }
export interface Leak extends Collected { words: string[] }

export function findLeaks(items: readonly Collected[], lang: LeakLang, extra: ReadonlySet<string> = new Set()): Leak[] {
  return items.flatMap((item) => {
    const words = offendingWords(item.text, lang, extra);
    return words.length ? [{ ...item, words }] : [];
  });
}

/**
 * Per widget (its tag, the index or id dropped: the same widget twice on a page leaks the same words), the offending
 * words, each once, in the order first met — the compact list a failure prints and a translator works from.
 */
export function wordsByWidget(leaks: readonly Leak[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const leak of leaks) {
    const tag = leak.widget.replace(/#.*$/, '');
    const list = (out[tag] ??= []);
    for (const w of leak.words) if (!list.includes(w)) list.push(w);
  }
  return out;
}
