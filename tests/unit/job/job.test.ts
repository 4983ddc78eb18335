import { describe, expect, it } from 'vitest';
import { Job, type JobProgress } from '../../../src/lib/job/job.ts';

/** A loop of `steps` steps that checkpoints between them and reports each; `onStep` may act on the job. */
async function loop(job: Job<{ n: number }>, steps: number, onStep: (step: number) => void = () => {}): Promise<number> {
  let done = 0;
  while (done < steps && (await job.checkpoint())) {
    done++;
    job.progress('training', done, steps, { n: done * 2 });
    onStep(done);
  }
  return done;
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Job.run', () => {
  it('runs the work once, reports typed progress, ends done and releases what it owns', async () => {
    const job = new Job<{ n: number }>();
    const seen: JobProgress<{ n: number }>[] = [];
    job.on('progress', (p) => seen.push(p));
    let disposed = 0;
    expect(await job.run(async (j) => { j.own({ dispose: () => disposed++ }); return loop(j, 3); })).toBe(3);
    expect(job.state).toBe('done');
    expect(seen.map((p) => [p.phase, p.step, p.total, p.payload.n])).toEqual([['training', 1, 3, 2], ['training', 2, 3, 4], ['training', 3, 3, 6]]);
    expect(disposed).toBe(1);
    await expect(job.run(async () => 1)).rejects.toThrow(/runs once/);
  });

  it('a failure rejects, the state is error, and owned things are still released', async () => {
    const job = new Job();
    let disposed = false;
    await expect(job.run(async (j) => { j.own({ dispose: () => (disposed = true) }); throw new Error('boom'); })).rejects.toThrow('boom');
    expect([job.state, disposed]).toEqual(['error', true]);
  });
});

describe('Job.cancel', () => {
  it('stops the loop within one step; run resolves with what the work returns; owned things released', async () => {
    const job = new Job<{ n: number }>();
    let disposed = false;
    let steps = 0;
    const out = await job.run(async (j) => { j.own({ dispose: () => (disposed = true) }); steps = await loop(j, 100, (s) => s === 4 && j.cancel()); return steps; });
    expect([out, steps, job.state, disposed]).toEqual([4, 4, 'cancelled', true]);
  });

  it('cancelled while paused: the held loop wakes and stops; before run: the work never starts', async () => {
    const job = new Job<{ n: number }>();
    const running = job.run((j) => loop(j, 100, (s) => s === 2 && j.pause()));
    await tick();
    expect(job.holding).toBe(1);
    job.cancel();
    expect(await running).toBe(2);
    const early = new Job();
    early.cancel();
    let ran = false;
    expect(await early.run(async () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);
  });

  it('something owned after the job ended is released at once', () => {
    const job = new Job();
    job.cancel();
    let disposed = false;
    job.own({ dispose: () => (disposed = true) });
    expect(disposed).toBe(true);
  });
});

describe('Job.pause and resume', () => {
  it('no step runs while paused; resume goes on from the same step', async () => {
    const job = new Job<{ n: number }>();
    let steps = 0;
    const running = job.run((j) => loop(j, 6, (s) => { steps = s; if (s === 2) j.pause(); }));
    await tick();
    expect([steps, job.state, job.holding]).toEqual([2, 'paused', 1]);
    await tick();
    expect(steps).toBe(2);
    job.resume();
    expect(await running).toBe(6);
  });

  it("a view pause is lifted by the view; the reader's pause is not (a tab coming back never resumes a reader's pause)", async () => {
    const job = new Job<{ n: number }>();
    let steps = 0;
    const running = job.run((j) => loop(j, 6, (s) => (steps = s)));
    job.pause('view');
    await tick();
    expect([steps, job.pauseReason]).toEqual([1, 'view']); // the step already past its checkpoint ends
    job.pause('reader');
    job.resume('view');
    await tick();
    expect([steps, job.state, job.pauseReason]).toEqual([1, 'paused', 'reader']);
    job.pause('view');
    job.resume(); // the reader's resume lifts both
    expect(await running).toBe(6);
  });

  it('state events tell the reason and how many loops hold', async () => {
    const job = new Job<{ n: number }>();
    const events: string[] = [];
    job.on('state', (e) => events.push(`${e.state}:${e.reasons.join('+')}:${e.holding}`));
    job.pause('view'); // before start: the job starts paused
    const running = job.run((j) => Promise.all([loop(j, 2), loop(j, 2)]));
    await tick();
    expect(job.holding).toBe(2);
    job.resume('view');
    await running;
    expect(events[0]).toBe('idle:view:0');
    expect(events).toContain('paused:view:2');
    expect(events.at(-1)).toBe('done::0');
  });
});
