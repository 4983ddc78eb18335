/**
 * Rendering a message: choose the locale's text (its plural form by `count`), fill its `{placeholders}` — text
 * as is, numbers through `Intl.NumberFormat`, nested messages rendered in the same language — and never show a
 * reader a raw key. A key or placeholder missing in production falls back (English, then empty); in development
 * and tests it throws, so the gap is seen before it ships (the completeness test catches it first).
 */
import { formatNumber, pluralCategory } from './format.ts';
import type { Lang } from './locales.ts';
import type { Arg, PluralForms, RawMessage } from './types.ts';

export type Catalogues = Record<Lang, Readonly<Record<string, RawMessage | undefined>>>;
export type Render = (lang: Lang, key: string, params?: Readonly<Record<string, Arg>>) => string;

/** A renderer over `catalogues`; `strict` (development, tests) throws where production falls back. */
export function createRenderer(catalogues: Partial<Catalogues> & Pick<Catalogues, 'en'>, strict: boolean): Render {
  const render: Render = (lang, key, params = {}) => {
    const table = catalogues[lang];
    let message = table?.[key];
    if (message === undefined) {
      // A catalogue still on its way (src/lib/i18n/t.ts: loadLang) is not a gap: its caller says it again once here.
      if (table) problem(strict, `no ${lang} message "${key}"`);
      message = catalogues.en[key];
      if (message === undefined) return '';
      if (!table) lang = 'en';
    }
    const text = typeof message === 'string' ? message : pluralForm(lang, message, params.count, key, strict);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) {
        problem(strict, `message "${key}" needs {${name}}`);
        return '';
      }
      return typeof value === 'string' ? value : typeof value === 'number' ? formatNumber(lang, value) : render(lang, value.key, value.params);
    });
  };
  return render;
}

function pluralForm(lang: Lang, forms: PluralForms, count: Arg | undefined, key: string, strict: boolean): string {
  if (typeof count !== 'number') {
    problem(strict, `plural message "${key}" needs a numeric {count}`);
    return forms.other;
  }
  return forms[pluralCategory(lang, count)] ?? forms.other;
}

function problem(strict: boolean, what: string): void {
  if (strict) throw new Error(`i18n: ${what}`);
}
