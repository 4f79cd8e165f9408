// Indexes a big import sets aside. Each new item lands at a random place in every index of
// items, so an import larger than the library it goes into drops those that serve only the
// list's sort orders, writes its rows, and builds them again in one sorted pass (ADR 0057):
// 100,000 items into an empty library took 27.9 s with them kept, 20.5 s with them rebuilt.
// An import that looks for no duplicates (into a library with no live item) sets aside the
// duplicate-lookup indexes too (ADR 0065). All of it happens inside the import's
// transaction, so a failed or cancelled import leaves them as they were.
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

/** Indexes only duplicate lookups read (duplicates.ts findDuplicate). */
const LOOKUP_INDEXES = ['items_by_match_hash', 'items_by_doi', 'items_by_arxiv'];

/**
 * Drops the sort indexes when `adding` items outnumber those in the library, and the lookup
 * indexes when the import makes no `lookups`; returns the function that builds them again (a
 * no-op when nothing was dropped). Call both inside one transaction; nothing may read a
 * sorted list or look for a duplicate on this connection in between.
 */
export function deferIndexes(db: Database.Database, adding: number, lookups: boolean): () => void {
  const existing = scopeCount(db, 'items') + scopeCount(db, 'trash');
  const names = [...(adding > existing ? SORT_INDEXES : []), ...(lookups ? [] : LOOKUP_INDEXES)];
  if (names.length === 0) return () => {};
  const definitions = stmt(
    db,
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items'
       AND name IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(names)) as { name: string; sql: string }[];
  for (const { name } of definitions) db.exec(`DROP INDEX ${name}`);
  return () => {
    for (const { sql } of definitions) db.exec(sql);
  };
}
