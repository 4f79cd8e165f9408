// Reads many items at once (exports of a whole library): one joined query per thousand
// items instead of several queries per item. The batches follow id order, so each reads
// neighbouring pages; items come back in the order asked for.
import type Database from 'better-sqlite3';
import type { ExportItem } from '../formats/types';
import { stmt } from '../db/statements';
import { ITEM_COLUMNS, ITEM_FROM, itemFromValues } from './item-rows';

/** Ids per batch of a bulk read. */
export const BATCH = 1000;
/** `IN ${IN_BATCH}` with one parameter: a batch of ids as a JSON array. */
export const IN_BATCH = '(SELECT value FROM json_each(?))';
/** `extra`: one more value read after the item's own (readExportItemsWith). */
const itemsSql = (extra: string) => `SELECT ${ITEM_COLUMNS}, ${extra} ${ITEM_FROM} WHERE i.id IN ${IN_BATCH}`;
const TAGS_SQL = `SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id
  WHERE it.item_id IN ${IN_BATCH} ORDER BY it.item_id, t.name COLLATE NOCASE`;

/** Items (with their tags) in the order of `ids`; ids that do not exist are skipped. */
export function readExportItems(db: Database.Database, ids: readonly number[]): ExportItem[] {
  return readExportItemsWith(db, ids).map(([item]) => item);
}

/**
 * readExportItems, each item beside the value of `extraSql` (an SQL expression over
 * `items i`) for it: a caller that needs one more value per item reads it in the same pass.
 */
export function readExportItemsWith(
  db: Database.Database,
  ids: readonly number[],
  extraSql = 'NULL',
): [item: ExportItem, extra: unknown][] {
  const position = new Map<number, number>();
  ids.forEach((id, index) => position.has(id) || position.set(id, index));
  const sorted = sortedUnique(ids);
  const found: ([ExportItem, unknown] | undefined)[] = new Array(ids.length);
  const itemsQuery = stmt(db, itemsSql(extraSql)).raw(true);
  const tagsQuery = stmt(db, TAGS_SQL).raw(true);
  for (let start = 0; start < sorted.length; start += BATCH) {
    const batch = JSON.stringify(sorted.slice(start, start + BATCH));
    const tags = tagsOf(tagsQuery, batch);
    for (const values of itemsQuery.all(batch) as unknown[][]) {
      const item = itemFromValues(values) as ExportItem;
      item.tags = tags.get(item.id) ?? [];
      found[position.get(item.id)!] = [item, values[values.length - 1]];
    }
  }
  return found.filter((entry) => entry !== undefined);
}

/**
 * `ids` without repeats, ascending: the order bulk reads go in. A typed array sorts numbers
 * natively, several times faster than Array#sort with a comparator on a library's worth.
 */
export function sortedUnique(ids: readonly number[]): number[] {
  const sorted = Float64Array.from(ids).sort();
  const unique: number[] = [];
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) unique.push(sorted[index]!);
  }
  return unique;
}

function tagsOf(query: Database.Statement, batch: string): Map<number, string[]> {
  const tags = new Map<number, string[]>();
  for (const [id, name] of query.all(batch) as [number, string][]) {
    const list = tags.get(id);
    if (list) list.push(name);
    else tags.set(id, [name]);
  }
  return tags;
}
