/**
 * Telling elements that their language changed, so they re-render their texts without recomputing (lang-watch.ts),
 * over the whole book's catalogue (t.ts): a widget switched to Chinese is told once that catalogue is here.
 */
import { createLangWatch } from './lang-watch.ts';
import { langLoaded, loadLang } from './t.ts';

export const { watchLang, spoken } = createLangWatch({ langLoaded, loadLang });
