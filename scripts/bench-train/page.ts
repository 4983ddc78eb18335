/** The benchmark's page: the book's engine (?backend=webgl forces WebGL), then the same run as in Node. */
import { getEngine } from '../../src/lib/engine/engine.ts';
import { runBench } from './run.ts';

const q = new URLSearchParams(location.search);
const out = document.getElementById('out')!;
(async () => {
  const engine = await getEngine();
  const result = await runBench(engine.tf, {
    reps: Number(q.get('reps') ?? 5), stepsPerRep: Number(q.get('steps') ?? 2), profile: q.get('profile') === '1', loopSteps: Number(q.get('loop') ?? 0), withFit: q.get('fit') !== '0',
    log: (s) => (out.textContent += `${s}\n`),
  });
  (window as unknown as { benchResult: unknown }).benchResult = { ...result, adapter: engine.adapter };
})().catch((err) => {
  (window as unknown as { benchError: string }).benchError = String((err as Error).stack ?? err);
});
