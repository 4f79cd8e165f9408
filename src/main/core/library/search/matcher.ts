// Tests one search document against the text terms of a query, in memory. Used while
// walking a list in its sort order (the fast path for words that match much of the
// library); it must agree with the FTS5 expression built from the same terms.
import type { SearchColumn, SearchDocument } from './indexer';
import type { TextTerm } from './query';
import { foldForSearch } from './tokens';

const TOKEN_CHAR = '[\\p{L}\\p{N}\\p{Co}]';

export type DocumentMatcher = (doc: SearchDocument) => boolean;

/** All columns, the long ones last: a match in the title spares folding the abstract. */
const CHEAP_FIRST: readonly SearchColumn[] = [
  'title',
  'creators',
  'ids',
  'venue',
  'year',
  'tags',
  'notes',
  'abstract',
];

export function compileMatcher(terms: TextTerm[]): DocumentMatcher {
  const tests = terms.map((term) => {
    const pattern = new RegExp(
      `(?<!${TOKEN_CHAR})${term.tokens.map(escapeRegExp).join(`(?:[^\\p{L}\\p{N}\\p{Co}]+)`)}${term.prefix ? '' : `(?!${TOKEN_CHAR})`}`,
      'u',
    );
    const columns: readonly SearchColumn[] = term.columns ?? CHEAP_FIRST;
    // A plain substring search first: most rows fail it, and it is much faster than the pattern.
    return { first: term.tokens[0]!, pattern, columns, negated: term.negated };
  });
  return (doc) => {
    const folded = new Map<SearchColumn, string>();
    const text = (column: SearchColumn) => {
      let value = folded.get(column);
      if (value === undefined) {
        value = foldForSearch(doc[column] ?? '');
        folded.set(column, value);
      }
      return value;
    };
    for (const test of tests) {
      const found = test.columns.some((column) => {
        const value = text(column);
        return value.includes(test.first) && test.pattern.test(value);
      });
      if (found === test.negated) return false;
    }
    return true;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
