/**
 * The PCA view's numbers: for one pair of feature sets (source rows, target rows, same digits), a 2-D PCA
 * fitted on both together, each row's coordinates, the share of variance the two axes hold, and the domain gap
 * (alignment.ts) measured in the full feature space, not in the 2-D picture.
 */
import { domainGap } from './alignment.ts';
import { fitPcaSliced, project } from './pca.ts';
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface PanelPoint { x: number; y: number; domain: 'source' | 'target'; digit: number }
export interface Panel { points: PanelPoint[]; explained: [number, number]; gap: number }

export function pcaPanel(source: Float32Array, target: Float32Array, n: number, d: number, digits: ArrayLike<number>): Panel {
  return runSync(pcaPanelSliced(source, target, n, d, digits));
}

/** `pcaPanel` as a sliced computation: the page stays responsive while the PCA is fitted (src/lib/schedule/slices.ts). */
export function* pcaPanelSliced(source: Float32Array, target: Float32Array, n: number, d: number, digits: ArrayLike<number>): Sliced<Panel> {
  const both = new Float32Array(2 * n * d);
  both.set(source.subarray(0, n * d));
  both.set(target.subarray(0, n * d), n * d);
  const pca = yield* fitPcaSliced(both, 2 * n, d, 2);
  const xy = project(pca, both, 2 * n);
  const points = Array.from({ length: 2 * n }, (_, i): PanelPoint => ({
    x: xy[2 * i]!, y: xy[2 * i + 1]!, domain: i < n ? 'source' : 'target', digit: digits[i % n]!,
  }));
  return { points, explained: [pca.explained[0]!, pca.explained[1]!], gap: domainGap(source, n, target, n, d) };
}
