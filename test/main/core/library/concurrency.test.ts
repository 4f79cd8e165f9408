// Concurrency: the CLI may write while the app has the library open (WAL, busy timeout);
// the app notices changes made by another connection or process (generation, change
// listeners, the library.changed event), and shares the undo history with it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { insertItem } from '../../../../src/main/core/library/items';
import type { LibraryChange } from '../../../../src/main/core/library/library';
import { REPO_ROOT, sheafProcess } from '../../../support/cli';
import { coreFixture } from '../../../support/imports';
import { ATTENTION, paper } from '../../../support/items';
import { rowCount } from '../../../support/snapshot';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('concurrency');

/** Another process that takes the library's write lock, holds it for `ms`, then lets go. */
async function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(`${REPO_ROOT}node_modules/better-sqlite3`)});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings(name, value) VALUES ('held.by', 'other process')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('error', reject);
  });
  return { done };
}

describe('another connection or process', () => {
  it('changes the generation, and listeners hear of it as an external change', () => {
    const app = temp.open();
    const heard: LibraryChange[] = [];
    app.on((change) => heard.push(change));
    const before = app.generation();
    expect(app.generation()).toBe(before);

    const cli = temp.open(app.file);
    cli.write('Add item', () => insertItem(cli.db, ATTENTION, { now: 1, formula: cli.citekeyFormula() }));
    cli.close();

    expect(app.generation()).toBeGreaterThan(before);
    expect(heard).toEqual([{ label: 'Changed by another program', external: true }]);
    expect(app.info().itemCount).toBe(1);
    // Noticed once: asking again reports no new change.
    const after = app.generation();
    expect(app.generation()).toBe(after);
    expect(heard).toHaveLength(1);
  });

  it('is noticed without being asked when the library is watched', async () => {
    const app = temp.open();
    app.watch(10);
    const heard = new Promise<LibraryChange>((resolve) => app.on(resolve));
    const other = temp.open(app.file);
    other.write('Add item', () =>
      insertItem(other.db, ATTENTION, { now: 1, formula: other.citekeyFormula() }),
    );
    other.close();
    expect(await heard).toEqual({ label: 'Changed by another program', external: true });
  });

  it("may be the CLI writing while the app reads; the app sees the change, its hosts emit library.changed, and it can undo the CLI's import", () => {
    const api = temp.host();
    api.library.write('Add item', () =>
      insertItem(api.library.db, paper({ title: 'Already here' }), {
        now: 1,
        formula: api.library.citekeyFormula(),
      }),
    );
    const events: unknown[] = [];
    api.host.onEvent((event, payload) => events.push([event, payload]));
    const generation = api.library.generation();

    // The app is in the middle of reading (an open read transaction) while the CLI imports.
    const reading = api.library.db.prepare('SELECT id FROM items').pluck().iterate();
    reading.next();
    const cli = sheafProcess(api.library.file, [
      'import',
      coreFixture('digest-jun16.txt'),
      '--year',
      '2026',
      '--json',
    ]);
    reading.return?.();
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ added: 3 });

    expect(api.library.generation()).toBeGreaterThan(generation);
    expect(events).toEqual([['library.changed', { label: 'Changed by another program', external: true }]]);
    expect(api.library.info().itemCount).toBe(4);

    // Undo is shared by every process: the app's undo takes back the CLI's import.
    expect(api.library.undo()?.label).toMatch(/^Import digest/);
    expect(api.library.info().itemCount).toBe(1);
  });

  it('holding the write lock briefly makes a write wait for it (busy timeout), not fail', async () => {
    const library = temp.open(undefined, { busyTimeoutMs: 10_000 });
    const { done } = await holdWriteLock(library.file, 300);
    library.write('Add item', () =>
      insertItem(library.db, ATTENTION, { now: 1, formula: library.citekeyFormula() }),
    );
    await done;
    expect(rowCount(library.db, 'items')).toBe(1);
    expect(library.setting('held.by')).toBe('other process');
  });

  it('holding the write lock too long makes a write fail with a clear error, writing nothing', async () => {
    const library = temp.open(undefined, { busyTimeoutMs: 50 });
    const { done } = await holdWriteLock(library.file, 500);
    let error: unknown;
    try {
      library.write('Add item', () =>
        insertItem(library.db, ATTENTION, { now: 1, formula: library.citekeyFormula() }),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/another Sheaf process is writing/),
    });
    await done;
    expect(rowCount(library.db, 'items')).toBe(0);
    expect(library.historySteps()).toEqual([]);
  });
});
