/**
 * Every number Chapter 2 (Pooling, fully connected layers and the whole network) states, computed from src/lib:
 * the small CNN's layer table (src/lib/nets, held to the real tfjs-layers model by tests/unit/nets/small-cnn-spec.test.ts),
 * what its pooling layers save, a global-average-pooling head, the worked pooling example, and receptive fields.
 * Deterministic: no random numbers, so no seed. Run: `npx node scripts/chapter2-numbers.mts`.
 */
import { layerTable as netTable } from '../src/lib/nets/layer-table.ts';
import { smallCnnSpecs as smallCnnLayers } from '../src/lib/nets/small-cnn-spec.ts';
import type { LayerSpec } from '../src/lib/nets/layer-spec.ts';
import { poolReference, globalAvgPoolReference } from '../src/lib/pool/reference.ts';
import { explorerMapSize, poolOutputLength } from '../src/lib/pool/geometry.ts';
import { defaultDrawing, drawingTensor, shiftDrawing, DRAW_SIZE } from '../src/lib/pool/drawing.ts';
import { conv2dReference } from '../src/lib/conv/reference.ts';
import { parseKernel } from '../src/lib/conv/kernels.ts';
import manifest from '../public/samples/manifest.json' with { type: 'json' };
import { parseLayers, PRESETS } from '../src/lib/receptive-field/layers.ts';
import { planLayers, type Plan } from '../src/lib/receptive-field/plan.ts';
import { fieldSteps } from '../src/lib/receptive-field/formula.ts';
import { dependencyCounts, maskBounds } from '../src/lib/receptive-field/mask.ts';

/** Rows as this script prints them: output shape, all weights (trained and BatchNorm's statistics), MACs. */
const layerTable = (input: number[], specs: LayerSpec[]) =>
  netTable(specs, input).rows.map((r) => ({ name: r.name, shape: r.outShape, params: r.trainable + r.fixed, trainable: r.trainable, macs: r.macs }));
type Row = ReturnType<typeof layerTable>[number];
const totals = (rows: Row[]) => rows.reduce((t, r) => ({ params: t.params + r.params, trainable: t.trainable + r.trainable, macs: t.macs + r.macs }), { params: 0, trainable: 0, macs: 0 });
const n = (v: number) => v.toLocaleString('en');
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
const line = (label: string, value: string) => console.log(`${label.padEnd(62)} ${value}`);

console.log('§ The small CNN, layer by layer (input 28×28×1)');
const rows = layerTable([28, 28, 1], smallCnnLayers());
console.log(`${'layer'.padEnd(12)}${'output'.padEnd(12)}${'weights'.padStart(10)}${'trainable'.padStart(11)}${'MACs'.padStart(12)}`);
for (const r of rows) console.log(`${r.name.padEnd(12)}${r.shape.join('×').padEnd(12)}${n(r.params).padStart(10)}${n(r.trainable).padStart(11)}${n(r.macs).padStart(12)}`);
const t = totals(rows);
console.log(`${'total'.padEnd(24)}${n(t.params).padStart(10)}${n(t.trainable).padStart(11)}${n(t.macs).padStart(12)}`);
line('non-trainable (BatchNorm moving mean and variance)', n(t.params - t.trainable));
line('float32 bytes of all weights', n(t.params * 4));
const by = (name: string) => rows.find((r) => r.name === name)!;
line('hidden dense layer: share of the weights', pct(by('hidden').params, t.params));
line('two convs: share of the weights', pct(by('conv1').params + by('conv2').params, t.params));
line('conv2: share of the multiply-adds', pct(by('conv2').macs, t.macs));
line('two convs: share of the multiply-adds', pct(by('conv1').macs + by('conv2').macs, t.macs));

