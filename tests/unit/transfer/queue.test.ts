import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../../src/lib/transfer/queue.ts';

describe('JobQueue', () => {
  it('runs jobs one at a time in the order queued; a failure does not stop the next', async () => {
    const q = new JobQueue();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = q.enqueue(job('a', 30));
    const b = q.enqueue(job('b', 5, true));
    const c = q.enqueue(job('c', 1));
    expect(q.length).toBe(3);
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b');
    expect(await c).toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await new Promise((r) => setTimeout(r, 0));
    expect(q.length).toBe(0);
  });
});
