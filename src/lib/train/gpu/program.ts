/**
 * Small WGSL programs for tfjs's WebGPU backend, written without workgroup barriers or shared memory.
 *
 * Why: on SwiftShader (the software WebGPU of machines without a GPU) a `workgroupBarrier()` is ruinous — the
 * invocations of a workgroup run as coroutines that must all be switched at each barrier. Measured here:
 * `x · γ` over [64, 28, 28, 32] with γ of shape [32] takes ~8 s through tfjs's shared-memory broadcast
 * shader and ~0.15 s as a plain element-wise vec4 shader. tfjs's matrix products, convolutions and
 * reductions all synchronise their workgroups many times, so the training step's kernels are rewritten here
 * as one thread per output block, each looping over its own sum. On a real GPU these are plain, coalesced
 * (consecutive threads read consecutive channels) programs; tiled ones would be faster there for large layers.
 *
 * Sizes of a layer (height, width, channels, kernel) are baked into each shader as constants, and the shader key
 * names every constant; sizes that follow the batch (thread counts, rows of a batch, loop bounds over images) are
 * i32 uniforms (`ints`), so a new batch size — a lab with another number of examples, the last partial batch of
 * an evaluation — reuses the compiled pipelines instead of compiling a new set that tfjs never evicts. Programs run on TensorInfos, inside kernels (see kernels.ts); every first
 * compile on a device is checked for validation errors (validation.ts).
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { brokenPrograms, checkedFirstCompile } from './validation.ts';

export type Info = { dataId: object; shape: number[]; dtype: string };
export type Backend = {
  runWebGPUProgram(p: WebGPUProgram, inputs: Info[], dtype: string, uniforms?: object[]): Info;
  disposeData(id: object): boolean;
  /** The backend's GPUDevice (a public field of tfjs's WebGPUBackend). */
  device?: GPUDevice;
};

export interface ProgramSpec {
  /** Unique per generated source: include every constant baked into `body`. */
  key: string;
  /** Input buffer names, read in `body` as arrays (`x[i]`), with 1 or 4 floats per element. */
  inputs: [name: string, components: 1 | 4][];
  outShape: number[];
  /** Floats per element of `result` (1 or 4). */
  outComponents?: 1 | 4;
  /** Threads to run (a uniform, `uniforms.threads`); `body` sees `index` in [0, threads). */
  threads: number;
  body: string;
  /** Values that change between runs (not baked in): WGSL fields `name : f32,`, read as `uniforms.name`. */
  uniforms?: { decl: string; data: number[] };
  /** Sizes that follow the batch, not baked in (leave them out of `key`): WGSL i32 uniforms read as `uniforms.name`. */
  ints?: Record<string, number>;
}

const WORKGROUP = 64;

/**
 * The one place we rely on a tfjs internal: tfjs prepends a `Uniforms` struct whose first field is `NAN` and
 * binds it (and every input) to each program; WGSL's automatic layout drops unused bindings, which breaks tfjs's
 * bind group, so the body must touch them. No public API declares the bindings; if tfjs renames the field, the
 * program fails validation at the scope's kernel check (setup.ts) and tfjs's own kernels are used instead.
 */
const KEEP_TFJS_BINDINGS = '_ = uniforms.NAN;';

