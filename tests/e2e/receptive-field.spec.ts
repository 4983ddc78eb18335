/**
 * <fm-receptive-field> on its embed page: what it reports and paints is the brute-force oracle's field
 * (src/lib/receptive-field/mask.ts) and the formula's numbers, for presets and edited stacks; unit picking by
 * keyboard and click; editing the layer table; bad inputs; no tfjs loaded; axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, collectScripts } from './support.ts';
import { widgetHarness } from './widget-harness.ts';
import { parseLayers, PRESETS } from '../../src/lib/receptive-field/layers.ts';
import { planLayers, sizeAt, type Plan } from '../../src/lib/receptive-field/plan.ts';
import { fieldAlong, fieldSteps } from '../../src/lib/receptive-field/formula.ts';
import { dependencyCounts, maskBounds } from '../../src/lib/receptive-field/mask.ts';

const TFJS_MARKER = 'Conv2DBackpropFilter';
type Detail = { backend: string; layers: string; input: number; sizes: number[]; layer: number; unit: [number, number]; r: number; j: number; start: number;
  field: { rows: [number, number]; cols: [number, number] }; formulaField: { rows: [number, number]; cols: [number, number] }; mask: { rows: [number, number]; cols: [number, number]; cells: number } };

const { el, open, last: latest, count, message, set } = widgetHarness<Detail>('receptive-field', { timeout: 30_000 });

/** The oracle's answer for a stack, computed here in Node from the same library code the widget runs. */
function oracle(layers: string, input: number, layer: number, unit: [number, number]) {
  const plan = planLayers(parseLayers(layers), input) as Plan;
  const steps = fieldSteps(plan);
  const counts = dependencyCounts(plan, layer, unit)[0]!;
  const fy = fieldAlong(plan, steps, layer, unit[0]), fx = fieldAlong(plan, steps, layer, unit[1]);
  return { plan, steps, counts, mask: maskBounds(counts, input)!, fy, fx };
}

/** Which input cells the canvas paints blue (sampled at each cell's centre), as a 0/1 array. */
async function paintedCells(page: Page, n: number): Promise<number[]> {
  return el(page).evaluate((e, size) => {
    const c = e.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-role="input"]')!;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const cell = c.width / size;
    return Array.from({ length: size * size }, (_, i) => {
      const x = Math.floor((i % size) * cell + cell / 2), y = Math.floor(Math.floor(i / size) * cell + cell / 2);
      const k = (y * c.width + x) * 4;
      return px[k + 2]! - px[k]! > 25 ? 1 : 0; // blues have far more blue than red; the grey background has none
    });
  }, n);
}

test('presets and edited stacks: reported and painted fields are the oracle\'s; the formula matches it', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const loaded = collectScripts(page);
  let d = await open(page);
  expect(d.backend).toBe('reference');
  const cases: [Record<string, string | null>, string, number][] = [
    [{}, PRESETS[0]!.layers, 28],
    [{ preset: 'dilated', unit: '5,9' }, PRESETS[3]!.layers, 40],
    [{ preset: 'resnet-stem', unit: null, layer: '2' }, PRESETS[2]!.layers, 64],
    [{ layers: 'conv 3 d2, conv 3 d2, conv 3 d2', 'input-size': '21', layer: null, unit: '3,3' }, 'conv 3 d2, conv 3 d2, conv 3 d2', 21],
    [{ layers: 'conv 5 s2 valid, pool 3 s1, conv 3 d3', 'input-size': '30', unit: '2,4' }, 'conv 5 s2 valid, pool 3 s1, conv 3 d3', 30],
  ];
  for (const [attrs, layers, input] of cases) {
    if (Object.keys(attrs).length) d = await set(page, attrs);
    expect(await message(page)).toBe('');
    const o = oracle(layers, input, d.layer, d.unit);
    expect(d.layers).toBe(layers);
    expect(d.sizes).toEqual(o.plan.layers.map((l) => l.outSize));
    expect([d.r, d.j, d.start]).toEqual([o.steps[d.layer]!.r, o.steps[d.layer]!.j, o.steps[d.layer]!.start]);
    expect(d.mask).toEqual({ rows: o.mask.rows, cols: o.mask.cols, cells: o.mask.cells });
    expect(d.formulaField).toEqual({ rows: [o.fy.formula.first, o.fy.formula.last], cols: [o.fx.formula.first, o.fx.formula.last] });
    // The formula's square (clipped) always holds the oracle's field, and equals its box when it lies inside the image.
    expect(d.mask.rows[0]).toBeGreaterThanOrEqual(d.field.rows[0]); expect(d.mask.rows[1]).toBeLessThanOrEqual(d.field.rows[1]);
    expect(d.mask.cols[0]).toBeGreaterThanOrEqual(d.field.cols[0]); expect(d.mask.cols[1]).toBeLessThanOrEqual(d.field.cols[1]);
    if (d.formulaField.rows[0] >= 0 && d.formulaField.rows[1] < input) expect(d.mask.rows).toEqual(d.formulaField.rows);
    // The canvas shows exactly the oracle's cells.
    if (input <= 40) expect(await paintedCells(page, input)).toEqual(Array.from(o.counts, (c) => (c > 0 ? 1 : 0)));
    const r = await el(page).evaluate((e, l) => e.shadowRoot!.querySelectorAll('[data-cell="r"]')[l - 1]!.textContent, d.layer);
    expect(Number(r)).toBe(d.r);
  }
  // The book CNN's formula line, with its numbers.
  await set(page, { preset: 'small-cnn', layers: null, 'input-size': null, layer: null, unit: null });
  const lines = await el(page).evaluate((e) => [...e.shadowRoot!.querySelectorAll('[data-role="formula"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ')));
  expect(lines[3]).toContain('r4 = r3 + (k4 − 1)·d4·j3 = 8 + (2 − 1)·1·2 = 10');
  expect((await loaded.bodies()).filter((s) => s.includes(TFJS_MARKER)), 'no tfjs on this page').toHaveLength(0);
});

