/**
 * The script-tag entry, served unhashed at `/widgets/v1/feature-maps.js` (built by scripts/widgets/bundle.mts):
 *
 *   <script type="module" src="https://HOST/widgets/v1/feature-maps.js"></script>
 *   <fm-conv-playground kernel="sobel-x"></fm-conv-playground>
 *
 * It defines every `fm-*` element lazily: a tag's code is imported the first time the page holds one (now or
 * later — a MutationObserver watches the document), and its assets resolve from this script's URL
 * (src/lib/widget/assets.ts). The book's own pages load the same file, so the published entry cannot rot.
 * Loading it twice (even from two URLs) defines each element once: the first copy owns the document.
 * A host whose elements sit inside its own shadow roots (which the observer does not see) imports `load(tag)` or
 * `scan(root)` from this module; `TAG_NAMES` lists what it can define.
 */
import { ELEMENT_LOADERS } from './loaders.ts';
import { yieldToPage } from '../schedule/slices.ts';
import { importAgain } from './import-again.ts';

type Tag = keyof typeof ELEMENT_LOADERS;
const TAGS = Object.keys(ELEMENT_LOADERS) as Tag[];
const SELECTOR = TAGS.join(',');
const loading = new Map<Tag, Promise<void>>();

/** Loads one element's code (once); resolves when the tag is defined. Unknown tags reject with a clear message. */
export function load(tag: string): Promise<void> {
  const name = tag.toLowerCase() as Tag;
  const loader = ELEMENT_LOADERS[name];
  if (!loader) return Promise.reject(new Error(`Feature Maps has no element <${tag}>; known: ${TAGS.join(', ')}`));
  let done = loading.get(name);
  if (!done) {
    // importAgain: a browser that keeps a failed module for its URL (import-again.ts) still fetches it again.
    done = importAgain(loader).then(() => customElements.whenDefined(name)).then(() => undefined);
    // A failed download (offline, a blocked origin) may be retried by the next scan.
    done.catch((err: unknown) => {
      loading.delete(name);
      console.warn(`Feature Maps could not load <${name}>:`, err);
    });
    loading.set(name, done);
  }
  return done;
}

/** Tags `scan` has queued and not yet loaded (or failed to). */
const queued = new Set<Tag>();
let queue: Promise<void> = Promise.resolve();

/**
 * Loads the code of every Feature Maps element inside `root` that is not defined yet, one tag after another in page
 * order, each defined in a task of its own. Loaded together, the modules of a page's widgets were evaluated together
 * where they wait on a shared import (the Chinese catalogue, fetched on demand): every widget's first render in one
 * task, 40 ms on this machine and four times that on a phone.
 */
export function scan(root: ParentNode = document): void {
  const found = new Set<Tag>();
  if (root instanceof Element && (TAGS as string[]).includes(root.localName)) found.add(root.localName as Tag);
  for (const el of root.querySelectorAll(SELECTOR)) found.add(el.localName as Tag);
  for (const tag of found) {
    if (customElements.get(tag) || queued.has(tag)) continue;
    queued.add(tag);
    queue = queue
      .then(() => load(tag).catch(() => {}))
      .then(() => { queued.delete(tag); return yieldToPage(); });
  }
}

const OWNER = Symbol.for('feature-maps.widgets.v1');
const g = globalThis as typeof globalThis & { [OWNER]?: true };
if (typeof document !== 'undefined' && !g[OWNER]) {
  g[OWNER] = true;
  scan();
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) scan(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

export const TAG_NAMES: readonly string[] = TAGS;
