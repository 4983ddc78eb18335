/**
 * A stride-1, dilation-1 NHWC convolution and both its gradients as barrier-free WGSL (see program.ts):
 * - forward: each thread computes 4 output channels at `XP` neighbouring columns, looping over the window and
 *   the input channels: y[n, oy, ox, o] = Σ_(i, j, c) x[n, oy + i − pt, ox + j − pl, c] · w[i, j, c, o];
 * - input gradient: the same program on dy with the kernel flipped and its channel axes swapped,
 *   dx = conv(dy, w′, pads kh − 1 − pt, kw − 1 − pl) with w′[i, j, o, c] = w[kh − 1 − i, kw − 1 − j, c, o];
 * - filter gradient: dw[i, j, c, o] = Σ_(n, y, x) x[n, y + i − pt, x + j − pl, c] · dy[n, y, x, o], each thread
 *   summing one group of images for 4 output channels, then the groups added (split-K without atomics).
 * Output channels must be a multiple of 4 (both the layer's and, for the input gradient, its input's).
 */
import { run, sumGroups, type Backend, type Info } from './program.ts';

export interface ConvGeometry {
  n: number; h: number; w: number; ci: number; oh: number; ow: number; co: number; kh: number; kw: number; pt: number; pl: number;
}


const XP = 4;

/** y = conv(x, w) for x [n, h, w, ci], w [kh, kw, ci, co] → [n, oh, ow, co]. */
export function convForward(backend: Backend, x: Info, w: Info, g: ConvGeometry): Info {
  const { n, h, w: wd, ci, oh, ow, co, kh, kw, pt, pl } = g;
  const o4 = co / 4;
  const xb = Math.ceil(ow / XP);
  const ps = Array.from({ length: XP }, (_, p) => p);
  const key = `conv_${n}_${h}_${wd}_${ci}_${oh}_${ow}_${co}_${kh}_${kw}_${pt}_${pl}`;
  return run(backend, {
    key, inputs: [['x', 1], ['w', 4]], outShape: [n, oh, ow, co], outComponents: 4, threads: n * oh * xb * o4,
    body: `
      let o4 = index % ${o4};
      var t = index / ${o4};
      let ox0 = (t % ${xb}) * ${XP};
      t = t / ${xb};
      let oy = t % ${oh};
      let n = t / ${oh};
      ${ps.map((p) => `var acc${p} = vec4<f32>(0.0);`).join(' ')}
      for (var i = 0; i < ${kh}; i++) {
        let iy = oy + i - ${pt};
        if (iy < 0 || iy >= ${h}) { continue; }
        let row = (n * ${h} + iy) * ${wd};
        for (var j = 0; j < ${kw}; j++) {
          let wb = (i * ${kw} + j) * ${ci * o4} + o4;
          ${ps.map((p) => `let ix${p} = ox0 + ${p + 0} + j - ${pl};
          let m${p} = select(0.0, 1.0, ix${p} >= 0 && ix${p} < ${wd});
          let xb${p} = (row + clamp(ix${p}, 0, ${wd - 1})) * ${ci};`).join('\n')}
          for (var c = 0; c < ${ci}; c++) {
            let wv = w[wb + c * ${o4}];
            ${ps.map((p) => `acc${p} += (x[xb${p} + c] * m${p}) * wv;`).join(' ')}
          }
        }
      }
      let ob = ((n * ${oh} + oy) * ${ow} + ox0) * ${o4} + o4;
      ${ps.map((p) => `if (ox0 + ${p} < ${ow}) { result[ob + ${p * o4}] = acc${p}; }`).join('\n')}`,
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

/** dw [kh, kw, ci, co] for y = conv(x, w) from x and dy. */
export function convFilterGrad(backend: Backend, x: Info, dy: Info, g: ConvGeometry): Info {
  const { n, h, w: wd, ci, oh, ow, co, kh, kw, pt, pl } = g;
  const o4 = co / 4;
  const size = kh * kw * ci * o4;
  const groups = filterGroups(n, size);
  const per = n / groups;
  const part = run(backend, {
    key: `convdw_${n}_${h}_${wd}_${ci}_${oh}_${ow}_${co}_${kh}_${kw}_${pt}_${pl}_${groups}`,
    inputs: [['x', 1], ['dy', 4]], outShape: [groups, kh, kw, ci, co], outComponents: 4, threads: groups * size,
    body: `
      let o4 = index % ${o4};
      var t = index / ${o4};
      let c = t % ${ci};
      t = t / ${ci};
      let j = t % ${kw};
      t = t / ${kw};
      let i = t % ${kh};
      let grp = t / ${kh};
      let x0 = max(0, ${pl} - j);
      let x1 = min(${ow}, ${wd + pl} - j);
      let y0 = max(0, ${pt} - i);
      let y1 = min(${oh}, ${h + pt} - i);
      var acc = vec4<f32>(0.0);
      for (var n = grp * ${per}; n < (grp + 1) * ${per}; n++) {
        for (var y = y0; y < y1; y++) {
          let xr = ((n * ${h} + y + i - ${pt}) * ${wd} + j - ${pl}) * ${ci} + c;
          let dr = (n * ${oh} + y) * ${ow * o4} + o4;
          for (var xx = x0; xx < x1; xx++) {
            acc += x[xr + xx * ${ci}] * dy[dr + xx * ${o4}];
          }
        }
      }
      result[index] = acc;`,
  }, [x, dy]);
  try {
    return sumGroups(backend, part, groups, size * 4, 1, [kh, kw, ci, co]);
  } finally {
    backend.disposeData(part.dataId);
  }
}
