/**
 * Every work in a chapter's References list is cited in that chapter's text (src/lib/chapters/references.ts):
 * a list that names works the text never uses sends the reader looking for a connection that is not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { references, uncitedReferences } from '../../../src/lib/chapters/references.ts';

const DIR = 'content/en/chapters';
const chapters = readdirSync(DIR).filter((f) => /^[^_].*\.mdx$/.test(f));

const list = [
  '## References',
  '',
  '- Dumoulin, V., & Visin, F. (2016). A guide to convolution arithmetic for deep learning. arXiv:1603.07285.',
  '- He, K., Zhang, X., Ren, S., & Sun, J. (2016b). Identity mappings in deep residual networks. *ECCV*.',
  '- Zhang, R. (2019). Making convolutional networks shift-invariant again. *ICML*.',
  '- Karpathy, A., et al. *CS231n: Convolutional Neural Networks for Visual Recognition*, course notes.',
].join('\n');
const uncited = (text: string) => uncitedReferences(`${text}\n\n${list}`).map((r) => r.surname);

describe('references', () => {
  it('reads each item’s first author, year and title', () => {
    expect(references(list).map(({ line, surname, year, title }) => ({ line, surname, year, title }))).toEqual([
      { line: 3, surname: 'Dumoulin', year: '2016', title: null },
      { line: 4, surname: 'He', year: '2016b', title: 'ECCV' },
      { line: 5, surname: 'Zhang', year: '2019', title: 'ICML' },
      { line: 6, surname: 'Karpathy', year: null, title: 'CS231n' },
    ]);
  });
});

describe('uncitedReferences', () => {
  it.each([
    ['nothing cited', '', ['Dumoulin', 'He', 'Zhang', 'Karpathy']],
    ['every citation shape', 'Dumoulin and Visin (2016) draw it; (He et al., 2016b; Zhang, 2019); the CS231n notes.', []],
    ['a surname with another year', 'Dumoulin and Visin (2018) and Zhang et al. (2023).', ['Dumoulin', 'He', 'Zhang', 'Karpathy']],
    ['a year without its suffix', '(He et al., 2016) and (He et al., 2016a).', ['Dumoulin', 'He', 'Zhang', 'Karpathy']],
    ['a surname inside another word', 'Theorem 2016b; Zhangxi 2019.', ['Dumoulin', 'He', 'Zhang', 'Karpathy']],
  ])('%s', (_, text, names) => {
    expect(uncited(text)).toEqual(names);
  });
});

describe(`references in ${DIR}`, () => {
  it.each(chapters)('%s cites every work it lists', (file) => {
    const mdx = readFileSync(`${DIR}/${file}`, 'utf8');
    expect(references(mdx).length, 'a References list').toBeGreaterThan(0);
    const report = uncitedReferences(mdx).map((r) => `${DIR}/${file}:${r.line} ${r.surname} (${r.year ?? 'n.d.'}) is never cited`);
    expect(report, `\n${report.join('\n')}\n(cite it where it belongs, or drop it from the list)`).toEqual([]);
  });
});
