// Builds the FTS5 MATCH expression for the text terms of a query. Tokens are already
// folded to letters and digits, so quoting them is always safe.
import type { TextTerm } from './query';

function phrase(term: TextTerm): string {
  const quoted = `"${term.tokens.join(' ')}"${term.prefix ? ' *' : ''}`;
  return term.columns ? `{${term.columns.join(' ')}} : ${quoted}` : quoted;
}

/** The positive part, and the negative part (which FTS5 cannot express on its own). */
export function ftsExpression(terms: TextTerm[]): { positive?: string; negative?: string } {
  const positive = terms.filter((t) => !t.negated).map(phrase);
  const negative = terms.filter((t) => t.negated).map(phrase);
  return {
    ...(positive.length ? { positive: positive.join(' AND ') } : {}),
    ...(negative.length ? { negative: negative.join(' OR ') } : {}),
  };
}
