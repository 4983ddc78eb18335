/** Browser side of the network-explorer spec: open the embed page, read the widget's results and messages. */
import { expect, type Page } from '@playwright/test';

export const EMBED = '/embed/network-explorer/';
export type Detail = { backend: string; ms: number; model: string; source: string; image: number | null; label: number | null; predicted: number; probabilities: number[]; fallbackReason: string | null };
export type Plain = { data: Float32Array; shape: number[]; name?: string };

export const el = (page: Page) => page.locator('fm-network-explorer');
export const part = (page: Page, css: string) => page.locator(`fm-network-explorer ${css}`);
export const results = (page: Page) => page.evaluate(() => (window as unknown as { results: Detail[] }).results);
export const count = async (page: Page) => (await results(page)).length;
export const message = (page: Page) => el(page).evaluate((e) => { const m = e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!; return m.hidden ? '' : m.textContent!; });
export const text = (page: Page, role: string) => el(page).evaluate((e, r) => e.shadowRoot!.querySelector(`[data-role="${r}"]`)!.textContent!, role);

/** Opens the embed page and waits for the first result (a first WebGPU run on SwiftShader compiles for a minute or more). */
export async function open(page: Page, query = ''): Promise<Detail> {
  await page.addInitScript(() => {
    const w = window as unknown as { results: unknown[] };
    w.results = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
  });
  await page.goto(`${EMBED}${query ? `?${query}` : ''}`);
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 240_000 });
  return (await results(page)).at(-1)!;
}

/**
 * Runs `change` and waits for the widget's next result — the next one `wanted` accepts, where a run started before
 * the change (by an earlier attribute) may still report first.
 */
export async function nextResult(page: Page, change: () => Promise<unknown>, wanted: (d: Detail) => boolean = () => true): Promise<Detail> {
  const n = await count(page);
  await change();
  await expect.poll(async () => (await results(page)).slice(n).some(wanted), { timeout: 120_000 }).toBe(true);
  await expect(el(page)).toHaveAttribute('status', 'ready');
  return (await results(page)).slice(n).filter(wanted).at(-1)!;
}

/** The widget's input and every layer's output, moved to Node as float32 (base64 keeps them exact). */
export async function activations(page: Page): Promise<{ input: Plain; layers: Plain[] }> {
  const raw = await el(page).evaluate(async (node) => {
    const e = node as unknown as { getInput(): Promise<Plain>; getActivations(): Promise<Plain[]> };
    const enc = (t: Plain) => {
      const u8 = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      return { b64: btoa(s), shape: t.shape, name: t.name };
    };
    return { input: enc(await e.getInput()), layers: (await e.getActivations()).map(enc) };
  });
  const dec = (t: { b64: string; shape: number[]; name?: string }) => {
    const b = Buffer.from(t.b64, 'base64');
    return { data: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), shape: t.shape, name: t.name };
  };
  return { input: dec(raw.input), layers: raw.layers.map(dec) };
}
