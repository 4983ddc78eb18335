/** The zh-CN catalogue: every English key (a missing one fails to compile here or in its area's file). */
import type { En, Translation } from '../../types.ts';
import badge from './badge.ts';
import engine from './engine.ts';
import widget from './widget.ts';
import conv from './conv.ts';
import convStepper from './conv-stepper.ts';
import receptiveField from './receptive-field.ts';
import softmaxExplorer from './softmax-explorer.ts';
import convPlayground from './conv-playground.ts';

export default { ...engine, ...widget, ...badge, ...conv, ...convStepper, ...receptiveField, ...softmaxExplorer, ...convPlayground } satisfies Translation<En>;
