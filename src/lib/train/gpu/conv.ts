/**
 * A stride-1, dilation-1 NHWC convolution and both its gradients as barrier-free WGSL (see program.ts):
 * - forward: each thread computes up to 16 output channels at `XP` neighbouring columns, looping over the window
 *   and the input channels: y[n, oy, ox, o] = Σ_(i, j, c) x[n, oy + i − pt, ox + j − pl, c] · w[i, j, c, o];
 * - input gradient: the same program on dy with the kernel flipped and its channel axes swapped,
 *   dx = conv(dy, w′, pads kh − 1 − pt, kw − 1 − pl) with w′[i, j, o, c] = w[kh − 1 − i, kw − 1 − j, c, o];
 * - filter gradient: dw[i, j, c, o] = Σ_(n, y, x) x[n, y + i − pt, x + j − pl, c] · dy[n, y, x, o], each thread
 *   summing one group of images for a block of channels, then the groups added (split-K without atomics).
 * Blocking matters even on a CPU: per multiply-add, loads (with the bounds checks WebGPU adds) are the cost.
 * Output channels must be a multiple of 4 (both the layer's and, for the input gradient, its input's).
 */
import { run, sumGroups, type Backend, type Info } from './program.ts';
import { precondition } from './validation.ts';

export interface ConvGeometry {
  n: number; h: number; w: number; ci: number; oh: number; ow: number; co: number; kh: number; kw: number; pt: number; pl: number;
}


const XP = 4;
/** Output-channel blocks of 4 per thread: as many as divide the channels, up to 4 (16 channels). */
const blocks = (o4: number) => (o4 % 4 === 0 ? 4 : o4 % 2 === 0 ? 2 : 1);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * y = conv(x, w) for x [n, h, w, ci], w [kh, kw, ci, co] → [n, oh, ow, co]. A thread computes XP columns ×
 * OB·4 channels; with ci a multiple of 4 it reads x four channels at a time, so each step of the inner loop
 * is XP + 4·OB loads for 16·XP·OB multiply-adds.
 */
export function convForward(backend: Backend, x: Info, w: Info, g: ConvGeometry): Info {
  const { n, h, w: wd, ci, oh, ow, co, kh, kw, pt, pl } = g;
  precondition(co % 4 === 0, 'FmConv2D', `output channels must be a multiple of 4, got ${co}`);
  const o4 = co / 4;
  const ob = blocks(o4);
  const obs = o4 / ob;
  const cv = ci % 4 === 0 ? 4 : 1;
  const xb = Math.ceil(ow / XP);
  const ps = range(XP);
  const bs = range(ob);
  const qs = range(cv);
  const lane = (v: string, q: number) => (cv === 4 ? `${v}[${q}]` : v);
  // The batch size n only sets the thread count (a uniform): not in the key.
  const key = `conv_${h}_${wd}_${ci}_${oh}_${ow}_${co}_${kh}_${kw}_${pt}_${pl}_${XP}_${ob}`;
  return run(backend, {
    key, inputs: [['x', cv], ['w', 4]], outShape: [n, oh, ow, co], outComponents: 4, threads: n * oh * xb * obs,
    body: `
      let o0 = (index % ${obs}) * ${ob};
      var t = index / ${obs};
      let ox0 = (t % ${xb}) * ${XP};
      t = t / ${xb};
      let oy = t % ${oh};
      let n = t / ${oh};
      ${ps.map((p) => bs.map((b) => `var acc${p}_${b} = vec4<f32>(0.0);`).join(' ')).join('\n')}
      for (var i = 0; i < ${kh}; i++) {
        let iy = oy + i - ${pt};
        if (iy < 0 || iy >= ${h}) { continue; }
        let row = (n * ${h} + iy) * ${wd};
        for (var j = 0; j < ${kw}; j++) {
          let wb = (i * ${kw} + j) * ${ci * o4} + o0;
          ${ps.map((p) => `let ix${p} = ox0 + ${p} + j - ${pl};
          let m${p} = select(0.0, 1.0, ix${p} >= 0 && ix${p} < ${wd});
          let xb${p} = (row + clamp(ix${p}, 0, ${wd - 1})) * ${ci / cv};`).join('\n')}
          for (var c = 0; c < ${ci / cv}; c++) {
            ${ps.map((p) => `let xv${p} = x[xb${p} + c] * m${p};`).join(' ')}
            ${qs.map((q) => bs.map((b) => `let w${q}_${b} = w[wb + (c * ${cv} + ${q}) * ${o4} + ${b}];`).join(' ')).join('\n')}
            ${ps.map((p) => qs.map((q) => bs.map((b) => `acc${p}_${b} += ${lane(`xv${p}`, q)} * w${q}_${b};`).join(' ')).join('\n')).join('\n')}
          }
        }
      }
      let ob0 = ((n * ${oh} + oy) * ${ow} + ox0) * ${o4} + o0;
      ${ps.map((p) => `if (ox0 + ${p} < ${ow}) { ${bs.map((b) => `result[ob0 + ${p * o4 + b}] = acc${p}_${b};`).join(' ')} }`).join('\n')}`,
  }, [x, w]);
}

