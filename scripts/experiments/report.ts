/** The console table `npm run experiments` ends with: one row per strategy, one column per label count. */
import { meanSd } from '../../src/lib/experiments/format.ts';
import type { ExperimentResults } from '../../src/lib/experiments/results.ts';

export function table(results: ExperimentResults): string {
  const lines: string[] = [];
  for (const task of results.tasks) {
    lines.push(`\n${task.title} (source ${task.source})${task.status === 'skipped' ? ` — skipped: ${task.reason}` : ''}`);
    if (!task.summary) continue;
    const head = ['strategy'.padEnd(28), ...results.perClass.map((n) => `${n}/class`.padStart(13))].join('');
    lines.push(head, '-'.repeat(head.length));
    for (const s of results.strategies) {
      const cells = results.perClass.map((n) => {
        const c = task.summary!.find((x) => x.strategy === s.id && x.perClass === n);
        return (c ? meanSd(c.mean, c.sd) : '—').padStart(13);
      });
      lines.push([s.label.padEnd(28), ...cells].join(''));
    }
    lines.push(`test accuracy in %, mean ± sd over seeds ${results.seeds.join(', ')}; ${task.testCount} test images; ${task.wallSeconds?.toFixed(0)} s`);
  }
  return lines.join('\n');
}
