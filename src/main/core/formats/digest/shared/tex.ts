// arXiv mails write author names with TeX accents (J\"org, Jos\'e, {\c C}elik). Names are
// shown and searched, so they are decoded to Unicode by the same LaTeX decoder BibTeX
// import uses; titles and abstracts stay as written.
import { latexToUnicode } from '../../bibtex/latex/decode';

/** Decodes TeX accents and letter commands, and drops the grouping braces around them. */
export function decodeTexAccents(text: string): string {
  return text.includes('\\') ? latexToUnicode(text) : text;
}
