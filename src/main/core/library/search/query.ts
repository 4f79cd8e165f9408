// The quick-search language: words (all must match; the last one as a prefix while the
// user is still typing it), "quoted phrases", field:value, and -negation.
//   attention transformer      author:vaswani      year:2017     year:2015-2019
//   "attention is all"         tag:to-read         -survey       type:article
import { ITEM_TYPES, type ItemType } from '../../../../shared/domain';
import type { SearchColumn } from './indexer';
import { searchTokens } from './tokens';

export interface TextTerm {
  kind: 'text';
  /** Columns to look in; undefined: all of them. */
  columns?: SearchColumn[];
  /** Folded tokens; more than one makes a phrase. */
  tokens: string[];
  /** The last token matches as a prefix. */
  prefix: boolean;
  negated: boolean;
}

export interface TagTerm {
  kind: 'tag';
  name: string;
  prefix: boolean;
  negated: boolean;
}

export interface YearTerm {
  kind: 'year';
  from: number;
  to: number;
  negated: boolean;
}

export interface TypeTerm {
  kind: 'type';
  type: ItemType;
  negated: boolean;
}

export type Term = TextTerm | TagTerm | YearTerm | TypeTerm;

const FIELD_COLUMNS: Record<string, SearchColumn[]> = {
  author: ['creators'],
  authors: ['creators'],
  creator: ['creators'],
  editor: ['creators'],
  title: ['title'],
  abstract: ['abstract'],
  note: ['notes'],
  notes: ['notes'],
  key: ['ids'],
  citekey: ['ids'],
  doi: ['ids'],
  arxiv: ['ids'],
  id: ['ids'],
  venue: ['venue'],
  journal: ['venue'],
  container: ['venue'],
  booktitle: ['venue'],
};

const MAX_TERMS = 32;

/** One raw piece of the query: -field:"value" */
interface Piece {
  negated: boolean;
  field?: string;
  value: string;
  quoted: boolean;
  last: boolean;
}

export function parseQuery(input: string): Term[] {
  const pieces = splitPieces(input);
  const terms: Term[] = [];
  for (const piece of pieces.slice(0, MAX_TERMS)) {
    const term = toTerm(piece);
    if (term) terms.push(term);
  }
  return terms;
}

function splitPieces(input: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)("?)|(\S+))/g;
  const endsWithSpace = /\s$/.test(input);
  for (const match of input.matchAll(pattern)) {
    const [, minus, field, quotedValue, closingQuote, bareValue] = match;
    const quoted = quotedValue !== undefined;
    pieces.push({
      negated: minus === '-',
      ...(field ? { field: field.toLowerCase() } : {}),
      value: quoted ? quotedValue : (bareValue ?? ''),
      quoted: quoted && closingQuote === '"',
      last: false,
    });
  }
  const last = pieces.at(-1);
  if (last && !endsWithSpace && !last.quoted) last.last = true;
  return pieces;
}

function toTerm(piece: Piece): Term | undefined {
  const { field, negated } = piece;
  if (field === 'tag' || field === 'tags') {
    const name = piece.value.trim();
    return name ? { kind: 'tag', name, prefix: piece.last, negated } : undefined;
  }
  if (field === 'year') return yearTerm(piece.value, negated);
  if (field === 'type') {
    const type = piece.value.toLowerCase();
    return (ITEM_TYPES as readonly string[]).includes(type)
      ? { kind: 'type', type: type as ItemType, negated }
      : undefined;
  }
  const columns = field ? FIELD_COLUMNS[field] : undefined;
  // An unknown "field:" is just text (people search for "arXiv:2306.1234" or "10.1/x:y").
  const value = field && !columns ? `${field}:${piece.value}` : piece.value;
  const tokens = searchTokens(value);
  if (tokens.length === 0) return undefined;
  return { kind: 'text', ...(columns ? { columns } : {}), tokens, prefix: piece.last, negated };
}

/**
 * A year range as the date text it is compared with: its first and last year ("0000" to
 * "9999") and, unless open-ended, the first year after it (an exclusive bound on dates).
 */
export function yearBounds(term: YearTerm): { first: string; last: string; after?: string } {
  const year = (value: number) => String(value).padStart(4, '0');
  return {
    first: year(term.from),
    last: year(term.to),
    ...(term.to < 9999 ? { after: year(term.to + 1) } : {}),
  };
}

function yearTerm(value: string, negated: boolean): YearTerm | undefined {
  const range = /^(\d{4})?\s*(?:-|\.\.)\s*(\d{4})?$/.exec(value);
  if (range && (range[1] || range[2])) {
    return { kind: 'year', from: Number(range[1] ?? 0), to: Number(range[2] ?? 9999), negated };
  }
  const compare = /^([<>]=?)(\d{4})$/.exec(value);
  if (compare) {
    const year = Number(compare[2]);
    const op = compare[1]!;
    if (op === '>') return { kind: 'year', from: year + 1, to: 9999, negated };
    if (op === '>=') return { kind: 'year', from: year, to: 9999, negated };
    if (op === '<') return { kind: 'year', from: 0, to: year - 1, negated };
    return { kind: 'year', from: 0, to: year, negated };
  }
  if (/^\d{4}$/.test(value)) return { kind: 'year', from: Number(value), to: Number(value), negated };
  return undefined;
}

export const hasText = (terms: Term[]) => terms.some((t) => t.kind === 'text');