test('keyboard and pointer: arrow keys move the unit, the strip and the select pick layers, the table edits a layer', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'preset=small-cnn');
  const picked = page.locator('fm-receptive-field canvas[data-role="picked"]');
  await picked.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(el(page)).toHaveAttribute('unit', '4,3');
  await page.keyboard.press('ArrowUp');
  await expect(el(page)).toHaveAttribute('unit', '3,3');
  let d = await latest(page);
  expect(d.unit).toEqual([2, 2]);
  expect(d.field.rows).toEqual([-3 + 2 * 4 + 0, -3 + 2 * 4 + 9].map((v) => Math.max(0, v))); // start −3, j 4, r 10
  expect(await picked.getAttribute('aria-valuetext')).toBe('row 3, column 3 of 7×7: field rows 6–15, columns 6–15');
  await page.keyboard.press('End');
  await expect(el(page)).toHaveAttribute('unit', '3,7');
  // A click on the picked grid's top-left cell.
  const box = (await picked.boundingBox())!;
  await page.mouse.click(box.x + 3, box.y + 3);
  await expect(el(page)).toHaveAttribute('unit', '1,1');
  d = await latest(page);
  expect(d.mask.cells).toBe(oracle(PRESETS[0]!.layers, 28, 4, [0, 0]).mask.cells);
  // The strip's layer 2 button, then the select back to layer 4.
  await page.locator('fm-receptive-field .strip button[data-layer="2"]').click();
  await expect(el(page)).toHaveAttribute('layer', '2');
  expect((await latest(page)).r).toBe(4);
  await page.locator('fm-receptive-field select[data-role="layer"]').selectOption('4');
  await expect(el(page)).toHaveAttribute('layer', '4');
  // Edit layer 2's stride from the keyboard: the stack, the sizes and r follow.
  const stride = page.locator('fm-receptive-field tr[data-index="1"] input[data-field="s"]');
  await stride.fill('1');
  await stride.press('Enter');
  await expect(el(page)).toHaveAttribute('layers', 'conv 3, pool 2 s1, conv 3, pool 2');
  d = await latest(page);
  expect(d.sizes).toEqual([28, 27, 27, 13]);
  expect(d.r).toBe(oracle('conv 3, pool 2 s1, conv 3, pool 2', 28, 4, [0, 0]).steps[4]!.r);
  expect(await page.locator('fm-receptive-field select[data-role="preset"]').inputValue()).toBe('');
  // Remove a layer, add one.
  await page.locator('fm-receptive-field tr[data-index="3"] button[data-act="remove"]').click();
  await expect(el(page)).toHaveAttribute('layers', 'conv 3, pool 2 s1, conv 3');
  await page.locator('fm-receptive-field button[data-act="add-pool"]').click();
  await expect(el(page)).toHaveAttribute('layers', 'conv 3, pool 2 s1, conv 3, pool 2');
  expect(await message(page)).toBe('');
});

