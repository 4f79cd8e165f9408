// Backups and restore: consistent copies of a live library, made on start-up when the
// newest is a day old, before migrations and on demand; rotated to a configurable
// number; restored (through the CLI or the API) after a confirmation naming date and
// item count, without losing what another process writes afterwards.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackgroundServices } from '../../src/main/api/background';
import { migrate } from '../../src/main/core/db/migrate';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { commitImport, parseInput } from '../../src/main/core/service/importing';
import { backupIfDue, backupsDir, createBackup, listBackups } from '../../src/main/core/service/backups';
import { BindingWriter, createBinding } from '../../src/main/core/service/bindings';
import { insertItem } from '../../src/main/core/library/items';
import { sheaf, sheafJson } from '../support/cli';
import { ATTENTION, BERT, GODEL, paper } from '../support/items';
import { snapshot } from '../support/snapshot';
import { tempLibraries } from '../support/temp-library';
import { Rng } from './support/env';
import { ensureBibtexExport } from './support/formats';
import { papers, ris } from './support/records';
import { serveLibrary } from './support/serve';

const temp = tempLibraries('backups');

interface Listed {
  id: string;
  title: string;
}

describe('making backups', () => {
  it('copies a library consistently while a long import is being written to it', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const { format, result } = parseInput({ text: ris(papers(new Rng(1), 'Imported', 1500)) }, {});
    const importing = commitImport(api.library, api.host.imports.add(format, result));
    const backup = await createBackup(api.library, 'manual');
    await importing;
    expect(api.library.info().itemCount).toBe(1501);
    // The state before the import or after it (the backup starts over if the import
    // commits meanwhile), never a part of it.
    expect([1, 1501]).toContain(backup.itemCount);
    const copy = new Database(backup.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM items').pluck().get()).toBe(backup.itemCount);
      expect(copy.prepare('SELECT count(*) FROM history').pluck().get()).toBe(backup.itemCount === 1 ? 1 : 2);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one file, no -wal beside it
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(backupsDir(api.library.file))).toEqual([path.basename(backup.file)]);
  });

  it('keeps the configured number of backups, newest first (`sheaf backup --keep`)', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    api.library.setSetting('backups.keep', '3');
    const made = [];
    for (let i = 0; i < 5; i++) {
      api.clock.tick(60_000);
      made.push(await api.call('backups.create', {}));
    }
    const listed = await api.call('backups.list', {});
    expect(listed.map((b) => b.file)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((b) => b.file),
    );
    expect(listed.every((b) => b.itemCount === 1)).toBe(true);

    const cli = await sheaf(api.library.file, 'backup', '--keep', '2');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^Backed up 1 items to .*sheaf-backup-.*\.sqlite\n$/);
    expect(listBackups(api.library.file)).toHaveLength(2);
    expect((await sheaf(api.library.file, 'backup', '--keep', '0')).code).toBe(2);
  });

  it('never gives two backups the same name, even within one millisecond', async () => {
    const api = temp.host();
    const first = await api.call('backups.create', {});
    const second = await api.call('backups.create', {}); // the test clock has not moved
    expect(second.file).not.toBe(first.file);
    expect(await api.call('backups.list', {})).toHaveLength(2);
  });

  it('backs up on start-up when the newest backup is more than a day old, and not otherwise', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const logged: string[] = [];
    const stop = startBackgroundServices(api.host, (message) => logged.push(message));
    try {
      await expect.poll(() => listBackups(api.library.file).length).toBe(1);
    } finally {
      stop();
    }
    expect(listBackups(api.library.file)[0]!.file).toMatch(/-daily\.sqlite$/);
    expect(logged.join('\n')).toMatch(/Backed up the library to/);
    api.clock.tick(23 * 3600_000);
    expect(await backupIfDue(api.library)).toBeUndefined();
    api.clock.tick(2 * 3600_000);
    expect((await backupIfDue(api.library))?.itemCount).toBe(1);
    expect(listBackups(api.library.file)).toHaveLength(2);
  });

  it('backs up a library of an older schema before migrating it, and the backup keeps the old schema', async () => {
    const file = temp.file();
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.pragma('application_id = 1397245254');
    old.close();
    // Items written by the old version, through the current code's v1-compatible insert.
    const v1 = new Database(file);
    v1.prepare(
      "INSERT INTO items(key, type, title, added, modified, citekey) VALUES ('K1', 'article', 'Old paper', 1, 1, 'old2001')",
    ).run();
    v1.close();

    const info = await sheafJson<{ schemaVersion: number; itemCount: number }>(file, 'info', '--json');
    expect(info.schemaVersion).toBe(MIGRATIONS.length);
    const [backup] = listBackups(file);
    expect(backup!.file).toMatch(/-before-migration\.sqlite$/);
    const copy = new Database(backup!.file, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare('SELECT title FROM items').pluck().all()).toEqual(['Old paper']);
    } finally {
      copy.close();
    }
  });
});

