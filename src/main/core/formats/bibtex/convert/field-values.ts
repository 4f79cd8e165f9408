// How each field's LaTeX becomes a stored value: most are decoded to Unicode; URLs, DOIs,
// keys and file paths are verbatim (only `\_`-style escapes undone); name lists become
// their canonical text. Shared by import and by export's "is it unchanged?" test.
import { latexToUnicode } from '../latex/decode';
import { CREATOR_ROLES } from '../../../../../shared/domain';

const VERBATIM_FIELDS = new Set([
  'url',
  'doi',
  'eprint',
  'file',
  'pdf',
  'urlraw',
  'crossref',
  'xref',
  'xdata',
  'ids',
  'related',
  'entryset',
  'key',
  'verba',
  'verbb',
  'verbc',
]);

/** BibLaTeX's name fields: one per creator role, by the same name. */
export const NAME_FIELDS: readonly string[] = CREATOR_ROLES;

export function isVerbatimField(name: string): boolean {
  return VERBATIM_FIELDS.has(name) || name.startsWith('bdsk-url-') || name.startsWith('bdsk-file-');
}

export function decodeFieldValue(name: string, latex: string): string {
  return isVerbatimField(name) ? verbatimValue(latex) : latexToUnicode(latex);
}

/** `https://x.org/a\_b` → `https://x.org/a_b`; nothing else changes. */
export function verbatimValue(latex: string): string {
  if (!latex.includes('\\')) return latex.trim();
  return latex
    .replace(/\\(?:textasciitilde|textunderscore)(?:\{\}|\b)/g, (command) =>
      command.startsWith('\\textasciitilde') ? '~' : '_',
    )
    .replace(/\\([_%#&$~])/g, '$1')
    .trim();
}

/** DOIs arrive as "10.x/y", "doi:10.x/y", "https://doi.org/10.x/y" or publisher resolver URLs. */
export function normalizeDoi(text: string): string | undefined {
  const match = /\b(10\.\d{3,9}\/\S+)/.exec(text.trim());
  return match?.[1];
}

/** "arXiv:2401.00001v2" → "2401.00001v2"; old-style ids ("hep-th/9901001") too. */
export function bareArxivId(text: string): string | undefined {
  const id = text
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/^https?:\/\/arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/\.pdf$/i, '');
  return /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(id) ? id : undefined;
}

export function splitKeywords(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const tag = part.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
