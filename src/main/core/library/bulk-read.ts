// Reads many items at once (exports of a whole library): one joined query per thousand
// items instead of several queries per item. The batches follow id order, so each reads
// neighbouring pages; items come back in the order asked for.
import type Database from 'better-sqlite3';
import type { ExportItem } from '../formats/types';
import { stmt } from '../db/statements';
import { ITEM_SELECT, itemFromValues } from './item-rows';

const BATCH = 1000;
const IN_BATCH = '(SELECT value FROM json_each(?))';
const ITEMS_SQL = `SELECT ${ITEM_SELECT} WHERE i.id IN ${IN_BATCH}`;
const TAGS_SQL = `SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id
  WHERE it.item_id IN ${IN_BATCH} ORDER BY it.item_id, t.name COLLATE NOCASE`;
const STAMPS_SQL = `SELECT json_group_array(id), json_group_array(modified) FROM items WHERE id IN ${IN_BATCH}`;

/** Items (with their tags) in the order of `ids`; ids that do not exist are skipped. */
export function readExportItems(db: Database.Database, ids: readonly number[]): ExportItem[] {
  const position = new Map<number, number>();
  ids.forEach((id, index) => position.has(id) || position.set(id, index));
  const sorted = [...position.keys()].sort((a, b) => a - b);
  const found: (ExportItem | undefined)[] = new Array(ids.length);
  const itemsQuery = stmt(db, ITEMS_SQL).raw(true);
  const tagsQuery = stmt(db, TAGS_SQL).raw(true);
  for (let start = 0; start < sorted.length; start += BATCH) {
    const batch = JSON.stringify(sorted.slice(start, start + BATCH));
    const tags = tagsOf(tagsQuery, batch);
    for (const values of itemsQuery.all(batch) as unknown[][]) {
      const item = itemFromValues(values) as ExportItem;
      item.tags = tags.get(item.id) ?? [];
      found[position.get(item.id)!] = item;
    }
  }
  return found.filter((item) => item !== undefined);
}

/**
 * What an item's exported entry depends on besides its data: its `modified` time, which
 * every change to its data or citation key moves on (items.ts modificationTime), and its
 * tags, which do not touch it. Keyed by id, for the ids that exist. A small read (two
 * numbers per item, as two JSON arrays rather than a row object each) that lets an exporter
 * with rendered entries at hand read in full only the items it has not seen in this state.
 */
export function readExportStamps(
  db: Database.Database,
  ids: readonly number[],
): Map<number, number | string> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const stamps = new Map<number, number | string>();
  const stampsQuery = stmt(db, STAMPS_SQL).raw(true);
  const tagsQuery = stmt(db, TAGS_SQL).raw(true);
  for (let start = 0; start < sorted.length; start += BATCH) {
    const batch = JSON.stringify(sorted.slice(start, start + BATCH));
    const tags = tagsOf(tagsQuery, batch);
    const [idList, modifiedList] = stampsQuery.get(batch) as [string, string];
    const found = JSON.parse(idList) as number[];
    const modified = JSON.parse(modifiedList) as number[];
    found.forEach((id, index) => {
      const names = tags.get(id);
      stamps.set(id, names ? `${modified[index]}\u0000${names.join('\u0001')}` : modified[index]!);
    });
  }
  return stamps;
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
