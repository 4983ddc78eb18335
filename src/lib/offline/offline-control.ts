/**
 * "Read offline" on a chapter: shows the chapter's size, saves every file it needs (offline.json) into the cache
 * the service worker answers from, then says "Available offline" — on this visit and later ones. The service worker
 * is registered only when a reader asks for it. Nothing appears where it cannot work (no service workers, or an
 * insecure context). It speaks the page's language (the box's `lang`, inherited), and says it again if that changes.
 */
import { msg, resolveLang, say, watchLang, type Msg } from '../i18n/page.ts';
import { CACHE_NAME } from './cache-rules.ts';

interface PageFiles { files: string[]; bytes: number }
// Not Intl: a page's first Intl call sets up the number formatter (~40 ms on a phone), a long task while the
// chapter loads; one decimal with a point reads the same in English and Chinese. (Counts go into messages as text
// for the same reason.)
const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function mountOfflineControl(box: HTMLElement, base: string): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !('caches' in window)) return;
  const page = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : null;
  if (page === null) return;
  const list = await fetch(`${base}offline.json`).then((r) => (r.ok ? (r.json() as Promise<Record<string, PageFiles>>) : null)).catch(() => null);
  const mine = list?.[page];
  if (!mine) return;
  const save = box.querySelector<HTMLButtonElement>('[data-role="save"]')!;
  const remove = box.querySelector<HTMLButtonElement>('[data-role="remove"]')!;
  const status = box.querySelector<HTMLElement>('[data-role="status"]')!;
  // offline.json too: offline, this control reads it to say the chapter is available.
  const urls = [...mine.files, 'offline.json'].map((f) => `${base}${f}`);
  let lang = resolveLang(box);
  let said: Msg | null = null;
  const tell = (message: Msg | null) => {
    said = message;
    status.textContent = message ? say(lang, message) : '';
  };
  const show = (saved: boolean, message: Msg | null) => {
    save.hidden = saved;
    remove.hidden = !saved;
    tell(message);
  };
  const label = () => (save.textContent = say(lang, msg('offline.save', { size: MB(mine.bytes) })));
  label();
  watchLang(box, (now) => {
    lang = now;
    label();
    tell(said);
  });
  const cache = await caches.open(CACHE_NAME);
  const missing = async () => (await Promise.all(urls.map((u) => cache.match(u)))).filter((hit) => !hit).length;
  // Most readers have saved nothing: without a service worker there is no offline copy to look for, and the
  // hundreds of cache lookups (a long task on a phone while the chapter loads) are skipped.
  const saved = (await navigator.serviceWorker.getRegistration(base)) !== undefined && (await missing()) === 0;
  show(saved, saved ? msg('offline.available') : null);
  box.hidden = false;

  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
      let done = 0;
      const queue = [...urls];
      const worker = async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          if (!(await cache.match(url))) await cache.add(url);
          tell(msg('offline.saving', { done: String(++done), total: String(urls.length) }));
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      await navigator.serviceWorker.ready;
      show(true, msg('offline.available'));
    } catch (err) {
      tell(msg('offline.failed', { error: err instanceof Error ? err.message : String(err) }));
    } finally {
      save.disabled = false;
    }
  });
  remove.addEventListener('click', async () => {
    // Other saved chapters share files with this one (the widget entry, chunks, data): those stay.
    const kept = new Set<string>();
    for (const [other, files] of Object.entries(list!)) {
      if (other === page) continue;
      const theirs = [...files.files, 'offline.json'].map((f) => `${base}${f}`);
      if ((await Promise.all(theirs.map((u) => cache.match(u)))).every(Boolean)) theirs.forEach((u) => kept.add(u));
    }
    await Promise.all(urls.filter((u) => !kept.has(u)).map((u) => cache.delete(u)));
    show(false, msg('offline.removed'));
  });
}
