// What the machine needs for the import and export targets' work before any of Sheaf's own
// code runs: SQLite storing rows that are already built, reading them back raw, a file of the
// export's size written and flushed, and a bare Node start. Printed beside the targets so that
// a target below its floor shows as such (ADR 74).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { Library } from '../../src/main/core/library/library';
import { commitImport, ImportSessions, parseInput } from '../../src/main/core/service/importing';
import { onSyntheticCopy } from './libraries';
import { fastest } from './timing';

/**
 * The tables a BibTeX import writes, FTS5's shadow tables included. Copied as they are, they
 * are the same pages the import commits, without the JavaScript that built them.
 */
const IMPORTED_TABLES = [
  'items',
  'item_extra',
  'tags',
  'item_tags',
  'history',
  'history_ops',
  'search_data',
  'search_idx',
  'search_docsize',
];

/**
 * SQLite's share of importing `text`: it is imported once with Sheaf (untimed), then its rows
 * are copied table to table (`INSERT ... SELECT`, triggers and indexes maintained) into an
 * empty library in one transaction, committed as the import commits (WAL, synchronous FULL).
 * Fastest of `runs`.
 */
export async function importFloor(text: string, runs = 3): Promise<{ insertMs: number; commitMs: number }> {
  registerBuiltInFormats();
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-floor-'));
  try {
    const imported = join(dir, 'imported.sqlite');
    const empty = join(dir, 'empty.sqlite');
    const source = Library.open(imported);
    const { format, result } = parseInput({ text }, {});
    await commitImport(source, new ImportSessions().add(format, result));
    source.close();
    Library.open(empty).close();
    let best = { insertMs: Infinity, commitMs: Infinity };
    for (let run = 0; run < runs; run++) {
      const target = join(dir, `copy-${run}.sqlite`);
      copyFileSync(empty, target);
      const db = new Database(target);
      try {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        // FTS5 refuses writes to its shadow tables unless the schema is writable.
        db.unsafeMode(true);
        db.pragma('writable_schema = ON');
        db.prepare('ATTACH ? AS source').run(imported);
        const started = performance.now();
        db.exec('BEGIN IMMEDIATE');
        for (const table of IMPORTED_TABLES)
          db.exec(`INSERT OR REPLACE INTO main.${table} SELECT * FROM source.${table}`);
        const inserted = performance.now();
        db.exec('COMMIT');
        const committed = performance.now();
        const copied = db.prepare('SELECT count(*) FROM main.items').pluck().get();
        const expected = db.prepare('SELECT count(*) FROM source.items').pluck().get();
        if (copied !== expected) throw new Error(`floor copy: ${copied} of ${expected} items`);
        if (committed - started < best.insertMs + best.commitMs)
          best = { insertMs: inserted - started, commitMs: committed - inserted };
      } finally {
        db.close();
      }
    }
    return best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The least a first export of the synthetic library can take as a process: a bare `node`
 * start, every item's columns read raw (no JSON parsed, nothing rendered), and `bytes` (the
 * size of Sheaf's export of it) written to a temporary file, flushed, and renamed. Each the
 * fastest of 3 after a first run.
 */
export async function exportFloor(
  count: number,
  bytes: number,
): Promise<{ startMs: number; readMs: number; writeMs: number }> {
  return onSyntheticCopy(count, (file, dir) => {
    const startMs = fastest(3, () => spawnSync(process.execPath, ['-e', '0'])).best;
    const readMs = fastest(3, () => {
      // As `sheaf export` opens it (ADR 72): an 8 MiB page cache.
      const db = new Database(file, { readonly: true });
      db.pragma('cache_size = -8192');
      let rows = 0;
      // Each row comes back as an array of its values, every text decoded into a string.
      const query = db.prepare<[], unknown[]>(
        'SELECT i.*, e.* FROM items i LEFT JOIN item_extra e ON e.item_id = i.id',
      );
      for (const row of query.raw().iterate()) rows += row.length > 0 ? 1 : 0;
      db.close();
      if (rows !== count) throw new Error(`floor read: ${rows} of ${count} items`);
    }).best;
    const block = Buffer.alloc(1 << 20, 'x');
    const writeMs = fastest(3, () => {
      const output = join(dir, 'out.bib');
      const fd = openSync(`${output}.tmp`, 'w');
      for (let written = 0; written < bytes; written += block.length)
        writeSync(fd, block, 0, Math.min(block.length, bytes - written));
      fsyncSync(fd);
      closeSync(fd);
      renameSync(`${output}.tmp`, output);
    }).best;
    return { startMs, readMs, writeMs };
  });
}
