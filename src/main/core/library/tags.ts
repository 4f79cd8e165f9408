// Tags: many per item, matched case-insensitively, optionally coloured.
import type Database from 'better-sqlite3';
import type { Tag } from '../../../shared/domain';
import { notFound, SheafError } from '../errors';
import { stmt } from '../db/statements';

export function tagId(db: Database.Database, name: string, create: boolean): number | undefined {
  const clean = cleanTagName(name);
  const id = stmt(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(clean) as number | undefined;
  if (id !== undefined || !create) return id;
  return Number(stmt(db, 'INSERT INTO tags(name) VALUES (?)').run(clean).lastInsertRowid);
}

export function cleanTagName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new SheafError('invalid-argument', 'A tag name cannot be empty.');
  if (clean.length > 200) throw new SheafError('invalid-argument', 'A tag name is at most 200 characters.');
  return clean;
}

/** Adds each tag to each item; returns how many (item, tag) pairs were new. */
export function attachTags(
  db: Database.Database,
  itemIds: readonly number[],
  names: readonly string[],
): number {
  let added = 0;
  const insert = stmt(
    db,
    'INSERT OR IGNORE INTO item_tags(item_id, tag_id) SELECT value, ? FROM json_each(?)',
  );
  const items = JSON.stringify(itemIds);
  for (const name of new Set(names.map(cleanTagName)))
    added += insert.run(tagId(db, name, true)!, items).changes;
  return added;
}

/**
 * Tags to attach to many items, gathered by name: an import attaches each tag once per
 * chunk of records, not once per item and tag (a statement, a lookup and a JSON array each).
 */
export class TagBatch {
  private readonly byName = new Map<string, number[]>();

  /** Names are checked here, so that a bad one fails at its record. */
  add(itemId: number, names: readonly string[]): void {
    for (const name of new Set(names.map(cleanTagName))) {
      const ids = this.byName.get(name);
      if (ids) ids.push(itemId);
      else this.byName.set(name, [itemId]);
    }
  }

  /** Attaches what was gathered; returns how many (item, tag) pairs were new. */
  attach(db: Database.Database): number {
    let added = 0;
    for (const [name, ids] of this.byName) added += attachTags(db, ids, [name]);
    this.byName.clear();
    return added;
  }
}

export function detachTags(
  db: Database.Database,
  itemIds: readonly number[],
  names: readonly string[],
): number {
  let removed = 0;
  const remove = stmt(
    db,
    'DELETE FROM item_tags WHERE tag_id = ? AND item_id IN (SELECT value FROM json_each(?))',
  );
  const items = JSON.stringify(itemIds);
  for (const name of names) {
    const id = tagId(db, name, false);
    if (id !== undefined) removed += remove.run(id, items).changes;
  }
  return removed;
}

export function listTags(db: Database.Database): Tag[] {
  const rows = stmt(
    db,
    `SELECT t.id, t.name, t.color, coalesce(c.n, 0) AS itemCount
     FROM tags t LEFT JOIN counts c ON c.scope = 't' || t.id
     ORDER BY t.name COLLATE NOCASE`,
  ).all() as { id: number; name: string; color: string | null; itemCount: number }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    itemCount: r.itemCount,
    ...(r.color ? { color: r.color } : {}),
  }));
}

export function itemTags(db: Database.Database, itemId: number): string[] {
  return stmt(
    db,
    'SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ? ORDER BY t.name COLLATE NOCASE',
  )
    .pluck()
    .all(itemId) as string[];
}

/** Renames a tag; renaming onto an existing tag merges the two. */
export function renameTag(db: Database.Database, id: number, name: string): void {
  const clean = cleanTagName(name);
  const existing = stmt(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(clean) as number | undefined;
  if (!stmt(db, 'SELECT 1 FROM tags WHERE id = ?').get(id)) throw notFound('tag', id);
  if (existing !== undefined && existing !== id) {
    const items = stmt(db, 'SELECT item_id FROM item_tags WHERE tag_id = ?').pluck().all(id) as number[];
    const insert = stmt(db, 'INSERT OR IGNORE INTO item_tags(item_id, tag_id) VALUES (?, ?)');
    for (const item of items) insert.run(item, existing);
    deleteTag(db, id);
    return;
  }
  stmt(db, 'UPDATE tags SET name = ? WHERE id = ?').run(clean, id);
}

export function setTagColor(db: Database.Database, id: number, color: string | null): void {
  if (stmt(db, 'UPDATE tags SET color = ? WHERE id = ?').run(color, id).changes === 0)
    throw notFound('tag', id);
}

export function deleteTag(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM item_tags WHERE tag_id = ?').run(id);
  if (stmt(db, 'DELETE FROM tags WHERE id = ?').run(id).changes === 0) throw notFound('tag', id);
}
