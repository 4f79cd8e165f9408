// Lines of a copied Hugging Face papers page that are page furniture, not paper text:
// the digest header, upvote counts, submitter and author lines, dates, buttons. Every rule
// matches a whole line, so a title or abstract that merely contains such words is kept.
import { parseDateLine } from '../shared/dates';

export type NoiseKind =
  | 'header'
  /** Ends the digest header: what comes before it is the digest's title, not a paper. */
  | 'header-end'
  | 'date'
  | 'count'
  | 'submitter'
  | 'authors'
  | 'published'
  | 'button'
  /** Written by the digest-txt exporter for a paper without an abstract. */
  | 'no-abstract';

export const NO_ABSTRACT_MARKER = '(no abstract)';

const HEADER = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'trending papers',
]);
const HEADER_END = new Set(['byak and the research community']);
const BUTTONS = new Set([
  'view all papers',
  'view all',
  'load more',
  'show more',
  'see all',
  'upvote',
  'upvoted',
  'previous',
  'next',
  'today',
  'yesterday',
  'this week',
  'this month',
  'submitted by',
  'view arxiv page',
  'view pdf',
  'add to collection',
]);
const COUNT = /^(?:\d[\d,.]*\s*k?|\d[\d,.]*\s*k?\s+(?:papers?|upvotes?|comments?|authors?))$/i;
const SUBMITTER = /^submitted by\s+[\w.-]+$/i;
const PUBLISHED = /^(?:published|submitted|updated)\s+on\b/i;
// "Alice Smith · Bob Jones", "· 3 authors", "Alice Smith · +5": short capitalised names
// or author counts between middle dots; anything with a colon or a sentence is not this.
const AUTHOR_SEGMENT =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{L}[\p{L}\p{M}'’.-]*){0,4}|\+?\d+(?:\s+authors?)?)$/u;

/** What kind of page furniture a line is, or undefined for paper text. */
export function noiseKind(line: string): NoiseKind | undefined {
  const text = line.trim();
  // Furniture is short; only an author line can run long, and it has middle dots.
  if (text.length > 60) return text.includes('·') && isAuthorLine(text) ? 'authors' : undefined;
  const lower = text.toLowerCase();
  if (lower === NO_ABSTRACT_MARKER) return 'no-abstract';
  if (HEADER.has(lower)) return 'header';
  if (HEADER_END.has(lower)) return 'header-end';
  if (BUTTONS.has(lower)) return 'button';
  if (COUNT.test(text)) return /papers?$/i.test(text) ? 'header-end' : 'count';
  if (SUBMITTER.test(text)) return 'submitter';
  if (PUBLISHED.test(text)) return 'published';
  if (text.includes('·') && isAuthorLine(text)) return 'authors';
  if (parseDateLine(text)) return 'date';
  return undefined;
}

function isAuthorLine(text: string): boolean {
  let segments = 0;
  for (let start = 0; start <= text.length;) {
    const dot = text.indexOf('·', start);
    const end = dot < 0 ? text.length : dot;
    const segment = text.slice(start, end).trim();
    if (segment) {
      if (!AUTHOR_SEGMENT.test(segment)) return false;
      segments++;
    }
    start = end + 1;
  }
  return segments > 0;
}