test('bad preset, stacks, sizes, layer and unit: messages, last good stack, still working', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  let d = await open(page, new URLSearchParams({ preset: 'alexnet', layer: '9', unit: '0,0' }).toString());
  let m = await message(page);
  expect(m).toContain('Unknown preset "alexnet". Choose one of: small-cnn, vgg, resnet-stem, dilated.');
  expect(m).toContain('unit must be "row,column" counted from 1');
  expect(m).toContain('layer 9 is beyond the 4 layers of this stack; showing layer 4.');
  expect([d.layers, d.layer, d.unit]).toEqual([PRESETS[0]!.layers, 4, [3, 3]]);
  for (const [attrs, text] of [
    [{ layers: '', layer: null, unit: null }, 'layers is empty'],
    [{ layers: Array(500).fill('conv 3').join(', ') }, 'layers lists 500 layers; at most 16'],
    [{ layers: 'conv 3, fully-connected 10' }, 'layer 2 ("fully-connected 10") must look like'],
    [{ layers: 'conv 3 s7' }, 'the stride must be from 1 to 4'],
    [{ layers: 'pool 2, pool 2, pool 2', 'input-size': '4' }, 'Layer 3 (pool 2) spans 2 pixels but gets a 1×1 input'],
    [{ layers: null, 'input-size': '999' }, 'input-size must be from 4 to 128; got 999.'],
    [{ 'input-size': null, unit: '8,1' }, "unit 8,1 is outside layer 4's 7×7 map (rows and columns 1–7); showing the centre unit."],
    [{ unit: '<b>x</b>' }, 'unit must be "row,column"'],
  ] as [Record<string, string | null>, string][]) {
    d = await set(page, attrs);
    m = await message(page);
    expect(m, JSON.stringify(attrs).slice(0, 80)).toContain(text);
    expect(d.layers).toBe(PRESETS[0]!.layers); // the last good stack stays in force
    expect(d.mask.cells).toBeGreaterThan(0);
  }
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('b').length)).toBe(0);
  // Still usable: fix the unit and pick another by keyboard.
  await set(page, { unit: '2,2', preset: 'small-cnn' });
  expect(await message(page)).toBe('');
  await page.locator('fm-receptive-field canvas[data-role="picked"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(el(page)).toHaveAttribute('unit', '2,3');
});

test('the embed page passes axe in light and dark, also with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'preset=vgg&layer=5');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'layers=conv%203,%20pool%202&layer=0');
  expect(await message(page)).toContain('layer must be from 1 to 16; got 0.');
  expect(await axeViolations(page)).toEqual([]);
});

test('speaks Chinese under lang="zh-CN" and English again when lang changes back, without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'preset=dilated&layer=9&unit=5,9');
  const words = () => el(page).evaluate((e) => {
    const root = e.shadowRoot!;
    const text = (sel: string) => root.querySelector(sel)!.textContent!;
    return {
      labels: [...root.querySelectorAll('.controls label > span')].map((s) => s.textContent),
      preset: root.querySelector<HTMLSelectElement>('[data-role="preset"]')!.selectedOptions[0]!.textContent,
      layer: root.querySelector<HTMLSelectElement>('[data-role="layer"]')!.selectedOptions[0]!.textContent,
      headers: [...root.querySelectorAll('thead th')].map((th) => th.textContent),
      rowLabel: root.querySelector('tbody [data-field="s"]')!.getAttribute('aria-label'),
      start: text('[data-role="start"]'),
      formula: text('[data-role="formula"] li:last-child .what'),
      strip: text('[data-role="strip"] span'),
      legend: text('.legend'),
      caption: text('[data-role="picked-caption"]'),
      valuetext: root.querySelector('[data-role="picked"]')!.getAttribute('aria-valuetext'),
      summary: text('[data-role="summary"]'),
      message: text('[data-role="message"]'),
    };
  });
  const english = await words();
  const results = await count(page);
  expect(english.message).toBe('layer 9 is beyond the 4 layers of this stack; showing layer 4.');
  expect(english.start).toBe(', starting from r0 = j0 = 1:');

  await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
  await expect.poll(async () => (await words()).labels).toEqual(['网络结构', '输入大小', '在此层选取单元']);
  const chinese = await words();
  expect(chinese.preset).toBe('膨胀卷积堆叠（膨胀率1、2、4、8）');
  expect(chinese.layer).toBe('第4层：conv 3（40×40）');
  expect(chinese.headers).toEqual(['#', '层', '窗口k', '步幅s', '膨胀d', '填充', '输出', '感受野r', '跳距j', '删除']);
  expect(chinese.rowLabel).toBe('第1层：步幅s');
  expect(chinese.start).toBe('，初始值r0 = j0 = 1：');
  expect(chinese.formula).toBe('conv 3，膨胀8：');
  expect(chinese.strip).toBe('输入 · 40×40');
  expect(chinese.legend).toContain('通往该单元的路径多');
  expect(chinese.caption).toBe('第4层，conv 3：40×40的特征图；所选单元位于第5行、第9列。点击其他单元，或使用方向键。');
  expect(chinese.valuetext).toMatch(/^40×40中的第5行、第9列：感受野为第\d+–\d+行、第\d+–\d+列$/);
  expect(chinese.summary).toMatch(/^第4层（conv 3，40×40）第5行、第9列的单元可受\d+个输入像素影响/);
  expect(chinese.summary).toContain('方块有一部分落在图像外的填充中，只有其中');
  expect(chinese.message).toBe('这个网络只有4层，没有第9层；现显示第4层。');
  expect(await count(page)).toBe(results);

  await page.evaluate(() => (document.documentElement.lang = 'en'));
  await expect.poll(async () => (await words()).labels).toEqual(['Architecture', 'Input size', 'Pick a unit in']);
  expect(await words()).toEqual(english);
  expect(await count(page)).toBe(results);
});
