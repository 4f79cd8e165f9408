// Keeps the contentless FTS5 table in step with the data. The text of an item's search
// document comes from one definition (documentColumns + attachNotesAndTags) that the
// quick-search matcher also reads, so what is indexed and what is matched never drift apart.
import type Database from 'better-sqlite3';
import { stmt } from '../../db/statements';
import { IN_BATCH } from '../bulk-read';

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

/**
 * Each column of the search document over `items i` joined to `item_extra x`. Notes and tags
 * are filled in by attachNotesAndTags, two queries per batch: a subquery per row cost more
 * than reading the rest of the row (4.6 ms per 1,000 rows, 100k library).
 */
const COLUMN_SQL: Record<SearchColumn, string> = {
  title: 'i.title',
  creators: 'i.creators_text',
  abstract: 'x.abstract',
  notes: 'NULL',
  tags: 'NULL',
  ids: "concat_ws(' ', i.citekey, i.doi, i.arxiv, 'arxiv:' || i.arxiv)",
  venue: 'i.container',
  year: 'substr(i.date, 1, 4)',
};

const ALL_COLUMNS: ReadonlySet<SearchColumn> = new Set(SEARCH_COLUMNS);

/** The select list of search documents, with only `wanted` columns read (the others NULL). */
export function documentColumns(wanted: ReadonlySet<SearchColumn> = ALL_COLUMNS): string {
  const columns = SEARCH_COLUMNS.map(
    (column) => `${wanted.has(column) ? COLUMN_SQL[column] : 'NULL'} AS ${column}`,
  );
  return `i.id, i.deleted, ${columns.join(', ')}`;
}

export const SEARCH_DOCUMENT_JOIN = 'LEFT JOIN item_extra x ON x.item_id = i.id';

const DOCUMENT_SELECT = `SELECT ${documentColumns()} FROM items i ${SEARCH_DOCUMENT_JOIN}`;
const NOTES_SQL = `SELECT item_id, group_concat(title || ' ' || body, ' ') FROM notes
  WHERE item_id IN ${IN_BATCH} AND deleted IS NULL GROUP BY item_id`;
const TAGS_SQL = `SELECT it.item_id, group_concat(t.name, ' ') FROM item_tags it JOIN tags t ON t.id = it.tag_id
  WHERE it.item_id IN ${IN_BATCH} GROUP BY it.item_id`;

/** Search documents for a batch of item ids (JSON array), in no particular order. */
const SEARCH_DOCUMENT_SQL = `${DOCUMENT_SELECT} WHERE i.id IN ${IN_BATCH}`;

/** Fills in the notes and tags text (those `wanted`) of documents read with documentColumns. */
export function attachNotesAndTags(
  db: Database.Database,
  documents: SearchDocument[],
  wanted: ReadonlySet<SearchColumn> = ALL_COLUMNS,
): SearchDocument[] {
  if (documents.length === 0) return documents;
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const batch = JSON.stringify([...byId.keys()]);
  for (const [column, sql] of [
    ['notes', NOTES_SQL],
    ['tags', TAGS_SQL],
  ] as const) {
    if (!wanted.has(column)) continue;
    for (const [id, text] of stmt(db, sql).raw().all(batch) as [number, string][])
      byId.get(id)![column] = text;
  }
  return documents;
}

const BATCH = 500;

export function readSearchDocuments(db: Database.Database, ids: readonly number[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const read = stmt(db, SEARCH_DOCUMENT_SQL).all(JSON.stringify(batch)) as SearchDocument[];
    documents.push(...attachNotesAndTags(db, read));
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

export function takeTouched(db: Database.Database): { ids: number[]; fresh: Set<number> } {
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
