/** Shared by the fine-tuning lab's specs: open the embed page with a query, train, read the engine's backend. */
import type { Locator, Page } from '@playwright/test';

export interface Summary {
  run: string; state: string; accuracy: number | null; perClass: number[]; confusion: number[][]; path: string | null;
  curve: { epoch: number; trainLoss: number | null; valLoss: number | null; valAccuracy: number | null }[]; config: Record<string, unknown>;
  counts: { train: number; validation: number; test: number } | null; msPerEpoch: number | null; featureMs: number | null; steps: number;
}
export interface Sources { train: number[]; validation: number[]; test: number[] }
type Lab = HTMLElement & { ready: Promise<void>; train(): Promise<Summary[]>; getResults(): Summary[]; getSources(): (Sources | null)[] };

export async function openLab(page: Page, query: string): Promise<Locator> {
  await page.goto(`/embed/finetune-lab/?${query}`);
  const lab = page.locator('fm-finetune-lab');
  await lab.evaluate(async (e) => {
    await customElements.whenDefined('fm-finetune-lab');
    await (e as Lab).ready;
  });
  return lab;
}

export function train(lab: Locator): Promise<Summary[]> {
  return lab.evaluate((e) => (e as Lab).train());
}

/** Each run's images as positions in the packed digits splits (null for the reader's own classes). */
export function sources(lab: Locator): Promise<(Sources | null)[]> {
  return lab.evaluate((e) => (e as Lab).getSources());
}

/** Records the lab's fm-progress events from now on; read them with `progressLog`. */
export async function recordProgress(lab: Locator): Promise<void> {
  await lab.evaluate((e) => {
    const w = window as unknown as { fmProgress: { run: string; phase: string; epoch: number }[] };
    w.fmProgress = [];
    e.addEventListener('fm-progress', (ev) => w.fmProgress.push((ev as CustomEvent).detail));
  });
}

export function progressLog(page: Page): Promise<{ run: string; phase: string; epoch: number }[]> {
  return page.evaluate(() => (window as unknown as { fmProgress: { run: string; phase: string; epoch: number }[] }).fmProgress);
}

export function backend(page: Page): Promise<string> {
  return page.evaluate(async () => (await window.FeatureMaps!.getEngine()).backend);
}

/** The message line inside the widget. */
export function message(lab: Locator): Locator {
  return lab.locator('[data-role="message"]');
}
