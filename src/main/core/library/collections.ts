// Collections: a tree of any depth, ordered among siblings, names unique among live
// siblings; an item may be in many. Deleting moves a collection (and so its subtree)
// to the trash; nothing about its members changes, so restoring is exact.
import type Database from 'better-sqlite3';
import type { Collection } from '../../../shared/domain';
import { notFound, SheafError } from '../errors';
import { stmt } from '../db/statements';
import { newKey, requireItems } from './items';

interface CollectionRow {
  id: number;
  key: string;
  parent_id: number | null;
  name: string;
  position: number;
  deleted: number | null;
}

/** Live collections (not in the trash, nor under one that is), parents before children. */
export function listCollections(db: Database.Database): Collection[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE live(id) AS (
       SELECT id FROM collections WHERE parent_id IS NULL AND deleted IS NULL
       UNION ALL
       SELECT c.id FROM collections c JOIN live ON c.parent_id = live.id WHERE c.deleted IS NULL
     )
     SELECT c.id, c.key, c.parent_id, c.name, c.position, coalesce(n.n, 0) AS item_count
       FROM collections c JOIN live USING (id) LEFT JOIN counts n ON n.scope = 'c' || c.id
      ORDER BY c.parent_id IS NOT NULL, c.parent_id, c.position, c.name COLLATE NOCASE`,
  ).all() as (CollectionRow & { item_count: number })[];
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    parentId: r.parent_id,
    name: r.name,
    position: r.position,
    itemCount: r.item_count,
  }));
}

export function readCollection(db: Database.Database, id: number): CollectionRow {
  const row = stmt(db, 'SELECT * FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
  if (!row) throw notFound('collection', id);
  return row;
}

/** True when the collection or one of its ancestors is in the trash. */
export function isCollectionTrashed(db: Database.Database, id: number): boolean {
  return (
    stmt(
      db,
      `WITH RECURSIVE up(id, parent_id, deleted) AS (
         SELECT id, parent_id, deleted FROM collections WHERE id = ?
         UNION ALL
         SELECT c.id, c.parent_id, c.deleted FROM collections c JOIN up ON c.id = up.parent_id
       ) SELECT 1 FROM up WHERE deleted IS NOT NULL LIMIT 1`,
    ).get(id) !== undefined
  );
}

export function requireLiveCollection(db: Database.Database, id: number): CollectionRow {
  const row = readCollection(db, id);
  if (isCollectionTrashed(db, id))
    throw new SheafError('not-found', `collection "${row.name}" is in the trash`);
  return row;
}

export function cleanCollectionName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new SheafError('invalid-argument', 'A collection name cannot be empty.');
  if (clean.length > 500)
    throw new SheafError('invalid-argument', 'A collection name is at most 500 characters.');
  return clean;
}

function assertNameFree(db: Database.Database, parentId: number | null, name: string, except?: number): void {
  const clash = stmt(
    db,
    `SELECT id FROM collections WHERE parent_id IS ? AND name = ? COLLATE NOCASE AND deleted IS NULL AND id IS NOT ?`,
  ).get(parentId, name, except ?? null);
  if (clash) {
    throw new SheafError('conflict', `A collection named "${name}" already exists there.`);
  }
}

export function createCollection(
  db: Database.Database,
  name: string,
  parentId: number | null,
  now: number,
): number {
  const clean = cleanCollectionName(name);
  if (parentId !== null) requireLiveCollection(db, parentId);
  assertNameFree(db, parentId, clean);
  const position = stmt(db, 'SELECT coalesce(max(position) + 1, 0) FROM collections WHERE parent_id IS ?')
    .pluck()
    .get(parentId) as number;
  return Number(
    stmt(
      db,
      'INSERT INTO collections(key, parent_id, name, position, created, modified) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(newKey(), parentId, clean, position, now, now).lastInsertRowid,
  );
}

export function renameCollection(db: Database.Database, id: number, name: string, now: number): void {
  const row = requireLiveCollection(db, id);
  const clean = cleanCollectionName(name);
  assertNameFree(db, row.parent_id, clean, id);
  stmt(db, 'UPDATE collections SET name = ?, modified = ? WHERE id = ?').run(clean, now, id);
}

/** Moves a collection under `parentId` (null: top level) at `position` among its new siblings. */
export function moveCollection(
  db: Database.Database,
  id: number,
  parentId: number | null,
  position: number | undefined,
  now: number,
): void {
  const row = requireLiveCollection(db, id);
  if (parentId !== null) {
    requireLiveCollection(db, parentId);
    if (isSelfOrDescendant(db, parentId, id)) {
      throw new SheafError('cycle', `Cannot move "${row.name}" into itself or one of its subcollections.`);
    }
  }
  assertNameFree(db, parentId, row.name, id);
  const siblings = stmt(
    db,
    'SELECT id FROM collections WHERE parent_id IS ? AND id <> ? AND deleted IS NULL ORDER BY position, id',
  )
    .pluck()
    .all(parentId, id) as number[];
  const at = Math.max(0, Math.min(position ?? siblings.length, siblings.length));
  siblings.splice(at, 0, id);
  const update = stmt(db, 'UPDATE collections SET parent_id = ?, position = ?, modified = ? WHERE id = ?');
  siblings.forEach((sibling, index) => {
    if (sibling === id) update.run(parentId, index, now, id);
    else
      stmt(db, 'UPDATE collections SET position = ? WHERE id = ? AND position <> ?').run(
        index,
        sibling,
        index,
      );
  });
}

function isSelfOrDescendant(db: Database.Database, candidate: number, ancestor: number): boolean {
  return (
    stmt(
      db,
      `WITH RECURSIVE up(id) AS (
         SELECT ? UNION ALL SELECT c.parent_id FROM collections c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL
       ) SELECT 1 FROM up WHERE id = ? LIMIT 1`,
    ).get(candidate, ancestor) !== undefined
  );
}

export function trashCollection(db: Database.Database, id: number, now: number): void {
  requireLiveCollection(db, id);
  stmt(db, 'UPDATE collections SET deleted = ? WHERE id = ?').run(now, id);
}

export function restoreCollection(db: Database.Database, id: number): void {
  const row = readCollection(db, id);
  if (row.deleted === null) return;
  assertNameFree(db, row.parent_id, row.name, id);
  stmt(db, 'UPDATE collections SET deleted = NULL WHERE id = ?').run(id);
}

export function addToCollection(
  db: Database.Database,
  collectionId: number,
  itemIds: readonly number[],
  now: number,
): number {
  requireLiveCollection(db, collectionId);
  // One statement for the whole batch: adding 10,000 items is one pass inside SQLite. Its
  // foreign key checks that each item exists; only when one does not is the batch searched
  // for it, to name it (checking first would read every item's page twice).
  try {
    return stmt(
      db,
      `INSERT OR IGNORE INTO collection_items(collection_id, item_id, added)
         SELECT ?, value, ? FROM json_each(?) ORDER BY value`,
    ).run(collectionId, now, JSON.stringify(itemIds)).changes;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') requireItems(db, itemIds);
    throw error;
  }
}

export function removeFromCollection(
  db: Database.Database,
  collectionId: number,
  itemIds: readonly number[],
): number {
  readCollection(db, collectionId);
  return stmt(
    db,
    'DELETE FROM collection_items WHERE collection_id = ? AND item_id IN (SELECT value FROM json_each(?))',
  ).run(collectionId, JSON.stringify(itemIds)).changes;
}

/** "Parent/Child" for a collection; a "/" inside a name is written "\/". */
export function collectionPath(db: Database.Database, id: number): string {
  const names = stmt(
    db,
    `WITH RECURSIVE up(id, parent_id, name, depth) AS (
       SELECT id, parent_id, name, 0 FROM collections WHERE id = ?
       UNION ALL SELECT c.id, c.parent_id, c.name, depth + 1 FROM collections c JOIN up ON c.id = up.parent_id
     ) SELECT name FROM up ORDER BY depth DESC`,
  )
    .pluck()
    .all(id) as string[];
  return names.map((n) => n.replace(/\//g, '\\/')).join('/');
}

export function splitCollectionPath(path: string): string[] {
  return path
    .split(/(?<!\\)\//)
    .map((part) => part.replace(/\\\//g, '/').trim())
    .filter(Boolean);
}

/** Finds a live collection by path; with `create`, makes the missing parts. */
export function resolveCollectionPath(
  db: Database.Database,
  path: string,
  options: { create: boolean; now: number },
): number {
  const parts = splitCollectionPath(path);
  if (parts.length === 0) throw new SheafError('invalid-argument', `"${path}" is not a collection path`);
  let parent: number | null = null;
  for (const name of parts) {
    const found = stmt(
      db,
      'SELECT id FROM collections WHERE parent_id IS ? AND name = ? COLLATE NOCASE AND deleted IS NULL',
    )
      .pluck()
      .get(parent, name) as number | undefined;
    if (found !== undefined) {
      parent = found;
    } else if (options.create) {
      parent = createCollection(db, name, parent, options.now);
    } else {
      throw new SheafError('not-found', `No collection "${path}" (no "${name}" there).`);
    }
  }
  return parent!;
}

export function itemCollections(db: Database.Database, itemId: number): { id: number; path: string }[] {
  const ids = stmt(
    db,
    `SELECT ci.collection_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
      WHERE ci.item_id = ? AND c.deleted IS NULL`,
  )
    .pluck()
    .all(itemId) as number[];
  return ids
    .filter((id) => !isCollectionTrashed(db, id))
    .map((id) => ({ id, path: collectionPath(db, id) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