export function program(spec: ProgramSpec): WebGPUProgram {
  const groups = Math.ceil(spec.threads / WORKGROUP);
  const broken = [...brokenPrograms].some((name) => spec.key.startsWith(name));
  return {
    variableNames: spec.inputs.map(([n]) => n),
    variableComponents: spec.inputs.map(([, c]) => c),
    outputComponent: spec.outComponents ?? 1,
    outputShape: spec.outShape,
    shaderKey: `fm_${spec.key}${broken ? '_broken' : ''}`,
    dispatchLayout: { x: spec.outShape.map((_, i) => i) },
    dispatch: [groups, 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    uniforms: `${spec.uniforms?.decl ?? ''} threads : i32, ${Object.keys(spec.ints ?? {}).map((k) => `${k} : i32,`).join(' ')}`,
    getUserCode: () => `
    fn main(index : i32) {
      // Shapes are baked in, but the backend binds its uniforms and every input: keep them all in the layout.
      ${KEEP_TFJS_BINDINGS}
      ${spec.inputs.map(([n]) => `_ = &${n};`).join(' ')}
      if (index >= uniforms.threads) { return; }
      ${broken ? 'let broken : f32 = not_a_wgsl_identifier;' : spec.body}
    }`,
  };
}

export function run(backend: Backend, spec: ProgramSpec, inputs: Info[]): Info {
  const uniforms = [
    ...(spec.uniforms?.data ?? []).map((v) => ({ type: 'float32', data: [v] })),
    ...[spec.threads, ...Object.values(spec.ints ?? {})].map((v) => ({ type: 'int32', data: [v] })),
  ];
  const p = program(spec);
  return checkedFirstCompile(backend.device, p.shaderKey, () => backend.runWebGPUProgram(p, inputs, 'float32', uniforms));
}

/** WGSL for a float literal (always with a decimal point or exponent). */
export function f(v: number): string {
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * Column sums of a [rows, cols] buffer in two barrier-free passes: `groups` threads per column block each sum
 * a stretch of rows, then one thread per column block adds the groups. `term` is the WGSL expression summed
 * for row `r`, column block `c` (it may read any of `inputs`); `outputs` > 1 sums several terms into
 * [terms, cols]. The result is multiplied by `scale`.
 */
export function columnSums(backend: Backend, opts: {
  key: string; rows: number; cols: number; inputs: [string, Info][]; terms: string[]; scale?: number; pre?: string;
}): Info {
  const { rows, cols, terms } = opts;
  const comp: 1 | 4 = cols % 4 === 0 ? 4 : 1;
  const cb = cols / comp;
  const k = terms.length;
  const groups = Math.max(1, Math.min(64, Math.floor(rows / 64)));
  const per = Math.ceil(rows / groups);
  const vt = comp === 4 ? 'vec4<f32>' : 'f32';
  const acc = terms.map((_, t) => `var s${t} = ${vt}(0.0);`).join(' ');
  const add = terms.map((term, t) => `s${t} += ${term};`).join(' ');
  const store = terms.map((_, t) => `result[(g * ${k} + ${t}) * ${cb} + c] = s${t};`).join(' ');
  const partial = run(backend, {
    key: `colsum_${opts.key}_${cols}`, ints: { rows, per },
    inputs: opts.inputs.map(([n, info]) => [n, info.shape.at(-1)! % 4 === 0 && comp === 4 ? 4 : 1]),
    outShape: [groups, k, cols], outComponents: comp, threads: groups * cb,
    body: `
      let c = index % ${cb};
      let g = index / ${cb};
      ${opts.pre ?? ''}
      ${acc}
      let end = min(uniforms.rows, (g + 1) * uniforms.per);
      for (var r = g * uniforms.per; r < end; r++) { ${add} }
      ${store}`,
  }, opts.inputs.map(([, i]) => i));
  try {
    return sumGroups(backend, partial, groups, k * cols, opts.scale ?? 1, k === 1 ? [cols] : [k, cols]);
  } finally {
    backend.disposeData(partial.dataId);
  }
}

/** out[j] = scale · Σ_g part[g, j] for a [groups, size] buffer; `shape` is the output's shape. */
export function sumGroups(backend: Backend, part: Info, groups: number, size: number, scale: number, shape: number[]): Info {
  const comp: 1 | 4 = size % 4 === 0 ? 4 : 1;
  const n = size / comp;
  const vt = comp === 4 ? 'vec4<f32>' : 'f32';
  return run(backend, {
    key: `sumgroups_${size}`, ints: { groups }, uniforms: { decl: 'scale : f32,', data: [scale] },
    inputs: [['part', comp]], outShape: shape, outComponents: comp, threads: n,
    body: `
      var s = ${vt}(0.0);
      for (var g = 0; g < uniforms.groups; g++) { s += part[g * ${n} + index]; }
      result[index] = s * uniforms.scale;`,
  }, [part]);
}