console.log('\n§ What the pooling layers save');
const noPools = smallCnnLayers().filter((l) => l.kind !== 'pool');
const np = layerTable([28, 28, 1], noPools);
const npBy = (name: string) => np.find((r) => r.name === name)!;
line('without pooling: conv2 MACs (28×28 instead of 14×14)', `${n(npBy('conv2').macs)} (${(npBy('conv2').macs / by('conv2').macs).toFixed(0)}×)`);
line('without pooling: flatten length', n(npBy('flatten').shape[0]!));
line('without pooling: hidden dense weights', `${n(npBy('hidden').params)} (${(npBy('hidden').params / by('hidden').params).toFixed(1)}×)`);
line('without pooling: total weights', n(totals(np).params));
line('without pooling: total MACs', `${n(totals(np).macs)} (${(totals(np).macs / t.macs).toFixed(1)}×)`);

const noPool2 = layerTable([28, 28, 1], smallCnnLayers().filter((l) => l.name !== 'pool2'));
const np2 = (name: string) => noPool2.find((r) => r.name === name)!;
line('without pool2 only: flatten length, hidden dense weights', `${n(np2('flatten').shape[0]!)}, ${n(np2('hidden').params)}`);
line('  weights saved by pool2', n(np2('hidden').params - by('hidden').params));

console.log('\n§ Filters doubled to 64 and 128');
const wide = layerTable([28, 28, 1], smallCnnLayers({ filters: [64, 128] }));
for (const r of wide) if (r.params || r.macs) line(`  ${r.name}: weights, MACs`, `${n(r.params)}, ${n(r.macs)}`);
line('  flatten length', n(wide.find((r) => r.name === 'flatten')!.shape[0]!));

console.log('\n§ A global-average-pooling head (conv blocks → GAP → dense 10)');
const gap = layerTable([28, 28, 1], smallCnnLayers({ head: 'gap' }));
line('GAP output', gap.find((r) => r.name === 'gap')!.shape.join('×'));
line('logits weights after GAP', n(gap.find((r) => r.name === 'logits')!.params));
line('total weights with GAP head', `${n(totals(gap).params)} (${pct(totals(gap).params, t.params)} of the flatten head)`);
line('total MACs with GAP head', n(totals(gap).macs));

console.log('\n§ Dense layer on the raw 28×28 image, for comparison');
const mlp: LayerSpec[] = [{ kind: 'flatten', name: 'flatten' }, { kind: 'dense', name: 'hidden', units: 64, bias: true, relu: true }, { kind: 'dense', name: 'logits', units: 10, bias: true, relu: false }];
line('784 → 64 → 10 weights', n(totals(layerTable([28, 28, 1], mlp)).params));

console.log('\n§ Worked pooling example (4×4 map, 2×2 windows, stride 2)');
const ex = { data: [1, 3, 2, 0, 4, 8, 1, 1, 0, 2, 9, 5, 1, 1, 6, 7], shape: [1, 4, 4, 1] };
line('max pooling', [...poolReference(ex, 'max', 2, 2).data].join(', '));
line('winners (flat index into the map)', [...poolReference(ex, 'max', 2, 2).argmax].join(', '));
line('average pooling', [...poolReference(ex, 'avg', 2, 2).data].join(', '));
line('3×3 windows, stride 1: max', [...poolReference(ex, 'max', 3, 1).data].join(', '));
line('global average', String(globalAvgPoolReference(ex).data[0]));
const shifted = { data: [0, 1, 3, 2, 0, 4, 8, 1, 0, 0, 2, 9, 0, 1, 1, 6], shape: [1, 4, 4, 1] }; // one column right
line('shifted one column right: max pooling', [...poolReference(shifted, 'max', 2, 2).data].join(', '));

