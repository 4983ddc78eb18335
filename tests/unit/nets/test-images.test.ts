import { describe, expect, it } from 'vitest';
import { loadManifest, loadSlice } from '../../../src/lib/data/index.ts';
import { fileFetch } from '../../../scripts/data/file-fetch.mts';
import { MODELS } from '../../../src/lib/models/shipped.ts';
import { TestImages, checkImageIndex, testSetOf } from '../../../src/lib/nets/test-images.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { say } from '../../../src/lib/i18n/index.ts';

const fetchFn = fileFetch('public');

describe('testSetOf', () => {
  it('fashion-cnn: the whole Fashion-MNIST test split, in packed order', async () => {
    const m = await loadManifest('data/', fetchFn);
    const set = testSetOf(MODELS['fashion-cnn']!, m);
    expect(set.count).toBe(10_000);
    expect(Array.from(set.positions.slice(0, 3))).toEqual([0, 1, 2]);
    expect(Array.from(set.labels.slice(0, 11))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
  });

  it('digits04-cnn: the digits test images labelled 0–4 (1,025, as its card says), labels from the packing alone', async () => {
    const m = await loadManifest('data/', fetchFn);
    const set = testSetOf(MODELS['digits04-cnn']!, m);
    expect(set.count).toBe(1025);
    expect(Math.max(...set.labels)).toBe(4);
    const slice = await loadSlice({ base: 'data/', fetch: fetchFn, dataset: 'digits', split: 'test', manifest: m });
    set.positions.forEach((p, i) => expect(slice.labels[p]).toBe(set.labels[i]));
    expect(Array.from(slice.labels).filter((l) => l < 5).length).toBe(1025);
  });
});

describe('checkImageIndex', () => {
  it('accepts 0…count−1 and names the range otherwise', async () => {
    const set = testSetOf(MODELS['digits04-cnn']!, await loadManifest('data/', fetchFn));
    expect(checkImageIndex(set, 'digits04-cnn', 1024)).toBe(1024);
    expect(() => checkImageIndex(set, 'digits04-cnn', 1025)).toThrow(ParamError);
    expect(() => checkImageIndex(set, 'digits04-cnn', 1025)).toThrow('image must be a test image number from 0 to 1024 for digits04-cnn (its 1,025 test images); got 1025.');
    expect(() => checkImageIndex(set, 'digits04-cnn', -1)).toThrow(/from 0 to 1024/);
    // The reader's message is a catalogue message: the same in English, and said in Chinese too.
    const err = (() => { try { checkImageIndex(set, 'digits04-cnn', 1025); } catch (e) { return e as ParamError; } })()!;
    expect(say('zh-CN', err.said)).toBe('image必须是0到1024之间的测试图像编号（digits04-cnn共有1,025张测试图像）；收到的是1025。');
  });
});

describe('TestImages.get', () => {
  it('returns the same pixels and label as the whole split, loading only a prefix and reusing it', async () => {
    const m = await loadManifest('data/', fetchFn);
    const set = testSetOf(MODELS['digits04-cnn']!, m);
    let fetched = 0;
    const urls: string[] = [];
    const counting: typeof fetchFn = (url, init) => { fetched++; urls.push(url); return fetchFn(url, init); };
    const images = new TestImages('data/', m, counting);
    const whole = await loadSlice({ base: 'data/', fetch: fetchFn, dataset: 'digits', split: 'test', manifest: m });
    const first = await images.get(set, 3);
    const calls = fetched;
    expect(urls, "labels + the first chunk").toHaveLength(2);
    const again = await images.get(set, 10);
    expect(fetched).toBe(calls); // still inside the loaded prefix
    for (const img of [first, again, await images.get(set, 1024)]) {
      const p = set.positions[img.index]!;
      expect(img.label).toBe(whole.labels[p]);
      expect(Array.from(img.pixels)).toEqual(Array.from(whole.images.subarray(p * 784, (p + 1) * 784)));
    }
  });
});
