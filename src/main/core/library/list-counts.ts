// How many rows a list holds, without walking it where that can be avoided: the trigger-kept
// counts of whole scopes, and the full-text index's own count of a search's matches.
import type Database from 'better-sqlite3';
import type { ViewSpec } from '../../../shared/views';
import { stmt } from '../db/statements';
import { ftsExpression } from './search/fts';
import { parseQuery, type TextTerm } from './search/query';
import { tagId } from './tags';
import { scopeCount } from './view-sql';

/** Past this many items in the trash, counting a search visits the rows instead. */
const MAX_TRASH_TO_SUBTRACT = 50_000;

/** The total of a view with no search, when a kept count holds it. */
export function cheapTotal(db: Database.Database, view: ViewSpec, search?: string): { total?: number } {
  if (search && parseQuery(search).length > 0) return {};
  const scope =
    view.kind === 'library'
      ? 'items'
      : view.kind === 'trash'
        ? 'trash'
        : view.kind === 'collection' && !view.recursive
          ? `c${view.id}`
          : view.kind === 'tags' && view.names.length === 1
            ? tagScope(db, view.names[0]!)
            : undefined;
  if (!scope) return {};
  return { total: scopeCount(db, scope) };
}

/**
 * Matches in the whole library counted by the full-text index alone, without visiting
 * the rows (5-15x faster on the benchmark libraries): all matches, less those in the
 * trash. Undefined when the trash is so large that subtracting costs more.
 */
export function indexCount(db: Database.Database, text: TextTerm[]): number | undefined {
  const { positive, negative } = ftsExpression(text);
  if (!positive) return undefined;
  const expression = negative ? `(${positive}) NOT (${negative})` : positive;
  const trashed = scopeCount(db, 'trash');
  if (trashed === 0) {
    return stmt(db, 'SELECT count(*) FROM search WHERE search MATCH ?').pluck().get(expression) as number;
  }
  if (trashed > MAX_TRASH_TO_SUBTRACT) return undefined;
  const matches = new Set(
    stmt(db, 'SELECT rowid FROM search WHERE search MATCH ?').pluck().all(expression) as number[],
  );
  let inTrash = 0;
  for (const id of stmt(db, 'SELECT id FROM items WHERE deleted IS NOT NULL')
    .pluck()
    .iterate() as IterableIterator<number>) {
    if (matches.has(id)) inTrash++;
  }
  return matches.size - inTrash;
}

/** The tag's kept count, found as the view finds the tag (its name cleaned: tags.ts). */
function tagScope(db: Database.Database, name: string): string | undefined {
  const id = tagId(db, name, false);
  return id === undefined ? 'none' : `t${id}`;
}
