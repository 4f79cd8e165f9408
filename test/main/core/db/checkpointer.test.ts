// WAL checkpoints on a worker thread (ADR 63): committed changes reach the library file
// without a commit paying for it, a worker that fails hands the job back to SQLite, and
// closing leaves no second connection on the file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackgroundCheckpointer } from '../../../../src/main/core/db/checkpointer';
import { insertItem } from '../../../../src/main/core/library/items';
import type { Library } from '../../../../src/main/core/library/library';
import { commitImport, ImportSessions } from '../../../../src/main/core/service/importing';
import type { ItemData } from '../../../../src/shared/domain';
import { ATTENTION, paper } from '../../../support/items';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('checkpointer');

/** Titles found in the library file alone: what a checkpoint has copied out of the log. */
function titlesInMainFile(library: Library): string[] {
  const copy = temp.file();
  fs.copyFileSync(library.file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT title FROM items ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function add(library: Library, data: ItemData = ATTENTION): void {
  library.write('Add', () => insertItem(library.db, data, { now: 1, formula: library.citekeyFormula() }));
}

describe('background checkpoints', () => {
  it('copy each commit into the library file, with SQLite no longer checkpointing in commits', async () => {
    const library = temp.open(undefined, { backgroundWorkers: true });
    await library.backgroundSettled();
    expect(library.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    add(library);
    await library.backgroundSettled();
    expect(titlesInMainFile(library)).toEqual([ATTENTION.title]);
  });

  it('are what moves a small commit out of the log (without them it stays there)', async () => {
    const library = temp.open();
    library.db.pragma('wal_checkpoint(TRUNCATE)'); // the new library's schema into the file
    await library.backgroundSettled();
    expect(library.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    add(library);
    expect(titlesInMainFile(library)).toEqual([]);
  });

  it("take over a big import's commit, made on its own connection", async () => {
    const library = temp.open(undefined, { backgroundWorkers: true });
    await library.backgroundSettled();
    const records = Array.from({ length: 2500 }, (_, i) => ({
      data: paper({ title: `Paper ${i}`, date: '2024' }),
      line: i + 1,
    }));
    const result = { format: 'test', records, errors: [], warnings: [] };
    const format = { id: 'test', label: 'Test', extensions: [], detect: () => 0, parse: () => result };
    const report = await commitImport(library, new ImportSessions().add(format, result));
    expect(report.added).toBe(2500);
    await library.backgroundSettled();
    expect(titlesInMainFile(library)).toHaveLength(2500);
  });

  it('leave the log folded into the file and removed when the library closes', async () => {
    const library = temp.open(undefined, { backgroundWorkers: true });
    await library.backgroundSettled();
    add(library);
    library.close();
    expect(fs.existsSync(`${library.file}-wal`)).toBe(false);
    expect(titlesInMainFile(library)).toEqual([ATTENTION.title]);
  });

  it('are handed back to SQLite when the worker cannot load the driver', async () => {
    const library = temp.open();
    const checkpointer = new BackgroundCheckpointer(library.db, library.file, {
      driver: path.join(temp.dir, 'no-such-driver.cjs'),
    });
    await checkpointer.settled();
    expect(checkpointer.running).toBe(false);
    expect(library.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpointer.close();
  });

  it('are handed back to SQLite when a checkpoint fails', async () => {
    const library = temp.open();
    // A driver whose second checkpoint fails, as on a failing disk.
    const driver = path.join(temp.dir, 'failing-driver.cjs');
    fs.writeFileSync(
      driver,
      `let checkpoints = 0;
      module.exports = class {
        constructor() { this.open = true; }
        pragma(sql) {
          if (sql.startsWith('wal_checkpoint') && ++checkpoints > 1)
            throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
        }
        close() { this.open = false; }
      };`,
    );
    const checkpointer = new BackgroundCheckpointer(library.db, library.file, { driver });
    await checkpointer.settled();
    expect(checkpointer.running).toBe(true);
    expect(library.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await checkpointer.settled();
    expect(checkpointer.running).toBe(false);
    expect(library.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpointer.close();
  });
});
