/**
 * ReLU followed by 2×2 max pooling with stride 2 ('valid'), NHWC, channels a multiple of 4, in one pass each
 * way (barrier-free, see program.ts). max(relu(a)) = relu(max(a)), so the forward pool reads a once.
 * Backward, per input element: the pooled gradient if this element is its window's first maximum (tfjs's
 * rule for ties) and positive (ReLU's derivative, 0 at 0 as in tfjs), else 0. Rows and columns a 'valid'
 * pool drops get 0. The batch size sets only the thread count (a uniform), so it is not in the keys.
 */
import { run, type Backend, type Info } from './program.ts';
import { precondition } from './validation.ts';

function dims(a: Info) {
  const [n, h, w, c] = a.shape as [number, number, number, number];
  precondition(a.shape.length === 4 && c % 4 === 0, 'FmReluMaxPool2x2', `needs NHWC input with channels a multiple of 4, got [${a.shape.join(', ')}]`);
  return { n, h, w, c4: c / 4, ph: Math.floor(h / 2), pw: Math.floor(w / 2) };
}

export function reluPoolSupported(shape: number[]): boolean {
  return shape.length === 4 && shape[3]! % 4 === 0;
}

/** [n, h, w, c] → [n, ⌊h/2⌋, ⌊w/2⌋, c]. */
export function reluPool(backend: Backend, a: Info): Info {
  const { n, h, w, c4, ph, pw } = dims(a);
  return run(backend, {
    key: `relupool_${h}_${w}_${c4}`, inputs: [['a', 4]], outShape: [n, ph, pw, c4 * 4], outComponents: 4,
    threads: n * ph * pw * c4,
    body: `
      let c4 = index % ${c4};
      var t = index / ${c4};
      let px = t % ${pw};
      t = t / ${pw};
      let py = t % ${ph};
      let n = t / ${ph};
      let b = ((n * ${h} + 2 * py) * ${w} + 2 * px) * ${c4} + c4;
      let m = max(max(a[b], a[b + ${c4}]), max(a[b + ${w * c4}], a[b + ${(w + 1) * c4}]));
      result[index] = max(m, vec4<f32>(0.0));`,
  }, [a]);
}

/** da [n, h, w, c] from a (the ReLU's input) and the pooled gradient dy. */
export function reluPoolGrad(backend: Backend, a: Info, dy: Info): Info {
  const { n, h, w, c4, ph, pw } = dims(a);
  return run(backend, {
    key: `relupoolgrad_${h}_${w}_${c4}`, inputs: [['a', 4], ['dy', 4]], outShape: a.shape, outComponents: 4,
    threads: n * h * w * c4,
    body: `
      let c4 = index % ${c4};
      var t = index / ${c4};
      let x = t % ${w};
      t = t / ${w};
      let y = t % ${h};
      let n = t / ${h};
      let py = y / 2;
      let px = x / 2;
      if (py >= ${ph} || px >= ${pw}) { result[index] = vec4<f32>(0.0); return; }
      let b = ((n * ${h} + 2 * py) * ${w} + 2 * px) * ${c4} + c4;
      let v0 = a[b];
      let v1 = a[b + ${c4}];
      let v2 = a[b + ${w * c4}];
      let v3 = a[b + ${(w + 1) * c4}];
      let m = max(max(v0, v1), max(v2, v3));
      let w0 = v0 == m;
      let w1 = (v1 == m) & !w0;
      let w2 = (v2 == m) & !w0 & !w1;
      let w3 = !w0 & !w1 & !w2;
      let k = (y % 2) * 2 + x % 2;
      var mine = w3;
      if (k == 0) { mine = w0; } else if (k == 1) { mine = w1; } else if (k == 2) { mine = w2; }
      let g = dy[((n * ${ph} + py) * ${pw} + px) * ${c4} + c4];
      result[index] = select(vec4<f32>(0.0), g, mine & (m > vec4<f32>(0.0)));`,
  }, [a, dy]);
}
