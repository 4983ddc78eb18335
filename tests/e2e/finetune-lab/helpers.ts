/** Shared by the fine-tuning lab's specs: open the embed page with a query, train, read the engine's backend. */
import type { Locator, Page } from '@playwright/test';

export interface Summary {
  run: string; state: string; accuracy: number | null; perClass: number[]; confusion: number[][]; path: string | null;
  curve: { epoch: number; trainLoss: number | null; testLoss: number; testAccuracy: number }[]; config: Record<string, unknown>;
  msPerEpoch: number | null; featureMs: number | null; steps: number;
}
type Lab = HTMLElement & { ready: Promise<void>; train(): Promise<Summary[]>; getResults(): Summary[] };

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

export function backend(page: Page): Promise<string> {
  return page.evaluate(async () => (await window.FeatureMaps!.getEngine()).backend);
}

/** The message line inside the widget. */
export function message(lab: Locator): Locator {
  return lab.locator('[data-role="message"]');
}
