/** `<fm-finetune-lab>`'s `fm-result` detail (README.md, Events): once ready (nothing trained), then after each Train. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { RunSummary } from './lab-results.ts';

export interface FinetuneLabResult extends EngineResult {
  /** false for the first result, when the engine is ready (`runs` is empty then). */
  trained: boolean;
  runs: RunSummary[];
}
export type FinetuneLabResultEvent = CustomEvent<FinetuneLabResult>;
