// Digests: a record per imported digest (its source, its own date) and the ordered list
// of papers it carried. One item can appear in many digests.
import type Database from 'better-sqlite3';
import type { Digest } from '../../../shared/domain';
import { notFound } from '../errors';
import { stmt } from '../db/statements';
import { newKey } from './items';

export interface DigestInput {
  source: string;
  title: string;
  date?: string;
}

export function createDigest(
  db: Database.Database,
  input: DigestInput,
  itemIds: readonly number[],
  now: number,
): number {
  const id = Number(
    stmt(db, 'INSERT INTO digests(key, source, title, date, imported) VALUES (?, ?, ?, ?, ?)').run(
      newKey(),
      input.source,
      input.title,
      input.date ?? null,
      now,
    ).lastInsertRowid,
  );
  const insert = stmt(db, 'INSERT INTO digest_items(digest_id, item_id, position) VALUES (?, ?, ?)');
  itemIds.forEach((itemId, position) => insert.run(id, itemId, position));
  return id;
}

/** A live digest with the same source, date and papers in the same order, if any. */
export function findSameDigest(
  db: Database.Database,
  input: DigestInput,
  itemIds: readonly number[],
): number | undefined {
  const candidates = stmt(db, 'SELECT id FROM digests WHERE source = ? AND date IS ? AND deleted IS NULL')
    .pluck()
    .all(input.source, input.date ?? null) as number[];
  const wanted = itemIds.join(',');
  return candidates.find(
    (id) =>
      (
        stmt(db, 'SELECT item_id FROM digest_items WHERE digest_id = ? ORDER BY position')
          .pluck()
          .all(id) as number[]
      ).join(',') === wanted,
  );
}

interface DigestRow {
  id: number;
  key: string;
  source: string;
  title: string;
  date: string | null;
  imported: number;
  item_count: number;
}

function toDigest(row: DigestRow): Digest {
  return {
    id: row.id,
    key: row.key,
    source: row.source,
    title: row.title,
    ...(row.date ? { date: row.date } : {}),
    imported: new Date(row.imported).toISOString(),
    itemCount: row.item_count,
  };
}

const DIGEST_SELECT = `SELECT d.*, (SELECT count(*) FROM digest_items di JOIN items i ON i.id = di.item_id
    WHERE di.digest_id = d.id AND i.deleted IS NULL) AS item_count FROM digests d`;

/** Live digests, newest first (by the digest's own date, then by import time). */
export function listDigests(db: Database.Database): Digest[] {
  const rows = stmt(
    db,
    `${DIGEST_SELECT} WHERE d.deleted IS NULL ORDER BY coalesce(d.date, '') DESC, d.imported DESC, d.id DESC`,
  ).all() as DigestRow[];
  return rows.map(toDigest);
}

export function readDigest(db: Database.Database, id: number): Digest {
  const row = stmt(db, `${DIGEST_SELECT} WHERE d.id = ?`).get(id) as DigestRow | undefined;
  if (!row) throw notFound('digest', id);
  return toDigest(row);
}

export function itemDigests(
  db: Database.Database,
  itemId: number,
): { id: number; title: string; date?: string; position: number }[] {
  const rows = stmt(
    db,
    `SELECT d.id, d.title, d.date, di.position FROM digest_items di JOIN digests d ON d.id = di.digest_id
      WHERE di.item_id = ? AND d.deleted IS NULL ORDER BY coalesce(d.date, '') DESC, d.id DESC`,
  ).all(itemId) as { id: number; title: string; date: string | null; position: number }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    position: r.position,
    ...(r.date ? { date: r.date } : {}),
  }));
}

export function setDigestDate(db: Database.Database, id: number, date: string | null): void {
  if (stmt(db, 'UPDATE digests SET date = ? WHERE id = ?').run(date, id).changes === 0)
    throw notFound('digest', id);
}

export function trashDigest(db: Database.Database, id: number, now: number): void {
  if (stmt(db, 'UPDATE digests SET deleted = ? WHERE id = ?').run(now, id).changes === 0)
    throw notFound('digest', id);
}

export function restoreDigest(db: Database.Database, id: number): void {
  if (stmt(db, 'UPDATE digests SET deleted = NULL WHERE id = ?').run(id).changes === 0)
    throw notFound('digest', id);
}
