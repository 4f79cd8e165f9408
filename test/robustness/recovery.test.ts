// A library that will not open (cut short, emptied, not SQLite, another program's, newer,
// read-only, a folder) or a disk that fills up: a clear message and ways forward that
// work (restore a backup, open read-only, choose another library), never a crash, and
// never an empty library in place of the real one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheafError } from '../../src/main/core/errors';
import { openLibrary, type OpenProblem } from '../../src/main/core/service/recovery';
import { sheaf } from '../support/cli';
import { importText } from '../support/imports';
import { ATTENTION, BERT } from '../support/items';
import { snapshot } from '../support/snapshot';
import { tempLibraries } from '../support/temp-library';
import { spawnWithoutRoot } from '../support/without-root';
import { bundleChild, REPO_ROOT } from './support/child-bundle';
import { Rng } from './support/env';
import { papers, ris } from './support/records';

const temp = tempLibraries('recovery');

/** A closed library file with items and one backup; returns the file and the backup's name. */
async function libraryWithBackup(items = 150): Promise<{ file: string; backup: string }> {
  const api = temp.host();
  await importText(api, ris(papers(new Rng(items), 'Kept', items, 60)), { name: 'kept.ris' });
  const backup = await api.call('backups.create', {});
  await api.call('items.create', { data: ATTENTION });
  api.host.close();
  return { file: api.library.file, backup: path.basename(backup.file) };
}

/** What `sheaf info` says about the file, and proof that it left the file alone. */
async function infoRefused(file: string) {
  const read = () => (fs.statSync(file).isFile() ? fs.readFileSync(file) : 'a folder');
  const bytes = read();
  const siblings = fs.readdirSync(path.dirname(file)).sort();
  const result = await sheaf(file, 'info', '--json');
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(read()).toEqual(bytes);
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(siblings);
  return result.stderr;
}

function problemOf(file: string): OpenProblem {
  try {
    openLibrary(file).close();
  } catch (error) {
    if (error instanceof SheafError) return error.details as OpenProblem;
    throw error;
  }
  throw new Error(`${file} opened`);
}

describe('a library cut short', () => {
  it('is refused with the backup to restore, and the restore keeps the damaged file aside', async () => {
    const { file, backup } = await libraryWithBackup();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));

    const message = await infoRefused(file);
    expect(message).toMatch(/is damaged: it is cut short/);
    expect(message).toContain(`restore ${backup} --yes`);
    expect(message).toMatch(/150 items/);
    expect(message).toMatch(/--read-only list/);
    expect(problemOf(file).ways.map((w) => w.kind)).toEqual([
      'restore-backup',
      'open-read-only',
      'choose-another',
    ]);

    const restored = await sheaf(file, 'restore', backup, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /The library that would not open was kept as .*library-\d+\.sqlite\.damaged-\d{8}T\d{9}/,
    );
    const aside = restored.stdout.match(/kept as (\S+)\.\n/)![1]!;
    expect(fs.statSync(aside).size).toBe(Math.floor(size / 2));
    const info = JSON.parse((await sheaf(file, 'info', '--json')).stdout) as { itemCount: number };
    expect(info.itemCount).toBe(150);
  });

  it('can still be opened read-only, to export what is left', async () => {
    const { file } = await libraryWithBackup(40);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 4096);
    const info = await sheaf(file, '--read-only', 'info', '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ readonly: true });
    const listed = await sheaf(file, '--read-only', 'list', '--limit', '100');
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').filter((line) => line.includes('Kept')).length).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBe(size - 4096);
  });
});

describe('an empty file where a library was', () => {
  it('is refused when backups show a library lived there, instead of becoming a new empty library', async () => {
    const { file, backup } = await libraryWithBackup(20);
    fs.truncateSync(file, 0);
    const message = await infoRefused(file);
    expect(message).toMatch(/is empty \(0 bytes\) although backups of it exist/);
    expect(message).toContain(`restore ${backup} --yes`);
    expect(fs.statSync(file).size).toBe(0);
    expect((await sheaf(file, 'restore', backup, '--yes')).code).toBe(0);
    expect(JSON.parse((await sheaf(file, 'info', '--json')).stdout).itemCount).toBe(20);
  });

  it('becomes a new library when nothing says a library lived there', async () => {
    const file = temp.file();
    fs.writeFileSync(file, '');
    expect((await sheaf(file, 'info', '--json')).code).toBe(0);
  });
});

