// The rows a list shows for a window of ids: the items columns it displays, plus up to 20
// extra fields from the open field map that the user added as columns.
import type Database from 'better-sqlite3';
import type { ListRow } from '../../../shared/views';
import { stmt } from '../db/statements';

/** List rows for `ids`, in that order; ids that do not exist are skipped. */
export function readListRows(
  db: Database.Database,
  ids: readonly number[],
  columns: readonly string[],
): ListRow[] {
  if (ids.length === 0) return [];
  const extras = columns.filter((c) => /^[\w.-]{1,100}$/.test(c)).slice(0, 20);
  const extraSql = extras.map((_, i) => `, json_extract(x.fields, ?) AS extra${i}`).join('');
  // The SQL depends only on how many extra columns there are: one prepared statement each.
  const rows = stmt(
    db,
    `SELECT i.id, i.key, i.citekey, i.type, i.title, i.creators_display, i.date, i.container, i.added, i.modified
       ${extraSql}
     FROM items i ${extras.length ? 'LEFT JOIN item_extra x ON x.item_id = i.id' : ''}
     WHERE i.id IN (SELECT value FROM json_each(?))`,
  ).all(...extras.map((c) => `$."${c.toLowerCase()}"`), JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((row) => [row.id as number, row]));
  const result: ListRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const listRow: ListRow = {
      id,
      key: row.key as string,
      citekey: row.citekey as string,
      type: row.type as string,
      title: row.title as string,
      creators: row.creators_display as string,
      added: new Date(row.added as number).toISOString(),
      modified: new Date(row.modified as number).toISOString(),
    };
    if (row.date) listRow.date = row.date as string;
    if (row.container) listRow.container = row.container as string;
    if (extras.length) {
      listRow.extra = {};
      extras.forEach((name, i) => {
        const value = row[`extra${i}`];
        if (value !== null && value !== undefined) listRow.extra![name] = String(value);
      });
    }
    result.push(listRow);
  }
  return result;
}
