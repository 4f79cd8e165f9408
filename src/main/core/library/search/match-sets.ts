// Match sets: the ids a search term selects, read from an index, when there are few enough
// of them to sort or to look up in the list's sort order (ADR 0004).
import type Database from 'better-sqlite3';
import type { SortSpec, ViewSpec } from '../../../../shared/views';
import { stmt } from '../../db/statements';
import { scopeCount } from '../view-sql';
import { ftsExpression } from './fts';
import { type Term, type TextTerm, yearBounds } from './query';

/** A match set up to this share of the library (and at least MIN_SMALL_SET) is sorted directly. */
const SMALL_SHARE = 0.05;
const MIN_SMALL_SET = 3000;

function smallSetLimit(db: Database.Database): number {
  return Math.max(MIN_SMALL_SET, Math.floor(scopeCount(db, 'items') * SMALL_SHARE));
}

/**
 * The ids matching the positive words, when there are few enough of them to sort directly
 * (the index is read once, lazily, up to that limit). Undefined when there are more, or
 * when counting would cost more than walking: a three-letter prefix makes FTS5 merge the
 * posting lists of every word that starts with it (shorter ones have a prefix index).
 */
export function textMatchSet(db: Database.Database, text: TextTerm[]): number[] | undefined {
  const { positive } = ftsExpression(text);
  if (!positive) return undefined;
  // One- and two-letter prefixes have an index of their own; longer ones need no big merge.
  if (text.some((t) => !t.negated && t.prefix && t.tokens.at(-1)!.length === 3)) return undefined;
  const limit = smallSetLimit(db);
  const ids = stmt(db, 'SELECT rowid FROM search WHERE search MATCH ? LIMIT ?')
    .pluck()
    .all(positive, limit) as number[];
  return ids.length < limit ? ids : undefined;
}

/**
 * The live items of a lone year filter ("year:2020"), read from the date index, when they
 * are few enough to look up in another sort order: walking that order testing each row's
 * date reads a row per item (350 ms for the first page by title, 1M library, cold).
 */
export function yearMatchSet(
  db: Database.Database,
  view: ViewSpec,
  sort: SortSpec,
  terms: Term[],
): number[] | undefined {
  const [term] = terms;
  if (terms.length !== 1 || term?.kind !== 'year' || term.negated) return undefined;
  // Sorted by date or as added, the filter is already a range or an id scan; the trash
  // holds the items this set leaves out.
  if (sort.field === 'date' || sort.field === 'added' || view.kind === 'trash') return undefined;
  const { first, last, after = '\uffff' } = yearBounds(term);
  const limit = smallSetLimit(db);
  // The range bounds the date index scan; the exact test is the view's own year filter.
  const ids = stmt(
    db,
    `SELECT id FROM items WHERE deleted IS NULL AND date >= ? AND date < ?
       AND coalesce(substr(date, 1, 4) BETWEEN ? AND ?, 0) LIMIT ?`,
  )
    .pluck()
    .all(first, after, first, last, limit) as number[];
  return ids.length < limit ? ids : undefined;
}
