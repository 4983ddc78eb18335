/** The loader against the real committed files, served by a fake fetch that can break them on purpose. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, loadSlice, toFloat32, type FetchLike, type Manifest, type Progress } from '@lib/data/index.ts';
import { fileFetch } from '../../../scripts/data/file-fetch.mts';
import { say, whyOf } from '@lib/i18n/index.ts';

const BASE = 'data/';
const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as Manifest;
const PX = 784;

/** Serves public/data; `edit` may replace a file's bytes (or return a status) before it is served. */
function fakeFetch(edit: (path: string, bytes: Uint8Array) => Uint8Array | number = (_, b) => b) {
  const requested: string[] = [];
  const serve = fileFetch('public');
  const fetch: FetchLike = async (url) => {
    requested.push(url.slice(BASE.length));
    const res = await serve(url);
    if (!res.ok) return res;
    const out = edit(url.slice(BASE.length), new Uint8Array(await res.arrayBuffer()));
    return typeof out === 'number' ? new Response('', { status: out, statusText: 'Not Found' }) : new Response(out as Uint8Array<ArrayBuffer>);
  };
  return { fetch, requested };
}

/** All images of a split, straight from the committed files. */
function whole(dataset: string, split: string) {
  const s = manifest.datasets[dataset]!.splits[split]!;
  return {
    images: Buffer.concat(s.images.map((c) => readFileSync(join('public/data', c.path)))),
    labels: readFileSync(join('public/data', s.labels.path)),
  };
}

describe('loadSlice', () => {
  it.each([
    ['fashion', 'test', 10, true],
    ['fashion', 'train', 25, true],
    ['digits', 'train', 3, true],
    ['digits', 'test', 150, true],
    // More than digit 5's 173 test images: all of that class, and every chunk.
    ['digits', 'test', 190, false],
  ])('%s/%s: the first %i per class, fetching only the chunks needed', async (dataset, split, perClass, partial) => {
    const { fetch, requested } = fakeFetch();
    const slice = await loadSlice({ base: BASE, dataset, split, perClass, fetch });
    const all = whole(dataset, split);
    const entry = manifest.datasets[dataset]!.splits[split]!;
    // Independently: take the first perClass of each class from the whole split, keeping packed order.
    const seen = new Array(10).fill(0);
    const keep = Array.from(all.labels.keys()).filter((i) => seen[all.labels[i]!]++ < perClass);
    expect(slice.count).toBe(keep.length);
    expect(slice.shape).toEqual([keep.length, 28, 28]);
    expect(Array.from(slice.labels)).toEqual(keep.map((i) => all.labels[i]));
    keep.forEach((i, k) => expect(Buffer.from(slice.images.subarray(k * PX, (k + 1) * PX)).equals(all.images.subarray(i * PX, (i + 1) * PX))).toBe(true));
    expect(entry.classCounts.map((n, c) => Array.from(slice.labels).filter((l) => l === c).length)).toEqual(entry.classCounts.map((n) => Math.min(n, perClass)));
    const chunks = entry.images.filter((c) => c.start < keep.length).map((c) => c.path);
    expect(requested.sort()).toEqual(['manifest.json', entry.labels.path, ...chunks].sort());
    if (partial) expect(chunks.length).toBeLessThan(entry.images.length);
  });

  it.each([
    ['fashion', 'train', 160, 200],
    ['digits', 'test', 150, 190], // digit 5 has 173: ranks 150–172 of it
    ['fashion', 'train', 0, 3],
  ])('%s/%s: within-class ranks [%i, %i) (skipPerClass), fetching only the chunks that hold them', async (dataset, split, skip, perClass) => {
    const { fetch, requested } = fakeFetch();
    const slice = await loadSlice({ base: BASE, dataset, split, perClass, skipPerClass: skip, fetch });
    const all = whole(dataset, split);
    const entry = manifest.datasets[dataset]!.splits[split]!;
    const seen = new Array(10).fill(0);
    const keep = Array.from(all.labels.keys()).filter((i) => { const r = seen[all.labels[i]!]++; return r >= skip && r < perClass; });
    expect(slice.count).toBe(keep.length);
    expect(Array.from(slice.labels)).toEqual(keep.map((i) => all.labels[i]));
    keep.forEach((i, k) => expect(Buffer.from(slice.images.subarray(k * PX, (k + 1) * PX)).equals(all.images.subarray(i * PX, (i + 1) * PX))).toBe(true));
    const chunks = entry.images.filter((c) => c.start <= keep.at(-1)! && c.start + c.count > keep[0]!).map((c) => c.path);
    expect(requested.sort()).toEqual(['manifest.json', entry.labels.path, ...chunks].sort());
  });

  it('skipPerClass without perClass is refused', async () => {
    await expect(loadSlice({ base: BASE, dataset: 'fashion', split: 'train', skipPerClass: 3, manifest, fetch: fakeFetch().fetch })).rejects.toThrow(/skipPerClass needs perClass/);
  });

  it('reports progress up to the bytes of exactly the files it fetched', async () => {
    const events: Progress[] = [];
    const entry = manifest.datasets.digits!.splits.test!;
    await loadSlice({ base: BASE, dataset: 'digits', split: 'test', limit: 450, fetch: fakeFetch().fetch, onProgress: (p) => events.push(p) });
    const total = entry.labels.bytes + entry.images.filter((c) => c.start < 450).reduce((s, c) => s + c.bytes, 0);
    expect(events[0]).toEqual({ loaded: 0, total });
    expect(events.at(-1)).toEqual({ loaded: total, total });
    events.forEach((e, i) => i && expect(e.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded));
  });

  it('loads a whole split when neither perClass nor limit is given', async () => {
    const slice = await loadSlice({ base: BASE, dataset: 'digits', split: 'test', fetch: fakeFetch().fetch });
    expect(Buffer.from(slice.images).equals(whole('digits', 'test').images)).toBe(true);
  });
});

