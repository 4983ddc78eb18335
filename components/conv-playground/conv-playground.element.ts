/** @summary <fm-conv-playground> — being built (issue 2); defined so pages and embeds can load it. */
import { define } from '@lib/widget/fm-element.ts';

export class ConvPlaygroundElement extends HTMLElement {}
define('fm-conv-playground', ConvPlaygroundElement);