/** w′[i, j, o, c] = w[kh − 1 − i, kw − 1 − j, c, o]: the kernel of the input gradient. */
export function flipKernel(backend: Backend, w: Info): Info {
  const [kh, kw, ci, co] = w.shape as [number, number, number, number];
  return run(backend, {
    key: `flip_${kh}_${kw}_${ci}_${co}`, inputs: [['w', 1]], outShape: [kh, kw, co, ci], threads: kh * kw * ci * co,
    body: `
      let c = index % ${ci};
      var t = index / ${ci};
      let o = t % ${co};
      t = t / ${co};
      let j = t % ${kw};
      let i = t / ${kw};
      result[index] = w[(((${kh - 1} - i) * ${kw} + ${kw - 1} - j) * ${ci} + c) * ${co} + o];`,
  }, [w]);
}

/** dx for y = conv(x, w): [n, h, w, ci] from dy [n, oh, ow, co]. */
export function convInputGrad(backend: Backend, dy: Info, w: Info, g: ConvGeometry): Info {
  precondition(g.ci % 4 === 0, 'FmConv2DBackpropInput', `the layer's input channels must be a multiple of 4, got ${g.ci}`);
  const flipped = flipKernel(backend, w);
  try {
    return convForward(backend, dy, flipped, {
      n: g.n, h: g.oh, w: g.ow, ci: g.co, oh: g.h, ow: g.w, co: g.ci, kh: g.kh, kw: g.kw, pt: g.kh - 1 - g.pt, pl: g.kw - 1 - g.pl,
    });
  } finally {
    backend.disposeData(flipped.dataId);
  }
}

/** Groups the batch is split into for the filter gradient: whole images, ≥ 8192 threads where the batch allows. */
export function filterGroups(n: number, threadsPerGroup: number): number {
  for (let d = 1; d < n; d++) if (n % d === 0 && d * threadsPerGroup >= 8192) return d;
  return n;
}

/**
 * dw [kh, kw, ci, co] for y = conv(x, w) from x and dy. A thread sums one group of images for one (i, j), 4 input
 * channels (when ci allows) and OB·4 output channels: per position 1 + OB loads for 16·OB multiply-adds.
 */
export function convFilterGrad(backend: Backend, x: Info, dy: Info, g: ConvGeometry): Info {
  const { n, h, w: wd, ci, oh, ow, co, kh, kw, pt, pl } = g;
  precondition(co % 4 === 0, 'FmConv2DBackpropFilter', `output channels must be a multiple of 4, got ${co}`);
  const o4 = co / 4;
  const ob = blocks(o4);
  const obs = o4 / ob;
  const cv = ci % 4 === 0 ? 4 : 1;
  const cs = ci / cv;
  const size = kh * kw * ci * o4;
  const groups = filterGroups(n, size / (cv * ob));
  const per = n / groups;
  const bs = range(ob);
  const qs = range(cv);
  const lane = (q: number) => (cv === 4 ? `xv[${q}]` : 'xv');
  const part = run(backend, {
    // The batch's split (groups of `per` images) follows the batch size: uniforms, not in the key.
    key: `convdw_${h}_${wd}_${ci}_${oh}_${ow}_${co}_${kh}_${kw}_${pt}_${pl}_${ob}`, ints: { per },
    inputs: [['x', cv], ['dy', 4]], outShape: [groups, kh, kw, ci, co], outComponents: 4, threads: groups * size / (cv * ob),
    body: `
      let o0 = (index % ${obs}) * ${ob};
      var t = index / ${obs};
      let c4 = t % ${cs};
      t = t / ${cs};
      let j = t % ${kw};
      t = t / ${kw};
      let i = t % ${kh};
      let grp = t / ${kh};
      let x0 = max(0, ${pl} - j);
      let x1 = min(${ow}, ${wd + pl} - j);
      let y0 = max(0, ${pt} - i);
      let y1 = min(${oh}, ${h + pt} - i);
      ${qs.map((q) => bs.map((b) => `var acc${q}_${b} = vec4<f32>(0.0);`).join(' ')).join('\n')}
      for (var n = grp * uniforms.per; n < (grp + 1) * uniforms.per; n++) {
        for (var y = y0; y < y1; y++) {
          let xr = ((n * ${h} + y + i - ${pt}) * ${wd} + j - ${pl}) * ${cs} + c4;
          let dr = (n * ${oh} + y) * ${ow * o4} + o0;
          for (var xx = x0; xx < x1; xx++) {
            let xv = x[xr + xx * ${cs}];
            ${bs.map((b) => `let d${b} = dy[dr + xx * ${o4} + ${b}];`).join(' ')}
            ${qs.map((q) => bs.map((b) => `acc${q}_${b} += ${lane(q)} * d${b};`).join(' ')).join('\n')}
          }
        }
      }
      let base = grp * ${size} + ((i * ${kw} + j) * ${ci} + c4 * ${cv}) * ${o4} + o0;
      ${qs.map((q) => bs.map((b) => `result[base + ${q * o4 + b}] = acc${q}_${b};`).join(' ')).join('\n')}`,
  }, [x, dy]);
  try {
    return sumGroups(backend, part, groups, size * 4, 1, [kh, kw, ci, co]);
  } finally {
    backend.disposeData(part.dataId);
  }
}
