// Indexes that serve only the list's sort orders. Each new item lands at a random place in
// every one of them, so an import larger than the library it goes into drops them, writes
// its rows, and builds them again in one sorted pass (ADR 0057): 100,000 items into an
// empty library took 27.9 s with them kept, 20.5 s with them rebuilt. All of it happens
// inside the import's transaction, so a failed or cancelled import leaves them as they were.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import { scopeCount } from './view-sql';

const SORT_INDEXES = [
  'items_by_title',
  'items_by_creators',
  'items_by_date',
  'items_by_container',
  'items_by_modified',
  'items_by_citekey',
  'items_in_trash',
];

/**
 * Drops the sort indexes when `adding` items outnumber those in the library; returns the
 * function that builds them again (a no-op when nothing was dropped). Call both inside one
 * transaction; nothing may read a sorted list on this connection in between.
 */
export function deferSortIndexes(db: Database.Database, adding: number): () => void {
  const existing = scopeCount(db, 'items') + scopeCount(db, 'trash');
  if (adding <= existing) return () => {};
  const definitions = stmt(
    db,
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items'
       AND name IN (${SORT_INDEXES.map(() => '?').join(', ')})`,
  ).all(...SORT_INDEXES) as { name: string; sql: string }[];
  for (const { name } of definitions) db.exec(`DROP INDEX ${name}`);
  return () => {
    for (const { sql } of definitions) db.exec(sql);
  };
}
