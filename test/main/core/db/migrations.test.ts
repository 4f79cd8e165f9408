// Schema migrations: one file per version, each with its own test that builds the schema
// before it, inserts rows, migrates and checks them; a database newer than the code is
// refused with a clear error and left alone.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../../../src/main/core/db/connection';
import { migrate, schemaVersion } from '../../../../src/main/core/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../src/main/core/db/migrations';
import { SheafError } from '../../../../src/main/core/errors';
import { Library } from '../../../../src/main/core/library/library';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('migrations');
const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../src/main/core/db/migrations/', import.meta.url));

/** A raw database at `version` (built by the real migrations up to it), as an old Sheaf left it. */
function databaseAt(version: number): { db: Database.Database; file: string } {
  const file = temp.file();
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, version));
  if (version > 0) db.pragma(`application_id = ${APPLICATION_ID}`);
  expect(schemaVersion(db)).toBe(version);
  return { db, file };
}

const tableNames = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];

/** The test of each migration, by the version it produces. */
const MIGRATION_TESTS: Record<number, () => void> = {
  1: () => {
    const { db } = databaseAt(0);
    expect(tableNames(db)).toEqual([]);
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    for (const table of ['items', 'item_extra', 'collections', 'collection_items', 'tags', 'item_tags']) {
      expect(tableNames(db)).toContain(table);
    }
    for (const table of [
      'notes',
      'note_links',
      'digests',
      'digest_items',
      'history',
      'history_ops',
      'counts',
    ]) {
      expect(tableNames(db)).toContain(table);
    }
    // Rows written right after the migration behave: the sidebar counters follow them.
    db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified) VALUES ('K1', 'article', 'a2017', 'A', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified, deleted) VALUES ('K2', 'article', 'b2017', 'B', 1, 1, 5)",
    ).run();
    const count = (scope: string) => db.prepare('SELECT n FROM counts WHERE scope = ?').pluck().get(scope);
    expect(count('items')).toBe(1);
    expect(count('trash')).toBe(1);
    // Citation keys are unique regardless of case, like BibTeX's.
    expect(() =>
      db
        .prepare(
          "INSERT INTO items(key, type, citekey, title, added, modified) VALUES ('K3', 'article', 'A2017', 'C', 1, 1)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  },
  2: () => {
    const { db, file } = databaseAt(1);
    db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified) VALUES ('K1', 'article', 'vaswani2017', 'Attention', 1, 2)",
    ).run();
    db.prepare(
      'INSERT INTO item_extra(item_id, creators) VALUES (1, \'[{"role":"author","family":"V"}]\')',
    ).run();
    db.prepare(
      "INSERT INTO collections(key, name, position, created, modified) VALUES ('C1', 'Reading', 0, 1, 1)",
    ).run();
    db.prepare('INSERT INTO collection_items(collection_id, item_id, added) VALUES (1, 1, 1)').run();
    db.prepare("INSERT INTO settings(name, value) VALUES ('citekey.formula', 'auth + year')").run();
    const before = {
      items: db.prepare('SELECT * FROM items').all(),
      extra: db.prepare('SELECT * FROM item_extra').all(),
      members: db.prepare('SELECT * FROM collection_items').all(),
      settings: db.prepare('SELECT * FROM settings').all(),
    };
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM items').all()).toEqual(before.items);
    expect(db.prepare('SELECT * FROM item_extra').all()).toEqual(before.extra);
    expect(db.prepare('SELECT * FROM collection_items').all()).toEqual(before.members);
    expect(db.prepare('SELECT * FROM settings').all()).toEqual(before.settings);
    db.prepare(
      "INSERT INTO bindings(scope, path, format, created) VALUES ('{\"kind\":\"library\"}', '/tmp/x.bib', 'bibtex', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO bindings(scope, path, format, created) VALUES ('{}', '/tmp/x.bib', 'bibtex', 2)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
    // The library opens on the migrated file and still knows the old rows.
    const library = temp.open(file);
    expect(library.info().itemCount).toBe(1);
    expect(library.setting('citekey.formula')).toBe('auth + year');
  },
  3: () => {
    const { db } = databaseAt(2);
    const insertItem = db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified, deleted) VALUES (?, 'article', ?, ?, 1, 1, ?)",
    );
    insertItem.run('K1', 'live', 'Live', null);
    insertItem.run('K2', 'trashed', 'Trashed', 9);
    db.prepare(
      "INSERT INTO collections(key, name, position, created, modified) VALUES ('C1', 'Reading', 0, 1, 1)",
    ).run();
    db.prepare("INSERT INTO tags(name) VALUES ('to-read')").run();
    // Both items filed and tagged; the trashed one got its membership while in the trash,
    // so version 2 kept no counter for it.
    for (const item of [1, 2]) {
      db.prepare('INSERT INTO collection_items(collection_id, item_id, added) VALUES (1, ?, 1)').run(item);
      db.prepare('INSERT INTO item_tags(item_id, tag_id) VALUES (?, 1)').run(item);
    }
    db.prepare("UPDATE counts SET n = 7 WHERE scope = 'c1'").run(); // drifted
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    const counts = () =>
      Object.fromEntries(
        (
          db.prepare('SELECT scope, n FROM counts ORDER BY scope').all() as { scope: string; n: number }[]
        ).map((r) => [r.scope, r.n]),
      );
    expect(counts()).toEqual({ c1: 1, items: 1, t1: 1, trash: 1 });
    db.prepare('UPDATE items SET deleted = NULL WHERE id = 2').run();
    expect(counts()).toEqual({ c1: 2, items: 2, t1: 2, trash: 0 });
    db.prepare('UPDATE items SET deleted = 10 WHERE id IN (1, 2)').run();
    expect(counts()).toEqual({ c1: 0, items: 0, t1: 0, trash: 2 });
    // An item in no collection is restored without inventing counters.
    insertItem.run('K3', 'loose', 'Loose', 11);
    db.prepare('UPDATE items SET deleted = NULL WHERE id = 3').run();
    expect(counts()).toEqual({ c1: 0, items: 1, t1: 0, trash: 2 });
    db.close();
  },
  4: () => {
    const { db } = databaseAt(3);
    const insertItem = db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified, deleted) VALUES (?, 'article', ?, 'T', 1, 1, ?)",
    );
    insertItem.run('K1', 'beta', null);
    insertItem.run('K2', 'Alpha', null);
    insertItem.run('K3', 'aardvark', 5);
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(schemaVersion(db)).toBe(4);
    // The list by citation key walks the new index (no table lookups to skip the trash)
    // and keeps the case-insensitive order.
    const sql = 'SELECT citekey FROM items i WHERE i.deleted IS NULL ORDER BY i.citekey COLLATE NOCASE, i.id';
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX items_by_citekey/);
    expect(db.prepare(sql).pluck().all()).toEqual(['Alpha', 'beta']);
    db.close();
  },
  5: () => {
    const { db } = databaseAt(4);
    const insertItem = db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified, deleted) VALUES (?, ?, ?, 'T', 1, 1, ?)",
    );
    for (let i = 1; i <= 6; i++) insertItem.run(`K${i}`, 'article', `k${i}`, i % 3 === 0 ? 9 : null);
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    // The list in "date added" order reads the live items' ids from the new index, not
    // every row of the table, and still leaves the trashed ones out.
    const sql = 'SELECT i.id FROM items i WHERE i.deleted IS NULL ORDER BY i.id DESC';
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX items_live/);
    expect(db.prepare(sql).pluck().all()).toEqual([5, 4, 2, 1]);
    db.close();
  },
  6: () => {
    const { db } = databaseAt(5);
    const insertItem = db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified) VALUES (?, 'article', ?, 'T', 1, ?)",
    );
    insertItem.run('K1', 'a', 1000);
    insertItem.run('K2', 'b', 3000);
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    // The mark starts at the latest time any item has, so the next change is later still.
    expect(db.prepare("SELECT value FROM marks WHERE name = 'last_modified'").pluck().get()).toBe(3000);
    db.close();
  },
  7: () => {
    const { db } = databaseAt(6);
    db.pragma('foreign_keys = ON');
    const id = db
      .prepare(
        "INSERT INTO items(key, type, citekey, title, added, modified) VALUES ('K1', 'article', 'a', 'T', 1, 1)",
      )
      .run().lastInsertRowid;
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    // One row per item and variant; deleting the item for good takes its rows with it.
    const put = db.prepare(
      "INSERT INTO entry_cache(item_id, variant, stamp, citekey, text) VALUES (?, ?, '1', 'a', '@misc{a}')",
    );
    put.run(id, 'v1');
    put.run(id, 'v2');
    expect(() => put.run(id, 'v1')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM items WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM entry_cache').pluck().get()).toBe(0);
    db.close();
  },
  8: () => {
    const { db } = databaseAt(7);
    db.pragma('foreign_keys = ON');
    const item = db.prepare(
      "INSERT INTO items(key, type, citekey, title, added, modified, deleted) VALUES (?, 'article', ?, 'T', 1, 1, ?)",
    );
    const [live, trashed, purged] = [
      item.run('K1', 'a', null),
      item.run('K2', 'b', 5),
      item.run('K3', 'c', null),
    ].map((result) => Number(result.lastInsertRowid));
    db.prepare(
      "INSERT INTO collections(key, name, parent_id, position, created, modified) VALUES ('C', 'C', NULL, 0, 1, 1)",
    ).run();
    db.prepare("INSERT INTO tags(name) VALUES ('t')").run();
    for (const id of [live, trashed, purged]) {
      db.prepare('INSERT INTO collection_items(collection_id, item_id, added) VALUES (1, ?, 1)').run(id);
      db.prepare('INSERT INTO item_tags(item_id, tag_id) VALUES (?, 1)').run(id);
    }
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    const counts = () =>
      db.prepare("SELECT scope, n FROM counts WHERE scope IN ('c1', 't1') ORDER BY scope").raw().all();
    // The live items count, the trashed one does not.
    expect(counts()).toEqual([
      ['c1', 2],
      ['t1', 2],
    ]);
    for (const table of ['collection_items', 'item_tags']) {
      db.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(trashed);
    }
    expect(counts()).toEqual([
      ['c1', 2],
      ['t1', 2],
    ]);
    for (const table of ['collection_items', 'item_tags']) {
      db.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(live);
    }
    expect(counts()).toEqual([
      ['c1', 1],
      ['t1', 1],
    ]);
    // Deleting a live item for good takes its memberships with it, and they stop counting.
    db.prepare('DELETE FROM items WHERE id = ?').run(purged);
    expect(counts()).toEqual([
      ['c1', 0],
      ['t1', 0],
    ]);
    db.close();
  },
};