describe('a file that is not a Sheaf library', () => {
  it('refuses a text file and names the way forward', async () => {
    const file = temp.file('notes.txt');
    fs.writeFileSync(file, 'My reading list\n'.repeat(500));
    const message = await infoRefused(file);
    expect(message).toMatch(/is not a Sheaf library/);
    expect(message).toMatch(/use another library: sheaf --library OTHER-FILE/);
    expect(message).not.toMatch(/read-only/);
  });

  it("refuses another program's SQLite database", async () => {
    const file = temp.file('places.sqlite');
    const other = new Database(file);
    other.exec(
      'CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places(url) VALUES (1)',
    );
    other.close();
    expect(await infoRefused(file)).toMatch(/database of another program, not a Sheaf library/);
    expect(problemOf(file).trouble).toBe('not-a-library');
  });

  it('refuses a folder', async () => {
    const folder = path.join(temp.dir, 'folder.sqlite');
    fs.mkdirSync(folder);
    expect(await infoRefused(folder)).toMatch(/is a folder, not a library file/);
  });
});

describe('a library written by a newer Sheaf', () => {
  it('is refused, offering an update and only the backups this version can read', async () => {
    const { file, backup } = await libraryWithBackup(10);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const message = await infoRefused(file);
    expect(message).toMatch(/written by a newer version of Sheaf \(schema 99/);
    expect(message).toMatch(/update Sheaf/);
    expect(message).toContain(`restore ${backup} --yes`);
    const problem = problemOf(file);
    expect(problem.ways.map((w) => w.kind)).toEqual(['update-sheaf', 'restore-backup', 'choose-another']);
  });
});

describe('a library the user may not write', () => {
  // These run the CLI (bundled: see cli-entry.ts) without root's power over permissions.
  let cli: Awaited<ReturnType<typeof bundleChild>>;
  beforeAll(async () => {
    cli = await bundleChild('./cli-entry.ts');
  });
  afterAll(() => cli.remove());
  const run = (file: string, ...args: string[]) =>
    spawnWithoutRoot(process.execPath, [cli.file, '--library', file, ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: '/tmp' },
    });

  it('says how to open it read-only, and opening it read-only works', async () => {
    const { file } = await libraryWithBackup(12);
    const dir = fs.mkdtempSync(path.join(temp.dir, 'locked-'));
    const locked = path.join(dir, 'library.sqlite');
    fs.copyFileSync(file, locked);
    fs.chmodSync(locked, 0o444);
    fs.chmodSync(dir, 0o555);
    fs.chmodSync(temp.dir, 0o755);
    const before = fs.readFileSync(locked);
    try {
      const refused = run(locked, 'tag', 'add', 'to-read', 'vaswaniAttentionAllYou2017');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/cannot be opened for writing/);
      expect(refused.stderr).toContain(`sheaf --library ${locked} --read-only list`);
      const listed = run(locked, '--read-only', 'list', '--limit', '1000');
      expect(listed.stderr).toBe('');
      expect(listed.status).toBe(0);
      expect(listed.stdout.trim().split('\n')).toHaveLength(13);
      expect(fs.readFileSync(locked)).toEqual(before);
      expect(fs.readdirSync(dir)).toEqual(['library.sqlite']);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  }, 120_000);
});

describe('a disk that fills up', () => {
  it('stops an import with a clear message, changes nothing, and the same import works once there is room', async () => {
    const api = temp.host();
    await api.call('items.create', { data: BERT });
    const before = snapshot(api.library.db);
    const pages = api.library.db.pragma('page_count', { simple: true }) as number;
    // SQLite's own "disk full": the file may not grow beyond its current size.
    const limit = (size: number) => {
      for (const db of [api.library.db]) db.pragma(`max_page_count = ${size}`);
    };
    const text = ris(papers(new Rng(3), 'Too many', 800, 80));
    const preview = await api.call('import.preview', { input: { text, name: 'many.ris' } });
    // The import writes on a connection of its own: limit every new connection too.
    const open = api.library.openSibling.bind(api.library);
    api.library.openSibling = () => {
      const sibling = open();
      sibling.db.pragma(`max_page_count = ${pages + 2}`);
      return sibling;
    };
    limit(pages + 2);
    const failure = await api.failure('import.commit', { previewId: preview.id });
    expect(failure.code).toBe('io');
    expect(failure.message).toMatch(/disk is full; nothing was changed/);
    expect(snapshot(api.library.db)).toEqual(before);

    api.library.openSibling = open;
    limit(1_000_000_000);
    const report = await importText(api, text, { name: 'many.ris' });
    expect(report.added).toBe(800);
  });

  it('stops a small edit the same way', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: BERT });
    const before = snapshot(api.library.db);
    api.library.db.pragma(
      `max_page_count = ${api.library.db.pragma('page_count', { simple: true }) as number}`,
    );
    const failure = await api.failure('notes.create', { itemId: item.id, body: 'x'.repeat(200_000) });
    expect(failure).toMatchObject({ code: 'io' });
    expect(snapshot(api.library.db)).toEqual(before);
  });
});

describe('the browser mode on a library that will not open', () => {
  it('does not start, and says why and what to do', async () => {
    const { file, backup } = await libraryWithBackup(5);
    fs.truncateSync(file, 1000);
    const result = await sheaf(file, 'serve');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cut short/);
    expect(result.stderr).toContain(`restore ${backup} --yes`);
  });
});
