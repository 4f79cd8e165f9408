// Merging duplicates: the kept item gains the union of the others' collections, tags,
// notes, links and digest appearances, and any field it lacks; the others go to the
// trash (so undo, or a restore, brings them back).
import type Database from 'better-sqlite3';
import type { ItemData } from '../../../shared/domain';
import { SheafError } from '../errors';
import { stmt } from '../db/statements';
import { readItem, replaceItemData, toItemData } from './items';
import { trashItems } from './trash';

const FILLABLE = [
  'abstract',
  'date',
  'container',
  'volume',
  'issue',
  'pages',
  'publisher',
  'doi',
  'arxiv',
  'url',
  'language',
] as const;

export function mergeItems(
  db: Database.Database,
  keepId: number,
  otherIds: readonly number[],
  now: number,
): void {
  const others = otherIds.filter((id) => id !== keepId);
  if (others.length === 0) throw new SheafError('invalid-argument', 'Merging needs at least one other item.');
  const keep = toItemData(readItem(db, keepId));
  for (const otherId of others) {
    const other = toItemData(readItem(db, otherId));
    fillMissing(keep, other);
    stmt(
      db,
      `INSERT OR IGNORE INTO collection_items(collection_id, item_id, added)
         SELECT collection_id, ?, added FROM collection_items WHERE item_id = ?`,
    ).run(keepId, otherId);
    stmt(
      db,
      'INSERT OR IGNORE INTO item_tags(item_id, tag_id) SELECT ?, tag_id FROM item_tags WHERE item_id = ?',
    ).run(keepId, otherId);
    stmt(db, 'UPDATE notes SET item_id = ? WHERE item_id = ?').run(keepId, otherId);
    // A digest that listed both copies keeps the kept one at its own place (once).
    stmt(
      db,
      `UPDATE digest_items SET item_id = ? WHERE item_id = ?
         AND digest_id NOT IN (SELECT digest_id FROM digest_items WHERE item_id = ?)`,
    ).run(keepId, otherId, keepId);
  }
  replaceItemData(db, keepId, keep, now);
  trashItems(db, others, now);
}

/** Copies into `keep` what it lacks and `other` has; true when anything was copied. */
export function fillMissing(keep: ItemData, other: ItemData): boolean {
  let changed = false;
  for (const field of FILLABLE) {
    if (!keep[field] && other[field]) {
      keep[field] = other[field];
      changed = true;
    }
  }
  if (keep.creators.length === 0 && other.creators.length > 0) {
    keep.creators = other.creators;
    changed = true;
  }
  for (const [name, value] of Object.entries(other.fields)) {
    if (!Object.hasOwn(keep.fields, name)) {
      keep.fields[name] = value;
      changed = true;
    }
  }
  const urls = new Set(keep.links.map((l) => l.url));
  for (const link of other.links) {
    if (!urls.has(link.url)) {
      keep.links.push(link);
      urls.add(link.url);
      changed = true;
    }
  }
  return changed;
}
