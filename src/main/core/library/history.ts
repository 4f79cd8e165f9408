// Undo and redo as a property of how writes are made (ADR 0003). Temporary triggers on
// every user-data table record the row-level inverse of each change while a step is
// open (a row in temp.capture). Undoing a step applies its inverses in reverse order;
// the same triggers capture the inverse of that, which is what redo applies. No
// operation has to know about undo, so none can forget it.
import type Database from 'better-sqlite3';
import { SheafError } from '../errors';
import { stmt } from '../db/statements';

/** Tables whose rows are user data, with the item each row belongs to (for reindexing). */
const TRACKED: Record<string, { itemColumn?: string }> = {
  items: { itemColumn: 'id' },
  item_extra: { itemColumn: 'item_id' },
  collections: {},
  collection_items: {},
  tags: {},
  item_tags: { itemColumn: 'item_id' },
  notes: { itemColumn: 'item_id' },
  note_links: {},
  digests: {},
  digest_items: {},
};

export type Phase = 'u' | 'r';

export interface HistoryStep {
  id: number;
  label: string;
  created: string;
  undone: boolean;
}

interface OpRow {
  tbl: string;
  op: 'D' | 'I' | 'U';
  rid: number;
  data: string | null;
}

export class History {
  private readonly columns = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly limit = 200,
  ) {
    installCapture(db, this.columns);
  }

  /** Opens a step; every tracked change until `close` belongs to it. */
  open(label: string, phase: Phase = 'u', step?: number): number {
    const id =
      step ??
      (stmt(this.db, 'INSERT INTO history(label, created) VALUES (?, ?)').run(label, Date.now())
        .lastInsertRowid as number);
    stmt(this.db, 'DELETE FROM temp.capture').run();
    stmt(this.db, 'INSERT INTO temp.capture(step, phase) VALUES (?, ?)').run(id, phase);
    return id;
  }

  /**
   * Closes the step. A step that changed nothing is dropped; a step that did change
   * something makes the redo stack obsolete.
   */
  close(step: number): boolean {
    stmt(this.db, 'DELETE FROM temp.capture').run();
    const changed = stmt(this.db, 'SELECT 1 FROM history_ops WHERE step = ? LIMIT 1').get(step) !== undefined;
    if (!changed) {
      stmt(this.db, 'DELETE FROM history WHERE id = ?').run(step);
      return false;
    }
    const redoable = stmt(this.db, 'SELECT id FROM history WHERE undone = 1 AND id <> ?').pluck().all(step);
    for (const id of redoable) this.drop(id as number);
    this.prune();
    return true;
  }

  /** Stops capturing without judging the step (used when a transaction rolls back). */
  abort(): void {
    stmt(this.db, 'DELETE FROM temp.capture').run();
  }

  latestUndoable(): HistoryStep | undefined {
    const row = stmt(this.db, 'SELECT * FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get();
    return row ? toStep(row as Record<string, unknown>) : undefined;
  }

  nextRedoable(): HistoryStep | undefined {
    const row = stmt(this.db, 'SELECT * FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get();
    return row ? toStep(row as Record<string, unknown>) : undefined;
  }

  list(limit = 100): HistoryStep[] {
    const rows = stmt(this.db, 'SELECT * FROM history ORDER BY id DESC LIMIT ?').all(limit);
    return rows.map((row) => toStep(row as Record<string, unknown>));
  }

  /**
   * Applies the inverse operations of `step` recorded in `from`, capturing their own
   * inverses into the other phase. Must run inside a transaction with deferred foreign
   * keys (rows come back in reverse order, children before parents is not guaranteed).
   */
  replay(step: HistoryStep, from: Phase): void {
    const to: Phase = from === 'u' ? 'r' : 'u';
    stmt(this.db, 'DELETE FROM history_ops WHERE step = ? AND phase = ?').run(step.id, to);
    // Value arrays: a step of 10,000 operations read as named rows took 35 ms, at 1M items.
    const rows = stmt(
      this.db,
      'SELECT tbl, op, rid, data FROM history_ops WHERE step = ? AND phase = ? ORDER BY id DESC',
    )
      .raw(true)
      .all(step.id, from) as [OpRow['tbl'], OpRow['op'], number, string | null][];
    const ops = rows.map(([tbl, op, rid, data]): OpRow => ({ tbl, op, rid, data }));
    this.open(step.label, to, step.id);
    try {
      for (const run of runs(ops)) this.applyRun(run, step);
    } finally {
      stmt(this.db, 'DELETE FROM temp.capture').run();
    }
    stmt(this.db, 'DELETE FROM history_ops WHERE step = ? AND phase = ?').run(step.id, from);
    stmt(this.db, 'UPDATE history SET undone = ? WHERE id = ?').run(from === 'u' ? 1 : 0, step.id);
  }

  /** Applies a run of same-kind operations on one table as a single statement. */
  private applyRun(run: OpRow[], step: HistoryStep): void {
    const { tbl, op } = run[0]!;
    const columns = this.columns.get(tbl);
    if (!columns) throw new SheafError('corrupt', `undo history names an unknown table ${tbl}`);
    let changes: number;
    if (op === 'D') {
      const ids = JSON.stringify(run.map((o) => o.rid));
      // Counted before deleting: a parent's ON DELETE CASCADE may take a child of the same run first.
      changes = stmt(this.db, `SELECT count(*) FROM ${tbl} WHERE rowid IN (SELECT value FROM json_each(?))`)
        .pluck()
        .get(ids) as number;
      stmt(this.db, `DELETE FROM ${tbl} WHERE rowid IN (SELECT value FROM json_each(?))`).run(ids);
    } else {
      // Each row as [rowid, ...values]; json_extract gives back the stored SQL values.
      const rows = `[${run.map((o) => withRowid(o)).join(',')}]`;
      const value = (i: number) => `json_extract(v, '$[${i}]')`;
      if (op === 'I') {
        const sql = `INSERT INTO ${tbl}(rowid, ${columns.join(', ')})
          SELECT ${[0, ...columns.map((_, i) => i + 1)].map(value).join(', ')} FROM (SELECT value AS v FROM json_each(?))`;
        changes = stmt(this.db, sql).run(rows).changes;
      } else {
        const sql = `UPDATE ${tbl} SET ${columns.map((c, i) => `${c} = ${value(i + 1)}`).join(', ')}
          FROM (SELECT value AS v FROM json_each(?)) AS source WHERE ${tbl}.rowid = json_extract(source.v, '$[0]')`;
        changes = stmt(this.db, sql).run(rows).changes;
      }
    }
    if (changes !== run.length) {
      throw new SheafError(
        'conflict',
        `Cannot undo "${step.label}": the library has changed in a way that conflicts with it (${tbl}).`,
      );
    }
  }

  private drop(step: number): void {
    stmt(this.db, 'DELETE FROM history_ops WHERE step = ?').run(step);
    stmt(this.db, 'DELETE FROM history WHERE id = ?').run(step);
  }

  /** Keeps the newest `limit` steps. */
  private prune(): void {
    const old = stmt(this.db, 'SELECT id FROM history ORDER BY id DESC LIMIT -1 OFFSET ?')
      .pluck()
      .all(this.limit);
    for (const id of old) this.drop(id as number);
  }
}

/**
 * Splits operations (already in the order to apply them) into runs of the same operation
 * on the same table with no row twice, so that each run can be one set-based statement.
 */
function* runs(ops: OpRow[]): Generator<OpRow[]> {
  let run: OpRow[] = [];
  let rows = new Set<number>();
  for (const op of ops) {
    const first = run[0];
    if (first && (first.tbl !== op.tbl || first.op !== op.op || rows.has(op.rid) || run.length >= 5000)) {
      yield run;
      run = [];
      rows = new Set();
    }
    run.push(op);
    rows.add(op.rid);
  }
  if (run.length) yield run;
}

/** "[a,b]" recorded for row 7 -> "[7,a,b]". */
function withRowid(op: OpRow): string {
  const rest = (op.data ?? '[]').slice(1);
  return rest === ']' ? `[${op.rid}]` : `[${op.rid},${rest}`;
}

function toStep(row: Record<string, unknown>): HistoryStep {
  return {
    id: row.id as number,
    label: row.label as string,
    created: new Date(row.created as number).toISOString(),
    undone: row.undone === 1,
  };
}

/** Creates this connection's temporary capture tables and triggers. */
function installCapture(db: Database.Database, columns: Map<string, string[]>): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS capture (step INTEGER NOT NULL, phase TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS touched (item_id INTEGER PRIMARY KEY, fresh INTEGER NOT NULL DEFAULT 0);
  `);
  for (const [table, { itemColumn }] of Object.entries(TRACKED)) {
    const names = (db.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string; pk: number }[])
      .filter((column) => !(column.pk === 1 && isRowidAlias(db, table)))
      .map((column) => column.name);
    columns.set(table, names);
    const image = (row: 'OLD' | 'NEW') => `json_array(${names.map((n) => `${row}.${n}`).join(', ')})`;
    const log = (op: string, row: 'OLD' | 'NEW', withData: boolean) =>
      `INSERT INTO history_ops(step, phase, tbl, op, rid, data)
         SELECT step, phase, '${table}', '${op}', ${row}.rowid, ${withData ? image('OLD') : 'NULL'} FROM temp.capture;`;
    // `fresh`: the item was created in this transaction, so the index has no row to remove.
    const touch = (row: 'OLD' | 'NEW', fresh = 0) =>
      itemColumn
        ? `INSERT OR IGNORE INTO touched(item_id, fresh)
             SELECT ${row}.${itemColumn}, ${fresh} FROM temp.capture WHERE ${row}.${itemColumn} IS NOT NULL;`
        : '';
    const tagRename =
      table === 'tags'
        ? `INSERT OR IGNORE INTO touched(item_id)
             SELECT it.item_id FROM main.item_tags it, temp.capture WHERE it.tag_id = NEW.id;`
        : '';
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_insert AFTER INSERT ON main.${table} BEGIN
        ${log('D', 'NEW', false)} ${touch('NEW', table === 'items' ? 1 : 0)}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_delete AFTER DELETE ON main.${table} BEGIN
        ${log('I', 'OLD', true)} ${touch('OLD')}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${table}_update AFTER UPDATE ON main.${table} BEGIN
        ${log('U', 'OLD', true)} ${touch('OLD')} ${touch('NEW')} ${tagRename}
      END;
    `);
  }
}

/** An INTEGER PRIMARY KEY column is the rowid itself; it is restored through `rowid`. */
function isRowidAlias(db: Database.Database, table: string): boolean {
  const pk = (db.prepare(`PRAGMA main.table_info(${table})`).all() as { type: string; pk: number }[]).filter(
    (column) => column.pk > 0,
  );
  return pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER';
}
