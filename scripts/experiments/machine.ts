/**
 * What the CPU-net scripts (`npm run experiments`, `npm run forgetting`) record about the machine that ran them:
 * one description, so the results files and the chapter's captions name hardware and load the same way.
 */
import { cpus, loadavg } from 'node:os';

/** The processor, its core count, one thread, Node and the matrix-product path. */
export function cpuHardware(): string {
  return `${cpus()[0]?.model.trim() ?? 'CPU'} (${cpus().length} cores shared with other jobs), one thread; Node ${process.version}, tfjs-wasm matrix products`;
}

/** The 1, 5 and 15-minute load averages, e.g. "1.2 0.8 0.5". */
export function loadAverages(): string {
  return loadavg().map((l) => l.toFixed(1)).join(' ');
}

/** Seconds of CPU (user + system) this process has used since `since`. */
export function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}
