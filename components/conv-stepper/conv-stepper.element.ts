/** @summary <fm-conv-stepper> — being built (issue 2); defined so pages and embeds can load it. */
import { define } from '@lib/widget/fm-element.ts';

export class ConvStepperElement extends HTMLElement {}
define('fm-conv-stepper', ConvStepperElement);
