/** The zh-CN catalogue: every English key (a missing one fails to compile here or in its area's file). */
import type { En, Translation } from '../../types.ts';
import badge from './badge.ts';
import engine from './engine.ts';
import widget from './widget.ts';
import lossRace from './loss-race.ts';
import lossCurves from './loss-curves.ts';
import vanishingGradients from './vanishing-gradients.ts';
import finetuneLab from './finetune-lab.ts';

export default { ...engine, ...widget, ...badge, ...lossRace, ...lossCurves, ...vanishingGradients, ...finetuneLab } satisfies Translation<En>;
