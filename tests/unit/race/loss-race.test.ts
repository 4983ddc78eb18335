import { describe, expect, it } from 'vitest';
import { LossRace, type RaceState } from '../../../src/lib/race/loss-race.ts';
import { readyState, startingPoint } from '../../../src/lib/race/start.ts';
import { accuracyLine, raceNews, raceSummary } from '../../../src/lib/race/summary.ts';
import { say } from '../../../src/lib/i18n/index.ts';
import { accuracySeries, lossPanel } from '../../../src/lib/race/series.ts';
import { cpu, synthetic } from '../train/helpers.ts';

// Tiny data keep the CPU backend quick: 20 training images = one batch per epoch.
const data = { train: synthetic(20, 10, 1), validation: synthetic(20, 10, 2), test: synthetic(30, 10, 3) };
const config = { perClass: 2, epochs: 2, seed: 3, learningRate: 0.01 };
// A smaller network than the widget's keeps the CPU backend quick; the race does not care.
const model = { filters: [4, 8] as [number, number], hidden: 16, classes: 10 };

describe('LossRace (cpu backend)', { timeout: 240_000 }, () => {
  it('same weights and same batches on both sides: a ce-vs-ce race gives two identical histories; nothing leaks', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    const r = await new LossRace(tf, data, config, () => {}, { kinds: ['ce', 'ce'], model }).run();
    expect(r.phase).toBe('done');
    const [a, b] = r.runs;
    expect(a!.train).toHaveLength(2);
    expect(a!.validation.map((v) => v.step)).toEqual([0, 1, 2]);
    expect(a!.test!.count).toBe(30);
    expect(b).toEqual(a);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ce vs mse: the same starting point, then each trains on its own loss', async () => {
    const tf = await cpu();
    const updates: RaceState[] = [];
    const r = await new LossRace(tf, data, config, (s) => updates.push(s), { model }).run();
    const [ce, mse] = r.runs;
    expect([ce!.kind, mse!.kind]).toEqual(['ce', 'mse']);
    expect(mse!.validation[0]).toEqual(ce!.validation[0]);
    const start = await startingPoint(tf, data.validation, config.seed, model);
    expect(ce!.validation[0]).toEqual({ step: 0, ...start });
    // First-batch losses: cross-entropy near log 10 = 2.30, squared error near 0.9 (one-hot vs p ≈ 0.1 each).
    expect(ce!.train[0]![1]).toBeGreaterThan(1.5);
    expect(mse!.train[0]![1]).toBeLessThan(1.1);
    expect(updates.at(-1)!.phase).toBe('done');
    expect(updates.some((u) => u.runs.every((x) => x.steps === 1))).toBe(true);
    // The test set is measured once, after both networks' last epoch: no state before that carries a test figure,
    // and the figures are those of the trained networks on the test images (a separate Validator says the same).
    const first = updates.findIndex((u) => u.runs.some((x) => x.test));
    expect(updates.slice(0, first).map((u) => u.phase)).toContain('testing');
    expect(updates[first]!.phase).toBe('done');
    expect(updates[first - 1]!.phase).toBe('testing');
    expect(updates[first - 1]!.runs.map((x) => x.steps)).toEqual([2, 2]);
    for (const run of r.runs) {
      expect(run.test).toEqual({ ce: expect.any(Number), mse: expect.any(Number), accuracy: expect.any(Number), count: 30 });
      expect(run.test!.ce).not.toBe(run.validation.at(-1)!.ce); // another set of images
    }
    expect(raceSummary(r)).toMatch(/^After 2 epochs \(2 steps per network\)\. Cross-entropy network: training loss \d\.\d{3} \(last batch\), validation cross-entropy \d\.\d{3}, validation accuracy \d+\.\d%; squared error network: .*validation squared error.*\. Test accuracy, measured once after training on 30 test images: cross-entropy \d+\.\d%, squared error \d+\.\d%\.$/);
    expect(raceSummary(r)).toContain(`cross-entropy ${(ce!.test!.accuracy * 100).toFixed(1)}%, squared error ${(mse!.test!.accuracy * 100).toFixed(1)}%.`);
  });

  it('the test figures are the trained networks’ own: given the validation images as its test set, a race reports its last validation point', async () => {
    const tf = await cpu();
    const r = await new LossRace(tf, { ...data, test: data.validation }, config, () => {}, { model }).run();
    for (const run of r.runs) {
      const { step: _, ...last } = run.validation.at(-1)!;
      expect(run.test).toEqual({ ...last, count: 20 });
    }
  });

  it('cancel stops both loops within a step and releases every tensor; pause holds both until resume', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    const long = { ...config, epochs: 20 };
    const race: LossRace = new LossRace(tf, data, long, (s) => s.runs[0]!.steps === 1 && race.cancel(), { model });
    const r = await race.run();
    expect(r.phase).toBe('cancelled');
    expect(Math.max(...r.runs.map((x) => x.steps))).toBeLessThanOrEqual(2);
    expect(r.runs.map((x) => x.test)).toEqual([null, null]); // a cancelled race reports no test accuracy
    expect(tf.memory().numTensors).toBe(before);

    // Cancelled while testing: still no test figure, and nothing leaks.
    const late: LossRace = new LossRace(tf, data, config, (s) => s.phase === 'testing' && late.cancel(), { model });
    const l = await late.run();
    expect(l.phase).toBe('cancelled');
    expect(l.runs.map((x) => [x.steps, x.test])).toEqual([[2, null], [2, null]]);
    expect(tf.memory().numTensors).toBe(before);

    // Pause asked while one loop is mid-step: 'pausing' until both hold, then 'paused', and nothing moves.
    const phases: string[] = [];
    let asked = false;
    const paused: LossRace = new LossRace(tf, data, { ...config, epochs: 3 }, (s) => {
      if (phases.at(-1) !== s.phase) phases.push(s.phase);
      if (!asked && s.runs[0]!.steps === 1) (asked = true), paused.pause();
    }, { model });
    const run = paused.run();
    const until = Date.now() + 120_000;
    while (paused.snapshot().phase !== 'paused' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const held = paused.snapshot().runs.map((r) => r.steps);
    await new Promise((r) => setTimeout(r, 1500));
    expect(paused.snapshot().runs.map((r) => r.steps)).toEqual(held);
    expect(phases).toEqual(['running', 'pausing', 'paused']);
    expect(held[1]).toBeLessThanOrEqual(2);
    expect(held[0]).toBe(1);
    paused.resume();
    const end = await run;
    expect(end.phase).toBe('done');
    expect(phases.slice(3)).toEqual(['running', 'testing', 'done']);
    expect(end.runs.map((r) => r.steps)).toEqual([3, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('readyState, series and summary', () => {
  const m = { ce: 2.31, mse: 0.91, accuracy: 0.1 };
  it('before a race: both networks at step 0 with the same metrics, in words', () => {
    const s = readyState({ perClass: 20, epochs: 5, seed: 1, learningRate: 0.003 }, m);
    expect(s.totalSteps).toBe(50);
    expect(raceSummary(s)).toBe('Before training, both networks have the same weights. Cross-entropy network: validation cross-entropy 2.310, validation accuracy 10.0%; squared error network: validation squared error 0.910, validation accuracy 10.0%.');
    expect(lossPanel(s, s.runs[1]!).series[1]!.points).toEqual([[0, 0.91]]);
    expect(accuracySeries(s).map((x) => x.points)).toEqual([[[0, 10]], [[0, 10]]]);
  });

  it.each([
    ['ready', null], ['done', null], ['paused', 'Resumed.'], ['pausing', 'Resumed.'], ['running', null],
  ] as const)('raceNews: running after %s says %s', (previous, said) => {
    const s = { ...readyState({ perClass: 20, epochs: 5, seed: 1, learningRate: 0.003 }, m), phase: 'running' as const };
    const news = raceNews(s, { previous, epochs: 0, epochsSaid: 0, outOfView: false, tests: 500 });
    expect(news && (typeof news === 'function' ? news('en') : say('en', news))).toBe(said);
  });

  it('the summary and the news in Chinese: the same figures, in the catalogue\'s words', () => {
    const s = readyState({ perClass: 20, epochs: 5, seed: 1, learningRate: 0.003 }, m);
    expect(raceSummary(s, 'zh-CN')).toBe('训练开始前，两个网络的权重相同。交叉熵网络：验证交叉熵2.310，验证准确率10.0%；平方误差网络：验证平方误差0.910，验证准确率10.0%。');
    const done = { ...s, phase: 'done' as const, runs: s.runs.map((r) => ({ ...r, steps: 50, test: { ...m, count: 500 } })) };
    expect(raceSummary(done)).toMatch(/^After 5 epochs \(50 steps per network\)\. .*Test accuracy, measured once after training on 500 test images: cross-entropy 10\.0%, squared error 10\.0%\.$/);
    expect(raceSummary(done, 'zh-CN')).toMatch(/^训练5轮后（每个网络50步）。.*第0步的验证交叉熵2\.310.*训练结束后在500张测试图像上只测一次的测试准确率：交叉熵10\.0%，平方误差10\.0%。$/);
    expect(accuracyLine(s)).toBe('cross-entropy 10.0% vs squared error 10.0%');
    const running = { ...s, phase: 'running' as const };
    const news = raceNews(running, { previous: 'running', epochs: 1, epochsSaid: 0, outOfView: false, tests: 500 });
    expect(typeof news === 'function' && [news('en'), news('zh-CN')]).toEqual([
      'Epoch 1 of 5: validation accuracy cross-entropy 10.0% vs squared error 10.0%.', '第1轮（共5轮）：验证准确率为交叉熵10.0%，平方误差10.0%。']);
    const paused = raceNews({ ...s, phase: 'paused' }, { previous: 'pausing', epochs: 0, epochsSaid: 0, outOfView: true, tests: 500 });
    expect(typeof paused === 'function' && [paused('en'), paused('zh-CN')]).toEqual(['Paused while out of view at step 0 of 50.', '交互图移出视野，已在第0步暂停（共50步）。']);
    const pausing = raceNews({ ...s, phase: 'pausing' }, { previous: 'running', epochs: 0, epochsSaid: 0, outOfView: false, tests: 500 });
    expect(pausing && typeof pausing !== 'function' && say('zh-CN', pausing)).toBe('当前这一步完成后暂停…');
  });

  it('losses are plotted against epochs, the domain covers every value', () => {
    const s = readyState({ perClass: 20, epochs: 5, seed: 1, learningRate: 0.003 }, m);
    s.runs[0]!.train.push([5, 3], [10, 1]);
    s.runs[0]!.validation.push({ step: 10, ce: 1.5, mse: 0.6, accuracy: 0.5 });
    const p = lossPanel(s, s.runs[0]!);
    expect(p.series[0]!.points).toEqual([[0.5, 3], [1, 1]]);
    expect(p.series[1]!.points).toEqual([[0, 2.31], [1, 1.5]]);
    expect(p.domain[1]).toBeCloseTo(3.15, 10);
  });
});
