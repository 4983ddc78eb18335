/** The zh-CN catalogue: every English key (a missing one fails to compile here or in its area's file). */
import type { En, Translation } from '../../types.ts';
import badge from './badge.ts';
import datasets from './datasets.ts';
import datasetPreview from './dataset-preview.ts';
import featureReuse from './feature-reuse.ts';
import networkExplorer from './network-explorer.ts';
import engine from './engine.ts';
import widget from './widget.ts';

export default { ...engine, ...widget, ...badge, ...datasets, ...datasetPreview, ...featureReuse, ...networkExplorer } satisfies Translation<En>;
