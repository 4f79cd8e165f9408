// The whole user-visible state of a library as plain data, for "exactly as before"
// checks (undo, restore from the trash, a refused change): every row of every user-data
// table, the sidebar counters, and the full-text index read back term by term.
import type Database from 'better-sqlite3';

export const USER_TABLES = [
  'items',
  'item_extra',
  'collections',
  'collection_items',
  'tags',
  'item_tags',
  'notes',
  'note_links',
  'digests',
  'digest_items',
];

export interface LibrarySnapshot {
  tables: Record<string, unknown[]>;
  /** Sidebar counters, without scopes whose count is zero (a zero row and no row mean the same). */
  counts: Record<string, number>;
  /** "term doc column offset" for every token in the search index. */
  index: string[];
}

export function snapshot(db: Database.Database): LibrarySnapshot {
  const tables: Record<string, unknown[]> = {};
  for (const table of USER_TABLES)
    tables[table] = db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all();
  tables.settings = db.prepare('SELECT * FROM settings ORDER BY name').all();
  const counts: Record<string, number> = {};
  for (const row of db.prepare('SELECT scope, n FROM counts ORDER BY scope').all() as {
    scope: string;
    n: number;
  }[]) {
    if (row.n !== 0) counts[row.scope] = row.n;
  }
  return { tables, counts, index: searchIndexTerms(db) };
}

/** Every (term, document, column, offset) in the contentless FTS index, sorted. */
export function searchIndexTerms(db: Database.Database): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search, 'instance')");
  return (
    db.prepare('SELECT term, doc, col, offset FROM temp.search_terms').all() as {
      term: string;
      doc: number;
      col: string;
      offset: number;
    }[]
  )
    .map((r) => `${r.term} ${r.doc} ${r.col} ${r.offset}`)
    .sort();
}

/** Number of rows in a table (for "nothing was written" checks). */
export function rowCount(db: Database.Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
