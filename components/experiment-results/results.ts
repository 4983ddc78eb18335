/**
 * The results file, read once at build time by the components in this folder, and the one lookup they share:
 * a task by id, or a build error that says what is missing (a chapter must never print a number it lacks).
 */
import data from '../../src/data/experiments.json';
import type { ExperimentResults, TaskResult } from '@lib/experiments/results.ts';

export const results = data as unknown as ExperimentResults;

export function taskOf(id: string): TaskResult {
  const task = results.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`experiment results: no task "${id}" (have ${results.tasks.map((t) => t.id).join(', ')})`);
  return task;
}
