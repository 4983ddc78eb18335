/** The console tables `npm run experiments` ends with: per task, one row per strategy, one column per label count. */
import { meanSd, points } from '../../src/lib/experiments/format.ts';
import { strategiesIn, type ExperimentResults } from '../../src/lib/experiments/results.ts';
import { augmentationRows } from '../../src/lib/experiments/augmentation.ts';

export function table(results: ExperimentResults): string {
  const lines: string[] = [];
  for (const task of results.tasks) {
    lines.push(`\n${task.title} (source ${task.source})${task.status === 'skipped' ? ` — skipped: ${task.reason}` : ''}`);
    if (!task.summary) continue;
    const head = ['strategy'.padEnd(38), ...results.perClass.map((n) => `${n}/class`.padStart(13))].join('');
    lines.push(head, '-'.repeat(head.length));
    for (const s of strategiesIn(results, 'grid')) {
      const cells = results.perClass.map((n) => {
        const c = task.summary!.find((x) => x.strategy === s.id && x.perClass === n);
        return (c ? meanSd(c.mean, c.sd) : '—').padStart(13);
      });
      lines.push([s.label.padEnd(38), ...cells].join(''));
    }
    lines.push(`test accuracy in %, mean ± sd over seeds ${results.seeds.join(', ')}; ${task.testCount} test images; ${task.wallSeconds?.toFixed(0)} s`);
    const rows = augmentationRows(results, task);
    if (rows.length === 0) continue;
    lines.push('', `augmentation (the lab's ±2-pixel shifts), ${task.title}:`);
    const aHead = ['arm'.padEnd(38), ...rows[0]!.cells.map((c) => `${c.perClass}/class`.padStart(13)), '  with − without, by seed'].join('');
    lines.push(aHead, '-'.repeat(aHead.length));
    for (const r of rows) {
      for (const [label, pick] of [[r.without.label, 'without'], [r.with.label, 'with']] as const) {
        lines.push([label.padEnd(38), ...r.cells.map((c) => (c[pick] ? meanSd(c[pick]!.mean, c[pick]!.sd) : '—').padStart(13))].join(''));
      }
      lines.push(['  difference (points)'.padEnd(38), ...r.cells.map((c) => (c.delta ? points(c.delta.mean) : '—').padStart(13)),
        `  ${r.cells.map((c) => `${c.perClass}: ${c.delta ? c.delta.bySeed.map(points).join(', ') : '—'}`).join('; ')}`].join(''));
    }
  }
  return lines.join('\n');
}
