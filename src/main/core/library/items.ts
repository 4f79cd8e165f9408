// Reading and writing items with their creators, links, extra fields and tags. Callers
// wrap writes in a Transactor step; this module only knows rows.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Item, ItemData } from '../../../shared/domain';
import { notFound, SheafError } from '../errors';
import { stmt } from '../db/statements';
import type { CitekeyFormula } from './citekey-pattern';
import { uniqueCitekey } from './citekeys';
import {
  DATA_COLUMNS,
  DERIVED_COLUMNS,
  extraValues,
  itemRowValues,
  ITEM_SELECT,
  itemFromValues,
} from './item-rows';
import { attachTags, type TagBatch } from './tags';

const ROW_COLUMNS = [...DATA_COLUMNS, ...DERIVED_COLUMNS];
const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

let pool = Buffer.alloc(0);
let poolOffset = 0;

/** A random 12-character key (60 bits): stable, never reused, safe in file names. */
export function newKey(): string {
  // One system call per 340 keys rather than per key: imports make keys by the thousand.
  if (poolOffset + 12 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  let key = '';
  for (let i = 0; i < 12; i++) key += KEY_ALPHABET[pool[poolOffset + i]! & 31];
  poolOffset += 12;
  return key;
}

export interface InsertOptions {
  now: number;
  formula: CitekeyFormula;
  /** Keep the source's citation key if it is free (else disambiguate it). */
  keepCitekey?: boolean;
  /** Where `data.tags` go: attached now, or gathered for the caller to attach (an import). */
  tags?: TagBatch;
}

export interface InsertedItem {
  id: number;
  citekey: string;
  /** The requested key was taken, so the item got another. */
  citekeyChanged: boolean;
}

export function insertItem(db: Database.Database, data: ItemData, options: InsertOptions): InsertedItem {
  const requested = options.keepCitekey !== false ? data.citekey?.trim() : undefined;
  const citekey = uniqueCitekey(db, requested || options.formula.generate(data) || 'item');
  const values = itemRowValues(data);
  const sql = `INSERT INTO items(key, citekey, ${ROW_COLUMNS.join(', ')}, added, modified)
    VALUES (?, ?, ${ROW_COLUMNS.map(() => '?').join(', ')}, ?, ?)`;
  const id = Number(
    stmt(db, sql).run(newKey(), citekey, ...ROW_COLUMNS.map((c) => values[c]), options.now, options.now)
      .lastInsertRowid,
  );
  writeExtra(db, id, data);
  if (data.tags?.length) {
    if (options.tags) options.tags.add(id, data.tags);
    else attachTags(db, [id], data.tags);
  }
  return { id, citekey, citekeyChanged: Boolean(requested) && citekey !== requested };
}

/** Replaces the stored data of an item with `data` (everything but key, citekey, dates). */
export function replaceItemData(db: Database.Database, id: number, data: ItemData, now: number): void {
  const values = itemRowValues(data);
  const sql = `UPDATE items SET ${ROW_COLUMNS.map((c) => `${c} = ?`).join(', ')}, modified = ? WHERE id = ?`;
  const { changes } = stmt(db, sql).run(
    ...ROW_COLUMNS.map((c) => values[c]),
    modificationTime(db, id, now),
    id,
  );
  if (changes === 0) throw notFound('item', id);
  stmt(
    db,
    'UPDATE item_extra SET creators = ?, links = ?, abstract = ?, fields = ?, origin = ? WHERE item_id = ?',
  ).run(...extraValues(data), id);
}

/**
 * The `modified` time for a change to item `id`: `now`, unless that is not past the item's
 * own time or the last one handed out. Exporters key their rendered entries by it
 * (service/entry-cache.ts), so no two versions of an item may share one: not two edits within
 * a clock tick, nor an edit made after undoing another (undo puts the old time back; the
 * mark, outside the undo history, stays).
 */
export function modificationTime(db: Database.Database, id: number, now: number): number {
  return stmt(
    db,
    `INSERT INTO marks(name, value)
       VALUES ('last_modified', max(?, coalesce((SELECT modified FROM items WHERE id = ?), 0) + 1))
       ON CONFLICT(name) DO UPDATE SET value = max(value + 1, excluded.value) RETURNING value`,
  )
    .pluck()
    .get(now, id) as number;
}

function writeExtra(db: Database.Database, id: number, data: ItemData): void {
  stmt(
    db,
    'INSERT INTO item_extra(item_id, creators, links, abstract, fields, origin) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, ...extraValues(data));
}

export function readItem(db: Database.Database, id: number): Item {
  const values = stmt(db, `SELECT ${ITEM_SELECT} WHERE i.id = ?`).raw(true).get(id) as unknown[] | undefined;
  if (!values) throw notFound('item', id);
  return itemFromValues(values);
}

/** Items in the order of `ids`; unknown ids are skipped. */
export function readItems(db: Database.Database, ids: readonly number[]): Item[] {
  const items: Item[] = [];
  for (const id of ids) {
    try {
      items.push(readItem(db, id));
    } catch (error) {
      if (!(error instanceof SheafError && error.code === 'not-found')) throw error;
    }
  }
  return items;
}

export function itemIdByKey(db: Database.Database, key: string): number {
  const id = stmt(db, 'SELECT id FROM items WHERE key = ? OR citekey = ?').pluck().get(key, key) as
    number | undefined;
  if (id === undefined) throw notFound('item', key);
  return id;
}

export function requireItems(db: Database.Database, ids: readonly number[]): void {
  // One set query for the batch (10,000 selected items); the missing id is looked for
  // only when the count says one is missing.
  const unique = [...new Set(ids)];
  const found = stmt(db, 'SELECT count(*) FROM items WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(unique)) as number;
  if (found === unique.length) return;
  const check = stmt(db, 'SELECT 1 FROM items WHERE id = ?');
  for (const id of unique) if (check.get(id) === undefined) throw notFound('item', id);
}

export function toItemData(item: Item): ItemData {
  const { id: _id, key: _key, added: _added, modified: _modified, deleted: _deleted, ...data } = item;
  return data;
}
