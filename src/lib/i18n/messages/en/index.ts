/**
 * The English catalogue: the source of truth. Its keys and placeholders type every call of `t()` and every other
 * locale. One file per area (a widget, the engine); add a new area's file here and in each locale's index.
 */
import badge from './badge.ts';
import engine from './engine.ts';
import widget from './widget.ts';
import lossRace from './loss-race.ts';
import lossCurves from './loss-curves.ts';
import vanishingGradients from './vanishing-gradients.ts';
import finetuneLab from './finetune-lab.ts';

export default { ...engine, ...widget, ...badge, ...lossRace, ...lossCurves, ...vanishingGradients, ...finetuneLab } as const;