describe('migrations', () => {
  it('are numbered 1, 2, 3, ... in order, one file per version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((name) => /^\d{3}-.+\.ts$/.test(name))
      .sort();
    expect(files.map((name) => Number(name.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('each have a test', () => {
    expect(Object.keys(MIGRATION_TESTS).map(Number).sort()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const migration of MIGRATIONS) {
    it(`${migration.version}: ${migration.name}`, () => {
      MIGRATION_TESTS[migration.version]!();
    });
  }

  it('bring an old library up to date when it is opened, calling beforeMigrate with the old version', () => {
    const { db, file } = databaseAt(1);
    db.close();
    const seen: number[] = [];
    const opened = openDatabase(file, { beforeMigrate: (_db, from) => seen.push(from) });
    expect(schemaVersion(opened)).toBe(SCHEMA_VERSION);
    expect(seen).toEqual([1]);
    opened.close();
    // Already current: nothing to do, no backup hook.
    const again = openDatabase(file, { beforeMigrate: (_db, from) => seen.push(from) });
    again.close();
    expect(seen).toEqual([1]);
  });

  it('run each version in its own transaction: a failing migration leaves the earlier ones applied', () => {
    const { db } = databaseAt(0);
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE x(a); SELECT nope FROM nothing;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tableNames(db)).not.toContain('x');
    db.close();
  });

  it('refuse a library written by a newer Sheaf, and leave it as it is', () => {
    const file = temp.file();
    temp.open(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    let error: unknown;
    try {
      Library.open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SheafError);
    expect((error as SheafError).code).toBe('newer-schema');
    expect((error as SheafError).message).toContain(`schema ${SCHEMA_VERSION + 1}`);
    expect((error as SheafError).message).toMatch(/newer version of Sheaf/);
    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(SCHEMA_VERSION + 1);
    after.close();
  });

  it('are not run on a library opened read-only: that is refused with a clear error', () => {
    const { db, file } = databaseAt(1);
    db.close();
    expect(() => Library.open(file, { readonly: true })).toThrow(/needs a schema upgrade/);
    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(1);
    after.close();
  });

  it("are never applied to another program's database", () => {
    const file = temp.file();
    const other = new Database(file);
    other.exec('CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    expect(() => openDatabase(file)).toThrow(/not a Sheaf library/);
    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(0);
    expect(tableNames(after)).toEqual(['invoices']);
    after.close();
  });

  it("leave a fresh library marked as Sheaf's (application id)", () => {
    const library = temp.open();
    expect(library.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });
});
