import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { yieldToPage } from '../schedule/slices.ts';
import type { Tf } from './types.ts';

/**
 * A 3×3 image [1…9] convolved with the 2×2 kernel [1 2; 3 4] (valid, stride 1) is [37 47; 67 77].
 * Run once per backend: it proves the backend computes, and compiles the conv pipeline (warm-up).
 */
export const SMOKE_EXPECTED = [37, 47, 67, 77];

/**
 * null when the backend computed the known answer, else why not (a catalogue message). The first tensors and the
 * first op a backend runs compile much of tfjs's code on the way; the page gets the main thread back between the
 * upload, the convolution and the read (measured on an embed page here: one task of 17–89 ms before).
 */
export async function smokeCheck(tf: Tf): Promise<Msg | null> {
  // Everything, tensor creation included, inside the try: a backend that throws synchronously (a shader that
  // fails to compile, a lost context) must make the engine fall back, not reject the engine.
  const made: { dispose(): void }[] = [];
  try {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    made.push(x);
    const w = tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]);
    made.push(w);
    await yieldToPage();
    const y = tf.conv2d(x, w, 1, 'valid');
    made.push(y);
    await yieldToPage();
    const got = Array.from(await y.data());
    const ok = got.length === 4 && got.every((v, i) => Math.abs(v - SMOKE_EXPECTED[i]!) < 1e-3);
    return ok ? null : msg('engine.why.smokeWrong', { got: got.map((v) => +v.toPrecision(4)).join(', '), expected: SMOKE_EXPECTED.join(', ') });
  } catch (err) {
    return msg('engine.why.smokeThrew', { error: `${(err as Error).message}` });
  } finally {
    for (const t of made) t.dispose();
  }
}