console.log('\n§ The pool explorer: feature-map sizes (shrunk photo, valid 3×3 conv) and pooled sizes');
for (const sm of manifest.samples) {
  const { h, w } = explorerMapSize(sm.width, sm.height);
  const pooled = (k: number, st: number) => `${poolOutputLength(h, k, st)}×${poolOutputLength(w, k, st)}`;
  line(`  ${sm.name}: map, 2×2/2, 3×3/2`, `${h}×${w}, ${pooled(2, 2)}, ${pooled(3, 2)}`);
}
const identity = { data: Float32Array.from(parseKernel('k', 'identity').values), shape: [3, 3, 1, 1] };
const drawn = (cells: Uint8Array) => conv2dReference(drawingTensor(cells), identity, { stride: 1, padding: 'valid', dilation: 1 });
const pooledDrawing = (cells: Uint8Array, mode: 'max' | 'avg') => {
  const fm = drawn(cells);
  return poolReference({ data: fm.data, shape: fm.shape }, mode, 2, 2);
};
const cellsOf = (r: { data: Float64Array; shape: number[] }) => {
  const w = r.shape[2]!;
  return [...r.data].flatMap((v, i) => (v > 0 ? [`(${Math.floor(i / w) + 1},${(i % w) + 1})=${v}`] : []));
};
const d0 = defaultDrawing();
line(`  drawing ${DRAW_SIZE}×${DRAW_SIZE}, identity kernel: map`, drawn(d0).shape.slice(1, 3).join('×'));
line('  example drawing, max pool 2: non-zero cells (row,col from 1)', cellsOf(pooledDrawing(d0, 'max')).join(' '));
line('  example drawing, average pool 2: non-zero cells', cellsOf(pooledDrawing(d0, 'avg')).join(' '));
const right1 = shiftDrawing(d0, 0, 1), right2 = shiftDrawing(right1, 0, 1);
line('  after Shift → once, max pool 2: non-zero cells', cellsOf(pooledDrawing(right1, 'max')).join(' '));
line('  after Shift → twice, max pool 2: non-zero cells', cellsOf(pooledDrawing(right2, 'max')).join(' '));
line('  after Shift → once, average pool 2: non-zero cells', cellsOf(pooledDrawing(right1, 'avg')).join(' '));

console.log('\n§ Receptive fields (r, jump j) at each layer');
const plan = (layers: string, input: number) => planLayers(parseLayers(layers), input) as Plan;
for (const p of PRESETS) {
  const pl = plan(p.layers, p.input);
  const steps = fieldSteps(pl).slice(1);
  line(`${p.name} (${p.layers}) on ${p.input}`, steps.map((s) => `${s.r}/${s.j}`).join(', '));
}
for (const [label, layers] of [['three 3×3 convs', 'conv 3, conv 3, conv 3'], ['one 7×7 conv', 'conv 7'], ['dilation 2 three times', 'conv 3 d2, conv 3 d2, conv 3 d2']] as const) {
  const pl = plan(layers, 21);
  const r = fieldSteps(pl).at(-1)!.r;
  const b = maskBounds(dependencyCounts(pl, pl.layers.length, [10, 10])[0]!, 21)!;
  line(`${label}: r, pixels that can affect the centre unit`, `${r}, ${b.cells}`);
}
line('three 3×3 convs vs one 7×7, weights per in/out channel pair', `${3 * 9} vs ${49}`);
const book = plan(PRESETS[0]!.layers, 28);
const c = dependencyCounts(book, 4, [3, 3])[0]!;
let max = 0, min = Infinity;
for (const v of c) if (v > 0) { max = Math.max(max, v); min = Math.min(min, v); }
line('book CNN, unit (4,4) of pool2: paths to the busiest / a corner pixel', `${max} / ${min}`);
const corner = maskBounds(dependencyCounts(book, 4, [0, 0])[0]!, 28)!;
line('book CNN, unit (1,1) of pool2: rows, columns (from 1), pixels', `${corner.rows[0] + 1}–${corner.rows[1] + 1}, ${corner.cols[0] + 1}–${corner.cols[1] + 1}, ${corner.cells}`);
line('book CNN, start offset of pool2 unit 0 (formula)', String(fieldSteps(book).at(-1)!.start));
const s1 = plan('conv 3, pool 2 s1, conv 3, pool 2', 28);
line('book CNN with the first pool at stride 1: r and j per layer', fieldSteps(s1).slice(1).map((s) => `${s.r}/${s.j}`).join(', '));
line('  and its pool2 map size', String(s1.layers.at(-1)!.outSize));
