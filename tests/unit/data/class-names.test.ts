import { describe, expect, it } from 'vitest';
import { classList, className, classNameMsg } from '@lib/data/class-names.ts';
import { readFileSync } from 'node:fs';
import type { Manifest } from '@lib/data/index.ts';

const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as Manifest;
const fashion = manifest.datasets.fashion!.classNames;

describe('className', () => {
  it('says every Fashion-MNIST class of the manifest unchanged in English', () => {
    expect(fashion.map((n) => className('en', n))).toEqual(fashion);
    expect(fashion.every((n) => typeof classNameMsg(n) !== 'string')).toBe(true);
  });

  it('says them in Chinese', () => {
    expect(fashion.map((n) => className('zh-CN', n))).toEqual(['T恤/上衣', '裤子', '套头衫', '连衣裙', '外套', '凉鞋', '衬衫', '运动鞋', '包', '短靴']);
  });

  it('leaves digits and names the catalogue lacks as they are', () => {
    expect(className('zh-CN', '7')).toBe('7');
    expect(classNameMsg('circle')).toBe('circle');
    expect(className('zh-CN', 'toString')).toBe('toString');
  });
});

describe('classList', () => {
  it("joins with ', ' in English and '、' in Chinese", () => {
    expect(classList('en', ['Trouser', 'Bag'])).toBe('Trouser, Bag');
    expect(classList('zh-CN', ['Trouser', 'Bag'])).toBe('裤子、包');
  });
});
