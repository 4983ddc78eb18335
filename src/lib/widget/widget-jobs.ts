/**
 * The one place a widget's long work meets the page: every Job a widget runs through `WidgetJobs.run` is paused
 * (reason `view`) while the element is off screen or its tab is hidden and resumed when it is back, cancelled when
 * the element leaves the page, and an unexpected failure goes to the host's `fail` (FmElement: status="error",
 * the message, `fm-error` and a Retry button). FmElement owns one and feeds it visibility changes.
 */
import type { Job } from '../job/job.ts';

export interface JobHost {
  /** Near the viewport and in a visible tab. */
  readonly active: boolean;
  fail(err: unknown, retry: () => void): void;
}

export class WidgetJobs {
  private readonly live = new Set<Job<never>>();
  private readonly host: JobHost;

  constructor(host: JobHost) {
    this.host = host;
  }

  /**
   * Runs `work` as `job`, tied to the element. Resolves with its value, or undefined when it was cancelled before
   * it started or failed (a failure has then been reported, with `retry` behind the Retry button).
   */
  async run<T, P>(job: Job<P>, work: (job: Job<P>) => Promise<T>, retry: () => void): Promise<T | undefined> {
    const j = job as unknown as Job<never>;
    this.live.add(j);
    if (!this.host.active) job.pause('view');
    try {
      return await job.run(work as never);
    } catch (err) {
      this.host.fail(err, retry);
      return undefined;
    } finally {
      this.live.delete(j);
    }
  }

  /** Pauses or resumes every running job after a change of visibility. */
  visibility(): void {
    for (const job of this.live) this.host.active ? job.resume('view') : job.pause('view');
  }

  cancelAll(): void {
    for (const job of this.live) job.cancel();
  }
}

/** The status line's word for a paused job: the loss race's wording, shared. */
export function pausedText(job: Pick<Job, 'pauseReason'>): string {
  return job.pauseReason === 'view' ? 'Paused while out of view' : 'Paused';
}
