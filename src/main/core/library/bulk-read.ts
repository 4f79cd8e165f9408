// Reads many items at once (exports of a whole library): a handful of set queries per
// thousand items instead of several queries per item.
import type Database from 'better-sqlite3';
import type { Item } from '../../../shared/domain';
import type { ExportItem } from '../formats/types';
import { stmt } from '../db/statements';
import { type ExtraRow, rowToItem } from './item-rows';

const BATCH = 1000;
const IN_BATCH = '(SELECT value FROM json_each(?))';

type Row = Record<string, unknown>;

function groupBy<T>(rows: Row[], map: (row: Row) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = row.item_id as number;
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(map(row));
  }
  return groups;
}

/** Items (with their tags) in the order of `ids`; ids that do not exist are skipped. */
export function readExportItems(db: Database.Database, ids: readonly number[]): ExportItem[] {
  const out: ExportItem[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = JSON.stringify(ids.slice(start, start + BATCH));
    const rows = stmt(db, `SELECT * FROM items WHERE id IN ${IN_BATCH}`).all(batch) as Row[];
    const extras = new Map(
      (
        stmt(
          db,
          `SELECT item_id, creators, links, abstract, fields, origin FROM item_extra WHERE item_id IN ${IN_BATCH}`,
        ).all(batch) as Row[]
      ).map((row) => [row.item_id as number, row as unknown as ExtraRow]),
    );
    const tags = groupBy<string>(
      stmt(
        db,
        `SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id
          WHERE it.item_id IN ${IN_BATCH} ORDER BY it.item_id, t.name COLLATE NOCASE`,
      ).all(batch) as Row[],
      (row) => row.name as string,
    );
    const byId = new Map<number, Item>();
    for (const row of rows) {
      const id = row.id as number;
      byId.set(id, rowToItem(row as Parameters<typeof rowToItem>[0], extras.get(id)));
    }
    for (const id of ids.slice(start, start + BATCH)) {
      const item = byId.get(id);
      if (item) out.push({ ...item, tags: tags.get(id) ?? [] });
    }
  }
  return out;
}
