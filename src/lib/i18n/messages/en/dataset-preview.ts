/** `<fm-dataset-preview>` (components/dataset-preview/): its heading, progress line, caption and image labels. */
export default {
  'datasetPreview.title': {
    one: '{dataset}, {split} split: the first {count} image of each class',
    other: '{dataset}, {split} split: the first {count} images of each class',
  },
  'datasetPreview.loading': 'Loading images',
  'datasetPreview.progress': '{loaded} of {total}',
  'datasetPreview.caption': '{dataset} ({split} split): {count} images, up to {perClass} per class, one row per class: {classes}. {size} loaded.',
  'datasetPreview.row': '{count} images of class {name}',
  'datasetPreview.noJs': 'This figure shows sample images from the dataset; it needs JavaScript.',
} as const;
