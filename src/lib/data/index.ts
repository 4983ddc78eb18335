/** Packed datasets: manifest, loader, packed order and the float conversion every model uses. */
export { DataError } from './data-error.ts';
export { loadManifest, loadSlice, type DataSlice, type LoadOptions, type Progress } from './loader.ts';
export { parseManifest, type Manifest, type DatasetEntry, type SplitEntry, type FileEntry, type ChunkEntry } from './manifest.ts';
export { interleave, interleavedLabels, prefixForPerClass, positionsOfRanks, chunkBounds } from './order.ts';
export { stratifiedSplit, stratifiedTestCounts } from './split.ts';
export { toFloat32 } from './float.ts';
export type { FetchLike } from './fetch-file.ts';
