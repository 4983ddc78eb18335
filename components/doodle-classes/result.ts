/** `<fm-doodle-classes>`'s `fm-result` detail (README.md, Events): once the source is loaded ('ready'), after each Train and each import. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { ModelNote } from '../../src/lib/doodle/state.ts';

export interface DoodleClassesResult extends EngineResult {
  event: 'ready' | 'trained' | 'imported';
  source: string;
  /** Each class's name and number of drawings. */
  classes: { name: string; count: number }[];
  /** The trained or imported head's description, null before one exists. */
  model: ModelNote | null;
  /** After 'trained': training accuracy and the loss curve as [epoch, loss] pairs. */
  accuracy?: number;
  losses?: [number, number][];
}
export type DoodleClassesResultEvent = CustomEvent<DoodleClassesResult>;
