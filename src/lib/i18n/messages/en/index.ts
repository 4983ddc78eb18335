/**
 * The English catalogue: the source of truth. Its keys and placeholders type every call of `t()` and every other
 * locale. One file per area (a widget, the engine); add a new area's file here and in each locale's index.
 */
import badge from './badge.ts';
import doodleTask from './doodle-task.ts';
import image from './image.ts';
import datasets from './datasets.ts';
import datasetPreview from './dataset-preview.ts';
import featureReuse from './feature-reuse.ts';
import networkExplorer from './network-explorer.ts';
import book from './book.ts';
import engine from './engine.ts';
import params from './params.ts';
import results from './results.ts';
import tools from './tools.ts';
import widget from './widget.ts';
import conv from './conv.ts';
import convStepper from './conv-stepper.ts';
import receptiveField from './receptive-field.ts';
import softmaxExplorer from './softmax-explorer.ts';
import activations from './activations.ts';
import activationPlot from './activation-plot.ts';
import activationMaps from './activation-maps.ts';
import photos from './photos.ts';
import engineReport from './engine-report.ts';
import poolExplorer from './pool-explorer.ts';
import domainShift from './domain-shift.ts';
import convPlayground from './conv-playground.ts';
import lossRace from './loss-race.ts';
import lossCurves from './loss-curves.ts';
import vanishingGradients from './vanishing-gradients.ts';
import finetuneLab from './finetune-lab.ts';
import strokePad from './stroke-pad.ts';
import doodleClasses from './doodle-classes.ts';

export default { ...engine, ...doodleTask, ...image, ...widget, ...badge, ...conv, ...convStepper, ...receptiveField, ...softmaxExplorer, ...activations, ...activationPlot, ...activationMaps, ...photos, ...engineReport, ...poolExplorer, ...domainShift, ...datasets, ...datasetPreview, ...featureReuse, ...networkExplorer, ...params, ...book, ...results, ...tools, ...convPlayground, ...lossRace, ...lossCurves, ...vanishingGradients, ...finetuneLab, ...strokePad, ...doodleClasses } as const;
