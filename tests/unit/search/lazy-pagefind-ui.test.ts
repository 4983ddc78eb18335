import { describe, expect, it } from 'vitest';
import { PAGEFIND_ZH, withPageWords } from '../../../src/lib/search/lazy-pagefind-ui.ts';

describe('withPageWords: the options Pagefind’s search box is built with', () => {
  const starlight = { element: '#starlight__search', baseUrl: '/', translations: { placeholder: '搜索' } };

  it('leaves an English page’s options as Starlight gave them', () => {
    expect(withPageWords({ ...starlight, translations: { placeholder: 'Search' } }, 'en')).toEqual({ ...starlight, translations: { placeholder: 'Search' } });
  });

  it('gives a Chinese page Pagefind’s words in Chinese, Starlight’s own translation first', () => {
    const got = withPageWords(starlight, 'zh-CN');
    expect(got.element).toBe('#starlight__search');
    expect(got.translations).toEqual({ ...PAGEFIND_ZH, placeholder: '搜索' });
    expect(withPageWords({ element: '#x' }, 'zh-CN').translations).toEqual(PAGEFIND_ZH);
  });

  it('keeps Pagefind’s placeholders in every sentence that needs them', () => {
    for (const key of ['zero_results', 'many_results', 'one_result', 'alt_search', 'search_suggestion', 'searching']) expect(PAGEFIND_ZH[key], key).toContain('[SEARCH_TERM]');
    for (const key of ['many_results', 'one_result', 'total_one_result', 'total_many_results', 'filter_selected_one', 'filter_selected_many']) expect(PAGEFIND_ZH[key], key).toContain('[COUNT]');
    expect(PAGEFIND_ZH.alt_search).toContain('[DIFFERENT_TERM]');
    for (const [key, words] of Object.entries(PAGEFIND_ZH)) expect(words, key).not.toMatch(/[A-Za-z]{2,}(?![A-Z_]*\])/);
  });
});
