// LaTeX ↔ Unicode: what a user reads and searches after import, and text that survives
// export and re-import unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectedParts } from '../../../../../src/main/core/formats/bibtex/latex/case-protect';
import { latexToUnicode, normalizeSpace } from '../../../../../src/main/core/formats/bibtex/latex/decode';
import { unicodeToLatex } from '../../../../../src/main/core/formats/bibtex/latex/encode';
import { titleText } from '../../../../../src/main/core/formats/bibtex/export/value-text';

describe('LaTeX to Unicode', () => {
  it.each([
    ['{\\"o}', 'ö'],
    ['\\"{O}sterreich', 'Österreich'],
    ['{\\v R}e{\\v r}i{\\r u}ek', 'Řeřiůek'],
    ['Gro{\\ss}', 'Groß'],
    ['\\L{}ukasz \\L ódź', 'Łukasz Łódź'],
    ["Mar{\\'\\i}a {\\'{\\i}} \\i", 'María í ı'],
    ['{\\c c}a {\\ocirc{u}} {\\v{c}}', 'ça ů č'],
    ['pages 1--10, 1990---2000', 'pages 1–10, 1990—2000'],
    ['Dr.~Who', 'Dr.\u00a0Who'],
    ['A \\& B, 5\\%, a\\_b, \\$1, \\#2', 'A & B, 5%, a_b, $1, #2'],
    ['x\\textendash y \\textemdash{} z', 'x–y — z'],
    ['\\textit{Procolophon} and {\\em emphasis} \\emph{too}', 'Procolophon and emphasis too'],
    ['{{GaN}} growth on {Si}', 'GaN growth on Si'],
    ['$\\alpha$-helix, 5 $\\mu$m, $\\pm$0.5, m$^2$', 'α-helix, 5 μm, ±0.5, m²'],
    ['$10^{-3}$ and H$_2$O and $-$1', '10⁻³ and H₂O and −1'],
    ["``quoted''", '“quoted”'],
    ['a\\,b\\quad c', 'a\u2009b\u2003c'],
    ['\\url{http://x.org/~a_b}', 'http://x.org/~a_b'],
    ['\\noopsort{1985}1985', '1985'],
    ['\\TeX{} and \\LaTeX\\ users', 'TeX and LaTeX users'],
    ['an \\unknown{macro} stays', 'an \\unknown{macro} stays'],
    ['  spaces\n  and\n\n  paragraphs  ', 'spaces and\n\nparagraphs'],
  ])('%s → %s', (latex, text) => {
    expect(latexToUnicode(latex)).toBe(text);
  });

  it('does not overflow the stack on deeply nested accent arguments', () => {
    const nested = `${"\\'{".repeat(5000)}e${'}'.repeat(5000)}`;
    expect(() => latexToUnicode(nested)).not.toThrow();
  });
});

describe('Unicode to LaTeX', () => {
  it.each([
    ['Schrödinger', 'Schr{\\"o}dinger'],
    ['Øresund Łódź', "{\\O}resund {\\L}{\\'o}d{\\'z}"],
    ['Dvořák', "Dvo{\\v{r}}{\\'a}k"],
    ['5% of A&B cost $3 #1 a_b', '5\\% of A\\&B cost \\$3 \\#1 a\\_b'],
    [
      '{braces} ~ ^ \\',
      '\\textbraceleft{}braces\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    ],
    ['1–10, 1990—2000', '1--10, 1990---2000'],
    ['a--b', 'a-{}-b'],
    ['α-helix m² ¹³C H₂O', '$\\alpha$-helix m$^{2}$ $^{13}$C H$_{2}$O'],
    ['Dr.\u00a0Who', 'Dr.~Who'],
  ])('BibTeX: %s → %s', (text, latex) => {
    expect(unicodeToLatex(text, true)).toBe(latex);
  });

  it('keeps UTF-8 for BibLaTeX and still escapes specials', () => {
    expect(unicodeToLatex('Schrödinger & α – 5%', false)).toBe('Schrödinger \\& α – 5\\%');
  });

  const storedText = fc
    .string({ unit: fc.constantFrom(...'aZ09 -–—\'`"~^_{}\\#$%&é̈öÅßŁıα²₃ “”‘’\u00a0\u2009中😀'.split('')) })
    .map(normalizeSpace);

  it('decodes what it encodes, in both modes (property)', () => {
    fc.assert(
      fc.property(storedText, fc.boolean(), (text, ascii) => {
        expect(latexToUnicode(unicodeToLatex(text, ascii))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the braces of an encoded value balanced (property)', () => {
    fc.assert(
      fc.property(storedText, (text) => {
        let depth = 0;
        for (const ch of unicodeToLatex(text, true)) {
          if (ch === '{') depth++;
          if (ch === '}') depth--;
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
      }),
    );
  });
});

describe('capital protection in titles', () => {
  const protectedWords = (title: string) => {
    const parts = protectedParts(title);
    const words: string[] = [];
    for (let i = 0; i < parts.length; i += 2) words.push(title.slice(parts[i], parts[i + 1]));
    return words;
  };

  it('protects acronyms, mixed case, single capitals and names in a sentence-case title', () => {
    expect(protectedWords('Scaling LLMs with BERT-based GaN models in iPhone apps')).toEqual([
      'LLMs',
      'BERT',
      'GaN',
      'iPhone',
    ]);
    expect(protectedWords('Type I error rates for vitamin C')).toEqual(['I', 'C']);
    expect(protectedWords('A study of Einstein and the city of Paris')).toEqual(['Einstein', 'Paris']);
    expect(protectedWords('Deep learning: Einstein revisited')).toEqual(['Einstein']);
  });

  it('leaves title-case words alone (styles may lower-case them)', () => {
    expect(protectedWords('Large-Scale Unit Commitment under Uncertainty')).toEqual([]);
  });

  it('wraps protected words so an accented capital is protected too', () => {
    const title = 'A history of Österreich and its music';
    expect(titleText(title, true)).toBe('A history of {{\\"O}sterreich} and its music');
    expect(latexToUnicode(titleText(title, true))).toBe(title);
  });
});
