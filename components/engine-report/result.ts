/** `<fm-engine-report>`'s `fm-result` detail: the backend chosen and the check of the book's own GPU kernels. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';
import type { Engine } from '../../src/lib/engine/index.ts';
import type { KernelCheck } from '../../src/lib/engine/scope.ts';

export interface EngineReportResult extends ResultDetail {
  backend: Engine['backend'];
  /** The current scope's checks (empty off WebGPU, and in the first report, before the scope is known). */
  kernels: KernelCheck[];
}
export type EngineReportResultEvent = CustomEvent<EngineReportResult>;
