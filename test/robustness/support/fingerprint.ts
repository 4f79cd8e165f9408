// What "the library holds all or none of an operation" is checked against: a digest of
// every user-data table, the sidebar counters, the search index and the undo history,
// one hash per part so that a mismatch names the part. Random keys and wall-clock
// history times are masked: two runs of the same operation differ only in those.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { USER_TABLES } from '../../support/snapshot';

export type Fingerprint = Record<string, string>;

function hashRows(rows: Iterable<unknown>): string {
  const hash = createHash('sha256');
  let n = 0;
  for (const row of rows) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    n++;
  }
  return `${n}:${hash.digest('hex').slice(0, 16)}`;
}

function* masked(rows: Iterable<Record<string, unknown>>): Generator<Record<string, unknown>> {
  for (const row of rows) {
    if ('key' in row) row.key = '*';
    yield row;
  }
}

export function fingerprint(db: Database.Database): Fingerprint {
  const print: Fingerprint = {};
  for (const table of USER_TABLES) {
    print[table] = hashRows(
      masked(
        db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).iterate() as Iterable<
          Record<string, unknown>
        >,
      ),
    );
  }
  print.settings = hashRows(db.prepare('SELECT * FROM settings ORDER BY name').iterate());
  print.counts = hashRows(db.prepare('SELECT scope, n FROM counts WHERE n <> 0 ORDER BY scope').iterate());
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_rows USING fts5vocab(main, search, 'row')");
  print.search = hashRows(db.prepare('SELECT term, doc, cnt FROM temp.search_rows ORDER BY term').iterate());
  print.history = hashRows(db.prepare('SELECT id, label, undone FROM history ORDER BY id').iterate());
  // The recorded images hold random keys of rows made in the same step: compare their shape.
  print.history_ops = hashRows(
    db.prepare('SELECT step, phase, tbl, op, rid, length(data) FROM history_ops ORDER BY id').raw().iterate(),
  );
  return print;
}

/** The parts where two fingerprints differ ("" when they are equal). */
export function difference(a: Fingerprint, b: Fingerprint): string {
  return Object.keys({ ...a, ...b })
    .filter((part) => a[part] !== b[part])
    .map((part) => `${part} (${a[part]} vs ${b[part]})`)
    .join(', ');
}

/**
 * Invariants that hold in any consistent library, whatever happened: the file is sound,
 * references resolve, the counters equal a recount, and the undo history is well formed
 * (every operation belongs to a step, every step has its operations in the phase it is
 * in, and undone steps are all newer than the steps that are not).
 */
export function invariantViolations(db: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length) problems.push(`foreign_key_check: ${foreign.length} rows`);
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const liveItems = one('SELECT count(*) FROM items WHERE deleted IS NULL');
  const trashed = one('SELECT count(*) FROM items WHERE deleted IS NOT NULL');
  const counter = (scope: string) =>
    (db.prepare('SELECT n FROM counts WHERE scope = ?').pluck().get(scope) as number | undefined) ?? 0;
  if (counter('items') !== liveItems) problems.push(`counts.items ${counter('items')} vs ${liveItems}`);
  if (counter('trash') !== trashed) problems.push(`counts.trash ${counter('trash')} vs ${trashed}`);
  const orphanOps = one('SELECT count(*) FROM history_ops WHERE step NOT IN (SELECT id FROM history)');
  if (orphanOps) problems.push(`${orphanOps} undo operations without a step`);
  const emptySteps = one(
    `SELECT count(*) FROM history h WHERE NOT EXISTS (
       SELECT 1 FROM history_ops o WHERE o.step = h.id AND o.phase = CASE h.undone WHEN 1 THEN 'r' ELSE 'u' END)`,
  );
  if (emptySteps) problems.push(`${emptySteps} undo steps with nothing to apply`);
  const misordered = one(
    `SELECT count(*) FROM history u WHERE u.undone = 1
       AND u.id < (SELECT coalesce(max(id), 0) FROM history WHERE undone = 0)`,
  );
  if (misordered) problems.push(`${misordered} undone steps older than a step that is not undone`);
  const indexed = one('SELECT count(*) FROM search');
  const items = one('SELECT count(*) FROM items');
  if (indexed !== items) problems.push(`search index holds ${indexed} documents for ${items} items`);
  return problems;
}
