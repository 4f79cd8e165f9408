// Opening a library file that is wrong in some way (not SQLite, damaged, read-only)
// ends in a SheafError that says so, and never in a half-written file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/core/db/connection';
import { SheafError } from '../../../../src/main/core/errors';
import { insertItem } from '../../../../src/main/core/library/items';
import { Library } from '../../../../src/main/core/library/library';
import { REPO_ROOT } from '../../../support/cli';
import { ATTENTION, paper } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries } from '../../../support/temp-library';
import { spawnWithoutRoot } from '../../../support/without-root';

const temp = tempLibraries('connection');

function caught(fn: () => unknown): SheafError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SheafError) return error;
    throw new Error(`expected a SheafError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** A library file with one item, checkpointed so that everything is in the main file. */
function libraryWithOneItem(): string {
  const library = temp.open();
  library.write('Add', () =>
    insertItem(library.db, ATTENTION, { now: 1, formula: library.citekeyFormula() }),
  );
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  return library.file;
}

describe('opening a library', () => {
  it('configures WAL and the busy timeout, so that another process can write while it is open', () => {
    const library = temp.open(undefined, { busyTimeoutMs: 1234 });
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a file that is not an SQLite database, and leaves it alone', () => {
    const file = temp.file('notes.txt');
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = fs.readFileSync(file);
    const error = caught(() => Library.open(file));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Sheaf library/);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('refuses a damaged (truncated) library with a message that says so', () => {
    const source = libraryWithOneItem();
    const file = temp.file();
    fs.writeFileSync(file, fs.readFileSync(source).subarray(0, 8192));
    const before = fs.readFileSync(file);
    const error = caught(() => Library.open(file));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/is damaged/);
    expect(error.message).toMatch(/backup/);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it("refuses a database marked as another application's", () => {
    const file = temp.file();
    const other = new Database(file);
    other.pragma('application_id = 42');
    other.exec('CREATE TABLE t(x)');
    other.close();
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/another program/);
  });

  it('stops a write that meets damage inside the file with a clear error, writing nothing', () => {
    const file = libraryWithOneItem();
    const raw = new Database(file);
    const root = raw
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'items_by_title'")
      .pluck()
      .get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x41), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);

    const library = temp.open(file);
    const error = caught(() =>
      library.write('Add item', () =>
        insertItem(library.db, paper({ title: 'A new paper' }), {
          now: 2,
          formula: library.citekeyFormula(),
        }),
      ),
    );
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/nothing was changed/);
    expect(library.db.prepare('SELECT count(*) FROM items NOT INDEXED').pluck().get()).toBe(1);
    expect(library.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(1);
  });

  it('opens read-only on request, and then refuses every change without touching the file', async () => {
    const file = libraryWithOneItem();
    const library = temp.open(file, { readonly: true });
    expect(library.info()).toMatchObject({ readonly: true, itemCount: 1 });
    const before = snapshot(library.db);
    const write = caught(() =>
      library.write('Add item', () =>
        insertItem(library.db, ATTENTION, { now: 2, formula: library.citekeyFormula() }),
      ),
    );
    expect(write.code).toBe('read-only');
    expect(write.message).toMatch(/nothing was changed/);
    expect(caught(() => library.undo()).code).toBe('read-only');
    const chunked = Promise.resolve().then(() =>
      library.writeInChunks(
        'Import',
        async () => 0,
        async () => {},
      ),
    );
    await expect(chunked).rejects.toMatchObject({ code: 'read-only' });
    expect(snapshot(library.db)).toEqual(before);
  });

  it('refuses to open read-only a library that does not exist, and creates nothing', () => {
    const file = temp.file('missing.sqlite');
    const error = caught(() => Library.open(file, { readonly: true }));
    expect(error.code).toBe('not-found');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('creates the folders of a new library path', () => {
    const file = path.join(temp.dir, 'a', 'b', 'library.sqlite');
    const library = temp.open(file);
    expect(library.info().itemCount).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('a library file the user may not write', () => {
  it('ends the CLI with a clear message and exit code 1, and the file is unchanged', () => {
    const dir = fs.mkdtempSync(path.join(temp.dir, 'locked-'));
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(libraryWithOneItem(), file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    fs.chmodSync(temp.dir, 0o755);
    const before = fs.readFileSync(file);
    try {
      const child = spawnWithoutRoot(
        process.execPath,
        ['bin/sheaf.js', '--library', file, 'tag', 'add', 'to-read', 'vaswaniAttentionAllYou2017'],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(/^sheaf: .*library\.sqlite/); // names the file
      expect(child.stderr).toMatch(/cannot be opened for writing|write-protected|permission/i); // and why
      expect(child.stderr).toMatch(/read-only|permissions/); // and what to do
      expect(child.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(fs.readFileSync(file)).toEqual(before);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});
