/** The static markup of `<fm-network-explorer>` (labels and structure only; everything data-driven is filled as text). */
import { MODEL_CHOICES } from './explorer-settings.ts';

export const SHELL = `
<div class="controls">
  <label>Model <select data-attr="model">${MODEL_CHOICES.map((m) => `<option value="${m.name}">${m.title}</option>`).join('')}</select></label>
  <fieldset class="source"><legend>Input</legend>
    <label><input type="radio" name="source" value="test" checked> Test image</label>
    <label><input type="radio" name="source" value="draw"> Your drawing</label>
  </fieldset>
  <span class="test-only">
    <label>Test image number <input type="number" data-attr="image" min="0" step="1"></label>
    <button type="button" data-role="prev" aria-label="Previous test image">‹</button><button type="button" data-role="next" aria-label="Next test image">›</button>
  </span>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="io">
  <figure class="input-fig">
    <canvas data-role="input" width="28" height="28" role="img" aria-label="The input image"></canvas>
    <div data-role="pad-slot" hidden></div>
    <figcaption data-role="input-caption">Input</figcaption>
  </figure>
  <figure class="probs-fig">
    <figcaption>Class probabilities (softmax output)</figcaption>
    <ol data-role="probs" class="probs"></ol>
  </figure>
</div>
<p data-role="summary" class="summary" aria-live="polite">Loading the model…</p>
<p class="legend"><span>Colours: negative</span> <span class="ramp"></span> <span>positive, white = 0; each layer on its own scale (range in its caption).
  Point at a map to read a value; click one to see its kernels and the arithmetic behind a pixel.</span></p>
<div data-role="maps"></div>
<section data-role="detail" class="detail" aria-label="Selected feature map">
  <div class="detail-controls">
    <label>Layer <select data-attr="layer"></select></label>
    <label>Map number <input type="number" data-attr="map" min="1" step="1"></label>
  </div>
  <div class="detail-body">
    <figure class="zoom-fig"><div class="zoom-wrap"><canvas data-role="zoom" tabindex="0" role="img" aria-label="Selected feature map, enlarged (loading)" aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"></canvas><div class="ring" data-role="zoom-ring"></div></div>
      <figcaption><span data-role="zoom-caption"></span> <span data-role="zoom-read" class="read"></span></figcaption></figure>
    <figure class="kernels-fig"><canvas data-role="kernels" role="img" aria-label="Kernels of the selected map (loading)"></canvas><figcaption data-role="kernels-caption"></figcaption></figure>
    <div data-role="explain" class="explain"></div>
  </div>
</section>
<section class="filters" aria-label="First-layer filters">
  <p class="block-title">What the first layer learned</p>
  <canvas data-role="filters" role="img" aria-label="First-layer filters of the trained model (loading)"></canvas>
  <p data-role="filters-caption" class="note"></p>
</section>
<details class="table" open>
  <summary>Shapes, parameters and multiply-adds, layer by layer</summary>
  <p class="scroll-hint" aria-hidden="true">Scroll the table sideways for every column →</p>
  <div class="table-scroll" tabindex="0" role="region" aria-label="Layer table (scrolls sideways on narrow screens)"><table data-role="table"></table></div>
  <p class="note">A convolution costs (output pixels) × (kernel height × width × input maps) × (filters) multiply-adds; a dense layer (inputs × units); biases are parameters, not multiply-adds.
  Batch norm, ReLU, pooling, flatten and softmax multiply nothing by a weight and count 0 (a trained batch norm folds into the convolution before it); batch norm's moving mean and variance are stored (fixed) but not trained.</p>
</details>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;
