/** The zh-CN catalogue: every English key (a missing one fails to compile here or in its area's file). */
import type { En, Translation } from '../../types.ts';
import badge from './badge.ts';
import book from './book.ts';
import engine from './engine.ts';
import params from './params.ts';
import results from './results.ts';
import tools from './tools.ts';
import widget from './widget.ts';

export default { ...engine, ...widget, ...badge, ...params, ...book, ...results, ...tools } satisfies Translation<En>;