describe('restoring a backup', () => {
  it('asks first, naming the date and the item count, and changes nothing without --yes', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const backup = await api.call('backups.create', {});
    await api.call('items.create', { data: BERT });
    const before = snapshot(api.library.db);
    const name = path.basename(backup.file);

    const asked = await sheaf(api.library.file, 'restore', name);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(`the backup of ${backup.created} (1 items)`);
    expect(asked.stderr).toMatch(/--yes to confirm/);
    expect(snapshot(api.library.db)).toEqual(before);

    const done = await sheaf(api.library.file, 'restore', name, '--yes');
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`Restored the backup of ${backup.created} (1 items): 1 items.\n`);
    const titles = (await sheafJson<{ title: string }[]>(api.library.file, 'list', '--json')).map(
      (i) => i.title,
    );
    expect(titles).toEqual([ATTENTION.title]);
    // The state it replaced was backed up first, so the restore can itself be undone.
    const saved = listBackups(api.library.file).find((b) => b.file.endsWith('-before-restore.sqlite'));
    expect(saved?.itemCount).toBe(2);
  });

  it('restores through the API too, and the host sees the restored library', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const backup = await api.call('backups.create', {});
    await api.call('items.create', { data: GODEL });
    const info = await api.call('backups.restore', { file: backup.file });
    expect(info.itemCount).toBe(1);
    expect((await api.call('library.info', {})).itemCount).toBe(1);
    expect(api.library.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses a damaged backup and leaves the library as it was', async () => {
    const api = temp.host();
    for (let i = 0; i < 200; i++) await api.call('items.create', { data: paper({ title: `Paper ${i}` }) });
    const backup = await api.call('backups.create', {});
    const bytes = fs.readFileSync(backup.file);
    bytes.fill(0x5a, bytes.length / 2, bytes.length / 2 + 8192);
    fs.writeFileSync(backup.file, bytes);
    const before = snapshot(api.library.db);
    const refused = await sheaf(api.library.file, 'restore', path.basename(backup.file), '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is damaged/);
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it("loses none of the app's later writes when the CLI restores while the app is running", async () => {
    const file = temp.file();
    const app = await serveLibrary(file, fs.mkdtempSync(path.join(temp.dir, 'app-')));
    try {
      await app.value('items.create', { data: ATTENTION });
      const backup = await app.value('backups.create', {});
      await app.value('items.create', { data: BERT });

      const restored = await sheaf(file, 'restore', path.basename(backup.file), '--yes');
      expect(restored.code).toBe(0);
      // The app goes on working with the library it has open...
      expect((await app.value('library.info', {})).itemCount).toBe(1);
      await app.value('items.create', { data: GODEL });
      // ...and what it writes now lands in the library everyone else sees.
      const listed = await sheafJson<Listed[]>(file, 'list', '--json');
      expect(listed.map((i) => i.title).sort()).toEqual([ATTENTION.title, GODEL.title].sort());
    } finally {
      await app.stop();
    }
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  }, 120_000);
});

describe('kept-updated .bib files after a crash', () => {
  it('catch up on start-up with changes made after their last write', async () => {
    ensureBibtexExport();
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const bib = path.join(temp.dir, 'refs.bib');
    createBinding(api.library, { kind: 'library' }, 'bibtex', bib);
    const written = fs.readFileSync(bib, 'utf8');
    // As if the app was killed after committing this change and before rewriting the file.
    api.library.write('Add item', () =>
      insertItem(api.library.db, BERT, { now: api.clock.now(), formula: api.library.citekeyFormula() }),
    );
    expect(fs.readFileSync(bib, 'utf8')).toBe(written);

    const events: string[] = [];
    api.host.onEvent((event, payload) => {
      if (event === 'bindings.written') events.push((payload as { path: string }).path);
    });
    const stop = startBackgroundServices(api.host);
    try {
      await expect.poll(() => events, { timeout: 10_000 }).toEqual([bib]);
    } finally {
      stop();
    }
    expect(fs.readFileSync(bib, 'utf8')).toMatch(/@article{devlinBERTPreTraining2019,/);
  });

  it('are not rewritten on start-up when nothing changed', async () => {
    ensureBibtexExport();
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const bib = path.join(temp.dir, 'same.bib');
    createBinding(api.library, { kind: 'library' }, 'bibtex', bib);
    const stamp = fs.statSync(bib).mtimeMs;
    // What the start-up sync runs, with a writer that has not written anything yet.
    expect(new BindingWriter().writeAll(api.library)).toEqual([]);
    expect(fs.statSync(bib).mtimeMs).toBe(stamp);
  });
});
