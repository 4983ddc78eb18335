/** The static markup of `<fm-doodle-classes>` (no reader- or URL-supplied text is ever put in it). */
import { MODELS } from '@lib/models/shipped.ts';

export const SHELL = (models: readonly string[]) => `
<div class="layout">
  <section class="draw" aria-labelledby="pad-title">
    <h3 id="pad-title" class="title">Draw</h3>
    <div class="pad-row">
      <div data-role="pad-slot"></div>
      <figure class="seen"><canvas data-role="seen" width="28" height="28" role="img" aria-label="The pad is empty."></canvas>
        <figcaption>What the network sees: 28×28, ink centred by mass</figcaption></figure>
    </div>
  </section>
  <section class="classes" aria-labelledby="classes-title">
    <h3 id="classes-title" class="title">Your classes</h3>
    <p class="hint">Draw on the pad, then press “Add drawing” beside the class it shows. Two or more drawings per class.</p>
    <ol data-role="classes"></ol>
    <p><button type="button" data-act="add-class">Add a class</button> <span data-role="classes-summary"></span></p>
  </section>
</div>
<div class="train" role="group" aria-label="Training">
  <label>Source model <select data-attr="source">${models.map((m) => `<option value="${m}">${m} (${MODELS[m]!.dataset === 'fashion' ? 'Fashion-MNIST' : 'digits 0–4'})</option>`).join('')}</select></label>
  <label>Epochs <input type="number" data-attr="epochs" min="1" max="1000" step="10"></label>
  <label>Seed <input type="number" data-attr="seed" min="0" max="999999"></label>
  <button type="button" data-act="train" class="primary">Train</button>
  <button type="button" data-act="cancel">Cancel</button>
  <progress data-role="progress" max="1" value="0" aria-label="Training progress"></progress>
  <span data-role="progress-text" class="hint"></span>
</div>
<p data-role="message" role="alert" hidden></p>
<section class="result" aria-labelledby="result-title">
  <h3 id="result-title" class="title">Prediction for the pad's drawing</h3>
  <ul data-role="bars" class="bars"></ul>
  <p data-role="verdict" aria-live="polite"></p>
  <p data-role="model-line" class="hint"></p>
</section>
<div class="files">
  <button type="button" data-act="export">Export model</button>
  <label class="import">Import model (model.json and weights.bin) <input type="file" data-role="import" multiple accept=".json,.bin,application/json,application/octet-stream"></label>
</div>
<p class="sr-only" data-role="announce" aria-live="polite"></p>
<p class="engine"><fm-device-badge></fm-device-badge></p>`;