describe('loadSlice failures name the file', () => {
  const chunk = 'fashion/test-images-0.u8';
  const cases: [string, (p: string, b: Uint8Array) => Uint8Array | number, RegExp][] = [
    ['a truncated file', (p, b) => (p === chunk ? b.subarray(0, b.length - 1) : b), /fashion\/test-images-0\.u8 is truncated: got 78399 of 78400 bytes/],
    ['a file with a changed byte', (p, b) => (p === chunk ? b.map((v, i) => (i === 4000 ? v ^ 1 : v)) : b), /fashion\/test-images-0\.u8 is corrupted: its SHA-256/],
    ['a file that is too long', (p, b) => (p === chunk ? new Uint8Array([...b, 0]) : b), /fashion\/test-images-0\.u8 has the wrong size/],
    ['a missing file (404)', (p, b) => (p === 'fashion/test-labels.u8' ? 404 : b), /fashion\/test-labels\.u8: HTTP 404/],
    ['a manifest that is not JSON', (p, b) => (p === 'manifest.json' ? b.subarray(0, 200) : b), /manifest\.json does not parse as JSON/],
    ['a missing manifest', (p, b) => (p === 'manifest.json' ? 404 : b), /manifest\.json: HTTP 404/],
    [
      'a manifest whose counts disagree',
      (p, b) => (p === 'manifest.json' ? new TextEncoder().encode(new TextDecoder().decode(b).replace('"count": 10000', '"count": 9999')) : b),
      /manifest\.json is invalid: fashion\/test: classCounts do not add up to count/,
    ],
  ];
  it.each(cases)('%s', async (_, edit, message) => {
    const err = await loadSlice({ base: BASE, dataset: 'fashion', split: 'test', perClass: 5, fetch: fakeFetch(edit).fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(message);
    // The reader sees it in their language: the catalogue message says the same in English, and names the file in Chinese.
    const why = whyOf(err)!;
    expect(say('en', why)).toBe((err as Error).message);
    expect(say('zh-CN', why)).toMatch(/^(无法加载数据文件|数据文件|数据清单)/);
    expect(say('zh-CN', why)).toContain((err as DataError).file);
  });

  it('an unknown split, listing the known ones', async () => {
    await expect(loadSlice({ base: BASE, dataset: 'fashion', split: 'val', manifest, fetch: fakeFetch().fetch })).rejects.toThrow(/No split fashion\/val .*fashion\/test/);
  });

  it('a network failure', async () => {
    const fetch: FetchLike = async () => { throw new TypeError('Failed to fetch'); };
    await expect(loadSlice({ base: BASE, dataset: 'digits', split: 'test', manifest, fetch })).rejects.toThrow(/Could not load data file digits\/test-labels\.u8: Failed to fetch/);
  });

  it('a connection that drops half-way through a file', async () => {
    const fetch: FetchLike = async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new Uint8Array(10)); c.error(new TypeError('network error')); },
    }));
    await expect(loadSlice({ base: BASE, dataset: 'digits', split: 'test', manifest, fetch })).rejects.toThrow(/Could not load data file digits\/test-labels\.u8: network error/);
  });
});

describe('toFloat32', () => {
  it('maps bytes to x / 255 in [N, 28, 28, 1]', () => {
    const bytes = Uint8Array.from({ length: 2 * PX }, (_, i) => (i * 7) % 256);
    const { data, shape } = toFloat32(bytes, 2);
    expect(shape).toEqual([2, 28, 28, 1]);
    bytes.forEach((b, i) => expect(data[i]).toBe(Math.fround(b / 255)));
    expect(() => toFloat32(bytes, 3)).toThrow(/pixels/);
  });
});
