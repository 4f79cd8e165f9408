// The trash. Items, notes, collections and digests are marked deleted rather than
// removed, so everything that refers to them (memberships, tags, notes, digest
// positions) stays in place and restoring is exact. Emptying removes them for good,
// as one more undoable step.
import type Database from 'better-sqlite3';
import type { NoteSummary } from '../../../shared/domain';
import { stmt } from '../db/statements';

export function trashItems(db: Database.Database, ids: readonly number[], now: number): number {
  return stmt(
    db,
    'UPDATE items SET deleted = ? WHERE id IN (SELECT value FROM json_each(?)) AND deleted IS NULL',
  ).run(now, JSON.stringify(ids)).changes;
}

export function restoreItems(db: Database.Database, ids: readonly number[]): number {
  return stmt(
    db,
    'UPDATE items SET deleted = NULL WHERE id IN (SELECT value FROM json_each(?)) AND deleted IS NOT NULL',
  ).run(JSON.stringify(ids)).changes;
}

export interface TrashContents {
  itemCount: number;
  collections: { id: number; name: string; deleted: string }[];
  notes: (NoteSummary & { deleted: string })[];
  digests: { id: number; title: string; deleted: string }[];
}

export function trashContents(db: Database.Database): TrashContents {
  const itemCount = stmt(db, "SELECT n FROM counts WHERE scope = 'trash'").pluck().get() as number;
  const collections = (
    stmt(
      db,
      'SELECT id, name, deleted FROM collections WHERE deleted IS NOT NULL ORDER BY deleted DESC',
    ).all() as {
      id: number;
      name: string;
      deleted: number;
    }[]
  ).map((r) => ({ ...r, deleted: new Date(r.deleted).toISOString() }));
  const notes = (
    stmt(
      db,
      'SELECT id, key, item_id, title, modified, deleted FROM notes WHERE deleted IS NOT NULL ORDER BY deleted DESC',
    ).all() as {
      id: number;
      key: string;
      item_id: number | null;
      title: string;
      modified: number;
      deleted: number;
    }[]
  ).map((r) => ({
    id: r.id,
    key: r.key,
    itemId: r.item_id,
    title: r.title,
    modified: new Date(r.modified).toISOString(),
    deleted: new Date(r.deleted).toISOString(),
  }));
  const digests = (
    stmt(
      db,
      'SELECT id, title, deleted FROM digests WHERE deleted IS NOT NULL ORDER BY deleted DESC',
    ).all() as {
      id: number;
      title: string;
      deleted: number;
    }[]
  ).map((r) => ({ ...r, deleted: new Date(r.deleted).toISOString() }));
  return { itemCount, collections, notes, digests };
}

/**
 * Deletes everything in the trash. Children are removed before their parents, so each
 * row's removal is recorded on its own and undo puts them back in a valid order.
 */
export function emptyTrash(db: Database.Database): { items: number; collections: number; notes: number } {
  const itemIds = stmt(db, 'SELECT id FROM items WHERE deleted IS NOT NULL').pluck().all() as number[];
  for (const id of itemIds) deleteItemRows(db, id);
  const collectionIds = trashedCollectionSubtrees(db);
  for (const id of collectionIds) {
    stmt(db, 'DELETE FROM collection_items WHERE collection_id = ?').run(id);
    stmt(db, 'DELETE FROM collections WHERE id = ?').run(id);
  }
  const noteIds = stmt(db, 'SELECT id FROM notes WHERE deleted IS NOT NULL').pluck().all() as number[];
  for (const id of noteIds) deleteNoteRows(db, id);
  const digestIds = stmt(db, 'SELECT id FROM digests WHERE deleted IS NOT NULL').pluck().all() as number[];
  for (const id of digestIds) {
    stmt(db, 'DELETE FROM digest_items WHERE digest_id = ?').run(id);
    stmt(db, 'DELETE FROM digests WHERE id = ?').run(id);
  }
  return { items: itemIds.length, collections: collectionIds.length, notes: noteIds.length };
}

export function deleteItemRows(db: Database.Database, id: number): void {
  for (const noteId of stmt(db, 'SELECT id FROM notes WHERE item_id = ?').pluck().all(id) as number[]) {
    deleteNoteRows(db, noteId);
  }
  for (const table of ['collection_items', 'item_tags', 'digest_items', 'item_extra']) {
    stmt(db, `DELETE FROM ${table} WHERE item_id = ?`).run(id);
  }
  stmt(db, 'DELETE FROM items WHERE id = ?').run(id);
}

function deleteNoteRows(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM note_links WHERE note_id = ?').run(id);
  stmt(db, 'DELETE FROM notes WHERE id = ?').run(id);
}

/** Trashed collections and everything under them, deepest first. */
function trashedCollectionSubtrees(db: Database.Database): number[] {
  return stmt(
    db,
    `WITH RECURSIVE doomed(id, depth) AS (
       SELECT id, 0 FROM collections WHERE deleted IS NOT NULL
       UNION SELECT c.id, depth + 1 FROM collections c JOIN doomed ON c.parent_id = doomed.id
     ) SELECT id FROM doomed GROUP BY id ORDER BY max(depth) DESC`,
  )
    .pluck()
    .all() as number[];
}
