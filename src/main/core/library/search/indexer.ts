// Keeps the contentless FTS5 table in step with the data. The text of an item's search
// document comes from one query (SEARCH_DOCUMENT_SQL) that the quick-search matcher
// also reads, so what is indexed and what is matched can never drift apart.
import type Database from 'better-sqlite3';
import { stmt } from '../../db/statements';

export const SEARCH_COLUMNS = [
  'title',
  'creators',
  'abstract',
  'notes',
  'tags',
  'ids',
  'venue',
  'year',
] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

export type SearchDocument = { id: number; deleted: number | null } & Record<SearchColumn, string | null>;

/** The search document's columns, over `items i` joined to `item_extra x`. */
export const SEARCH_DOCUMENT_COLUMNS = `i.id, i.deleted, i.title, i.creators_text AS creators, x.abstract,
    (SELECT group_concat(n.title || ' ' || n.body, ' ') FROM notes n
       WHERE n.item_id = i.id AND n.deleted IS NULL) AS notes,
    (SELECT group_concat(t.name, ' ') FROM item_tags it JOIN tags t ON t.id = it.tag_id
       WHERE it.item_id = i.id) AS tags,
    concat_ws(' ', i.citekey, i.doi, i.arxiv, 'arxiv:' || i.arxiv) AS ids,
    i.container AS venue,
    substr(i.date, 1, 4) AS year`;

export const SEARCH_DOCUMENT_JOIN = 'LEFT JOIN item_extra x ON x.item_id = i.id';

const DOCUMENT_SELECT = `SELECT ${SEARCH_DOCUMENT_COLUMNS} FROM items i ${SEARCH_DOCUMENT_JOIN}`;

/** Search documents for a batch of item ids (JSON array), in no particular order. */
export const SEARCH_DOCUMENT_SQL = `${DOCUMENT_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`;

const BATCH = 500;

export function readSearchDocuments(db: Database.Database, ids: readonly number[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    documents.push(...(stmt(db, SEARCH_DOCUMENT_SQL).all(JSON.stringify(batch)) as SearchDocument[]));
  }
  return documents;
}

/**
 * Rewrites the index rows of the given items (removing those that no longer exist).
 * Items in `fresh` were created since the index last saw them: nothing to remove.
 */
export function reindexItems(
  db: Database.Database,
  ids: readonly number[],
  fresh?: ReadonlySet<number> | 'all',
): void {
  if (ids.length === 0) return;
  // FTS5 ignores a rowid constraint bound as a float; better-sqlite3 binds numbers as floats.
  const remove = stmt(db, 'DELETE FROM search WHERE rowid = CAST(? AS INTEGER)');
  const insert = stmt(
    db,
    `INSERT INTO search(rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (CAST(? AS INTEGER), ${SEARCH_COLUMNS.map(() => '?').join(', ')})`,
  );
  if (fresh !== 'all') for (const id of ids) if (!fresh?.has(id)) remove.run(id);
  for (const doc of readSearchDocuments(db, ids)) {
    insert.run(doc.id, ...SEARCH_COLUMNS.map((column) => doc[column] ?? ''));
  }
}

/** Reindexes every item the history triggers marked as touched in this transaction. */
export function reindexTouched(db: Database.Database): number {
  const { ids, fresh } = takeTouched(db);
  reindexItems(db, ids, fresh);
  return ids.length;
}

function takeTouched(db: Database.Database): { ids: number[]; fresh: Set<number> } {
  const rows = stmt(db, 'SELECT item_id, fresh FROM temp.touched').raw().all() as [number, number][];
  stmt(db, 'DELETE FROM temp.touched').run();
  return { ids: rows.map((r) => r[0]), fresh: new Set(rows.filter((r) => r[1] === 1).map((r) => r[0])) };
}

/** Rebuilds the whole index (after a restore or when asked to). */
export function rebuildSearchIndex(db: Database.Database): void {
  db.exec("INSERT INTO search(search) VALUES ('delete-all');");
  const ids = db.prepare('SELECT id FROM items').pluck().all() as number[];
  reindexItems(db, ids, 'all');
}

/** reindexTouched for long writes: yields at `checkpoint` between batches. */
export async function reindexTouchedInChunks(
  db: Database.Database,
  checkpoint: () => Promise<void>,
): Promise<void> {
  const { ids, fresh } = takeTouched(db);
  for (let start = 0; start < ids.length; start += 2000) {
    reindexItems(db, ids.slice(start, start + 2000), fresh);
    await checkpoint();
  }
}
