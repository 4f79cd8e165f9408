// Names the BibTeX way, biblatex's extended format, and names that survive export.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Creator } from '../../../../../src/shared/domain';
import { formatNameList } from '../../../../../src/main/core/formats/bibtex/names/format-names';
import { parseNameList } from '../../../../../src/main/core/formats/bibtex/names/parse-names';
import { unicodeToLatex } from '../../../../../src/main/core/formats/bibtex/latex/encode';

const authors = (latex: string) => parseNameList(latex, 'author');

describe('BibTeX names', () => {
  it.each<[string, Omit<Creator, 'role'>]>([
    ['Johannes van der Waals', { given: 'Johannes', prefix: 'van der', family: 'Waals' }],
    ['van der Waals, Johannes', { prefix: 'van der', family: 'Waals', given: 'Johannes' }],
    ['Ford, Jr., Henry', { family: 'Ford', suffix: 'Jr.', given: 'Henry' }],
    ['Costa, Jr., P. T.', { family: 'Costa', suffix: 'Jr.', given: 'P. T.' }],
    ['Ludwig van Beethoven', { given: 'Ludwig', prefix: 'van', family: 'Beethoven' }],
    ['Jean de La Fontaine', { given: 'Jean', prefix: 'de', family: 'La Fontaine' }],
    ['De Win, Bart', { family: 'De Win', given: 'Bart' }],
    ['Carney Almroth, Bethanie M.', { family: 'Carney Almroth', given: 'Bethanie M.' }],
    ['{Rahimi-Iman}, Arash', { family: 'Rahimi-Iman', given: 'Arash' }],
    ['Kurt G{\\"o}del', { given: 'Kurt', family: 'Gödel' }],
    ['{\\"O}zt{\\"u}rk, Ay{\\c{s}}e', { family: 'Öztürk', given: 'Ayşe' }],
    ['{Barnes and Noble}', { literal: 'Barnes and Noble' }],
    ['{{R Core Team}}', { literal: 'R Core Team' }],
    ['Plato', { family: 'Plato' }],
  ])('%s', (latex, expected) => {
    expect(authors(latex)).toEqual([{ role: 'author', ...expected }]);
  });

  it('splits on "and" outside braces only, in any case, and keeps "and others"', () => {
    expect(authors('A. One AND {Two and Three} and B. Four and others')).toEqual([
      { role: 'author', given: 'A.', family: 'One' },
      { role: 'author', literal: 'Two and Three' },
      { role: 'author', given: 'B.', family: 'Four' },
      { role: 'author', literal: 'others' },
    ]);
  });

  it('reads biblatex extended names', () => {
    expect(authors('family=Ackooij, given=W., prefix=van, useprefix=true and Danti Lopez, I.')).toEqual([
      { role: 'author', family: 'Ackooij', given: 'W.', prefix: 'van' },
      { role: 'author', family: 'Danti Lopez', given: 'I.' },
    ]);
    expect(authors('family={da Silva}, given={Rafael Ferreira}')).toEqual([
      { role: 'author', family: 'da Silva', given: 'Rafael Ferreira' },
    ]);
  });
});

describe('names written back', () => {
  it('writes Family, Given with particles, suffixes and literals', () => {
    const encode = (text: string) => unicodeToLatex(text, true);
    const written = formatNameList(
      [
        { role: 'author', given: 'Johannes', prefix: 'van der', family: 'Waals' },
        { role: 'author', given: 'Henry', family: 'Ford', suffix: 'Jr.' },
        { role: 'author', literal: 'World Health Organization' },
        { role: 'author', given: 'Kurt', family: 'Gödel' },
        { role: 'author', literal: 'others' },
      ],
      encode,
      false,
    );
    expect(written).toBe(
      'van der Waals, Johannes and Ford, Jr., Henry and {World Health Organization} and G{\\"o}del, Kurt and others',
    );
  });

  const word = fc.stringMatching(/^[A-Za-zéÖł][a-zé'.-]{0,8}$/).filter((w) => w.toLowerCase() !== 'and');
  // A particle word "and" would split the list: no real name has one.
  const lowerWord = fc.stringMatching(/^[a-z]{1,4}$/).filter((w) => w !== 'and');
  const words = (arb: fc.Arbitrary<string>, max: number) =>
    fc.array(arb, { minLength: 1, maxLength: max }).map((list) => list.join(' '));
  const creator: fc.Arbitrary<Creator> = fc.oneof(
    fc.record(
      {
        role: fc.constant('author' as const),
        family: words(word, 3),
        given: words(word, 3),
        prefix: words(lowerWord, 2),
        suffix: fc.constantFrom('Jr.', 'III', 'Sr.'),
      },
      { requiredKeys: ['role', 'family'] },
    ),
    fc.record({ role: fc.constant('author' as const), literal: words(word, 4) }),
  );

  it.each([true, false])('parses back to the same creators (property, extended format: %s)', (extended) => {
    fc.assert(
      fc.property(fc.array(creator, { minLength: 1, maxLength: 4 }), (creators) => {
        const list = creators.filter((c) => c.literal !== 'others');
        const latex = formatNameList(list, (text) => unicodeToLatex(text, true), extended);
        expect(parseNameList(latex, 'author')).toEqual(list);
      }),
      { numRuns: 3000 },
    );
  });
});
