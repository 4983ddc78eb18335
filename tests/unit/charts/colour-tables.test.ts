import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolateBlues, interpolatePuOr } from 'd3-scale-chromatic';
import { BLUES_HEX, PU_OR_HEX, tableBytes } from '../../../src/lib/charts/colour-tables.ts';
import { divergingLut } from '../../../src/lib/charts/diverging.ts';
import { sampleHex } from '../../../scripts/colour-tables.mts';

describe('colour tables sampled at build time', () => {
  it('hold d3-scale-chromatic’s PuOr and Blues at i / 255, entry for entry (else: node scripts/colour-tables.mts)', () => {
    expect(PU_OR_HEX).toBe(sampleHex(interpolatePuOr));
    expect(BLUES_HEX).toBe(sampleHex(interpolateBlues));
    expect(PU_OR_HEX).toHaveLength(256 * 6);
  });
  it('give the diverging scale the bytes d3 interpolates: dark purple, near-white middle, dark orange', () => {
    const lut = divergingLut();
    for (const i of [0, 64, 127, 128, 200, 255]) {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolatePuOr(i / 255))!;
      expect([...lut.subarray(i * 3, i * 3 + 3)]).toEqual(m.slice(1).map(Number));
    }
    expect([...tableBytes('ff0080')]).toEqual([255, 0, 128]);
  });
  it('leave d3-scale-chromatic out of the pages’ code (a test and the generator use it)', () => {
    for (const f of ['src/lib/charts/diverging.ts', 'components/receptive-field/rf-view.ts'])
      expect(readFileSync(f, 'utf8')).not.toContain('d3-scale-chromatic');
  });
});
