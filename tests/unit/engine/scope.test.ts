import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { sequential, layers } from '@tensorflow/tfjs-layers';
import { EngineScope, ScopeDisposedError, addScopeSetup, getScope, onScopeChange, renewScope, startScope } from '../../../src/lib/engine/scope.ts';
import type { Engine } from '../../../src/lib/engine/types.ts';

async function cpuEngine(): Promise<Engine> {
  await tf.setBackend('cpu');
  return { tf, backend: 'cpu', log: [] };
}

describe('EngineScope', () => {
  it('own: tensors and a layers model are disposed with the scope; numTensors returns to its baseline', async () => {
    const scope = new EngineScope(await cpuEngine());
    const base = tf.memory().numTensors;
    scope.own(tf.tensor1d([1, 2, 3]));
    const model = scope.own(sequential({ layers: [layers.dense({ units: 2, inputShape: [3] })] }));
    expect(model.countParams()).toBe(8);
    expect(tf.memory().numTensors).toBeGreaterThan(base);
    scope.dispose();
    expect(scope.disposed).toBe(true);
    expect(tf.memory().numTensors).toBe(base);
    scope.dispose(); // idempotent
  });

  it('own after dispose: the resource is released at once and ScopeDisposedError names the backend', async () => {
    const scope = new EngineScope(await cpuEngine());
    scope.dispose();
    const base = tf.memory().numTensors;
    const t = tf.scalar(1);
    expect(() => scope.own(t)).toThrow(ScopeDisposedError);
    expect(() => scope.own(tf.scalar(2))).toThrow(/cpu engine/);
    expect(tf.memory().numTensors).toBe(base);
  });

  it('release disposes once; a resource already disposed by its user does not break the scope', async () => {
    const scope = new EngineScope(await cpuEngine());
    const base = tf.memory().numTensors;
    const a = scope.own(tf.scalar(1));
    const b = scope.own(tf.scalar(2));
    scope.release(a);
    scope.release(a);
    expect(tf.memory().numTensors).toBe(base + 1);
    const model = scope.own(sequential({ layers: [layers.dense({ units: 1, inputShape: [1] })] }));
    model.dispose(); // a second dispose of a layers model throws: the scope swallows it
    expect(() => scope.dispose()).not.toThrow();
    expect(b.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(base);
  });

  it('memo: one resource per key for the scope\'s life; a failure is not kept', async () => {
    const scope = new EngineScope(await cpuEngine());
    const base = tf.memory().numTensors;
    let made = 0;
    const make = async () => { made++; return tf.tensor1d([made]); };
    const [x, y] = await Promise.all([scope.memo('k', make), scope.memo('k', make)]);
    expect(x).toBe(y);
    expect(made).toBe(1);
    await expect(scope.memo('bad', async () => { throw new Error('no network'); })).rejects.toThrow('no network');
    expect(await (await scope.memo('bad', make)).data()).toEqual(new Float32Array([2]));
    scope.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});

describe('startScope / renewScope / getScope', () => {
  it('runs every setup; a failing setup is recorded as a KernelCheck, not thrown', async () => {
    const seen: number[] = [];
    addScopeSetup(async (s) => { seen.push(s.id); });
    addScopeSetup(async (s) => { if (s.engine.log.includes('fail')) throw new Error('kernel check exploded'); });
    const ok = await startScope(await cpuEngine());
    expect(seen).toEqual([ok.id]);
    expect(ok.kernels).toEqual([]);
    const bad = await startScope({ ...(await cpuEngine()), log: ['fail'] });
    expect(bad.kernels).toEqual([{ name: 'setup', ok: false, reason: 'kernel check exploded' }]);
  });

  it('renewScope disposes the old scope with what it owns, then tells listeners about the new one', async () => {
    const engine = await cpuEngine();
    const first = await renewScope(engine);
    expect(await getScope()).toBe(first);
    const base = tf.memory().numTensors;
    first.own(tf.ones([4, 4]));
    const heard: number[] = [];
    const stop = onScopeChange((s) => heard.push(s.id));
    const second = await renewScope(engine);
    stop();
    expect(first.disposed).toBe(true);
    expect(second.disposed).toBe(false);
    expect(second.id).not.toBe(first.id);
    expect(heard).toEqual([second.id]);
    expect(await getScope()).toBe(second);
    expect(tf.memory().numTensors).toBe(base);
    await renewScope(engine);
    expect(heard).toEqual([second.id]); // unsubscribed
  });
});
