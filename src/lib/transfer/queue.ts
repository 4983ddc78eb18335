/**
 * One queue per page for training jobs: runs share one device, so they go one at a time, in the order asked
 * (side by side on screen, in turn on the engine). A cancelled run leaves the queue when its step in flight
 * has finished on the device, and the next job starts then.
 */
export class JobQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Jobs queued or running. */
  get length(): number {
    return this.waiting;
  }

  /** Runs `job` after every job queued before it; its failure does not stop the jobs after it. */
  enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const run = this.tail.then(job, job);
    this.tail = run.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return run;
  }
}

/** The page's queue for work on the engine. */
export const engineQueue = new JobQueue();
