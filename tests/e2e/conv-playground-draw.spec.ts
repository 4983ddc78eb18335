/**
 * What <fm-conv-playground> puts on its output canvases, read from screenshots at 1× zoom: after every edit, each
 * channel's canvas shows that edit's float64 reference output on the colour scale the legend names (never a stale
 * picture); and an edit convolves the picture already on the backend (no new upload, no tensor or byte kept).
 * Here the output is drawn from its numbers (SwiftShader's WebGPU, WebGL, CPU); conv-playground-gpu-canvas.webgpu.spec.ts
 * checks the same with the output drawn straight from the GPU.
 */
import { test } from './support.ts';
import { checkEdits, open, tenEditsKeepTheImage } from './playground-pixels.ts';

test('after each edit every output canvas shows that edit\'s output on its colour scale', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await checkEdits(page);
});

test('ten edits convolve the picture already on the backend: no upload of it, no tensor or byte kept', { tag: '@page' }, async ({ page }) => {
  test.setTimeout(120_000);
  await tenEditsKeepTheImage(page);
});
