// A big first import's search index, built on a worker (ADR 65): the index put in place is
// term for term the one the library builds itself, searches on the library's connection
// see it, undo and redo go through it, and a worker that cannot start or fails part-way
// leaves the import to index everything itself. No scratch file is left behind.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertItem, replaceItemData } from '../../../../src/main/core/library/items';
import { Library } from '../../../../src/main/core/library/library';
import { deleteItemRows } from '../../../../src/main/core/library/trash';
import { rebuildSearchIndex } from '../../../../src/main/core/library/search/indexer';
import { ParallelIndexBuild } from '../../../../src/main/core/library/search/parallel-build';
import { commitImport, parseInput } from '../../../../src/main/core/service/importing';
import { paper } from '../../../support/items';
import { rowCount, searchIndexTerms, snapshot } from '../../../support/snapshot';
import { type Api, tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('parallel-build');
const LARGE = 2300;

/** CSL-JSON records with tags, accents and shared words: enough for a chunked import. */
function records(n: number): string {
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      id: `rec${i}`,
      type: 'article-journal',
      title: `${i % 3 === 0 ? 'Gödel numbering' : 'Diffusion models'} study ${i}`,
      author: [{ family: i % 5 === 0 ? 'Ångström' : 'Vaswani', given: 'A.' }],
      issued: { 'date-parts': [[2000 + (i % 20)]] },
      ...(i % 2 === 0 ? { abstract: `We study transformers, attention and tokens ${i}.` } : {}),
      keyword: `topic${i % 4}`,
    })),
  );
}

async function importInto(api: Api, text: string, collectionPath?: string) {
  const { format, result } = parseInput({ text, name: 'many.json' });
  return commitImport(api.library, api.host.imports.add(format, result), {
    ...(collectionPath ? { collectionPath } : {}),
  });
}

/**
 * The rows FTS5 has counted into its index (the first varint of its averages record): a
 * document inserted twice counts twice, though searches show it once. Deletes do not count
 * down (contentless_delete), so this is only a check after inserts alone.
 */
function indexedRows(api: Api): number {
  const block = api.library.db.prepare('SELECT block FROM search_data WHERE id = 1').pluck().get() as Buffer;
  let value = 0;
  for (const byte of block) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) break;
  }
  return value;
}

/** The index as it is, and as the library rebuilds it from its items (the reference). */
function indexAndRebuilt(api: Api): { built: string[]; rebuilt: string[] } {
  const built = searchIndexTerms(api.library.db);
  api.library.db.transaction(() => rebuildSearchIndex(api.library.db))();
  return { built, rebuilt: searchIndexTerms(api.library.db) };
}

function scratchFiles(api: Api): string[] {
  const dir = path.dirname(api.library.file);
  return fs.readdirSync(dir).filter((name) => name.includes('.search-build-'));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a big import into an empty library', () => {
  it('puts in place the index the library would build, seen by searches on its own connection', async () => {
    const replaced = vi.spyOn(
      ParallelIndexBuild.prototype as unknown as { replaceIndex(): boolean },
      'replaceIndex',
    );
    const api = temp.host();
    // One left by a process killed mid-import (no process has that id), and one of a live process.
    const abandoned = `${api.library.file}.search-build-4194999-abc`;
    const live = `${api.library.file}.search-build-${process.ppid}-abc`;
    fs.writeFileSync(abandoned, 'x');
    fs.writeFileSync(live, 'x');
    // The library's connection has read the (empty) index before: it must see the new one.
    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(0);
    const report = await importInto(api, records(LARGE), 'Imported/All');
    expect(report.added).toBe(LARGE);
    expect(replaced).toHaveReturnedWith(true);

    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(LARGE);
    expect(api.library.lists.count({ kind: 'library' }, 'godel')).toBe(Math.ceil(LARGE / 3));
    expect(api.library.lists.count({ kind: 'library' }, 'author:angstrom')).toBe(Math.ceil(LARGE / 5));
    expect(api.library.lists.count({ kind: 'library' }, 'tag:topic1')).toBe(LARGE / 4);
    expect(api.library.lists.count({ kind: 'library' }, '"attention and tokens"')).toBe(LARGE / 2);
    const { rows } = await api.call('items.window', {
      view: { kind: 'library' },
      search: 'study 2298',
      sort: { field: 'title', direction: 'asc' },
      offset: 0,
      limit: 5,
    });
    expect(rows.map((row) => row.title)).toEqual(['Gödel numbering study 2298']);
    expect(scratchFiles(api)).toEqual([path.basename(live)]);
    fs.rmSync(live);

    expect(indexedRows(api)).toBe(LARGE);
    const { built, rebuilt } = indexAndRebuilt(api);
    expect(built.length).toBeGreaterThan(LARGE * 10);
    expect(built).toEqual(rebuilt);
  });

  it('takes in items changed or deleted after their documents were sent', async () => {
    const api = temp.host();
    const { db } = api.library;
    await api.library.writeInChunks(
      'Write',
      async () => {
        const build = ParallelIndexBuild.start(db, api.library.file, api.library.workerDriver())!;
        try {
          const insert = (title: string) =>
            insertItem(db, paper({ title }), { now: 1, formula: api.library.citekeyFormula() }).id;
          const ids = Array.from({ length: 20 }, (_, i) => insert(`First title ${i}`));
          // Sent once the worker has started: until then they stay marked touched.
          const touched = () => db.prepare('SELECT count(*) FROM temp.touched').pluck().get();
          for (let tries = 0; touched() !== 0 && tries < 500; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 10));
            build.sendTouched();
          }
          expect(touched()).toBe(0);
          replaceItemData(db, ids[3]!, paper({ title: 'Renamed paper' }), 2);
          deleteItemRows(db, ids[4]!);
          insert('Latecomer');
          await build.finish();
        } finally {
          build.dispose();
        }
      },
      async () => {},
    );
    expect(api.library.lists.count({ kind: 'library' }, 'renamed')).toBe(1);
    // Whole words: a citation key made from the old title ("firstTitle3") keeps that prefix.
    expect(api.library.lists.count({ kind: 'library' }, 'first title')).toBe(18);
    expect(api.library.lists.count({ kind: 'library' }, 'latecomer')).toBe(1);
    const { built, rebuilt } = indexAndRebuilt(api);
    expect(built).toEqual(rebuilt);
  });

  it('is undone and redone like any import: the index follows', async () => {
    const api = temp.host();
    const before = snapshot(api.library.db);
    await importInto(api, records(LARGE));
    const after = snapshot(api.library.db);
    await api.call('history.undo', {});
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(0);
    await api.call('history.redo', {});
    expect(snapshot(api.library.db)).toEqual(after);
    expect(api.library.lists.count({ kind: 'library' }, 'godel')).toBe(Math.ceil(LARGE / 3));
  });

  it('cancelled part-way, leaves the library as it was and no scratch file', async () => {
    const api = temp.host();
    const before = snapshot(api.library.db);
    const { format, result } = parseInput({ text: records(LARGE), name: 'many.json' });
    const controller = new AbortController();
    const cancelled = commitImport(api.library, api.host.imports.add(format, result), {
      signal: controller.signal,
      onProgress: (_phase, done) => {
        if (done >= 1500) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(api.library.db)).toEqual(before);
    expect(scratchFiles(api)).toEqual([]);
    // The next import builds its index afresh.
    await importInto(api, records(LARGE));
    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(LARGE);
  });

  it('into a library that holds items, is indexed by the import itself', async () => {
    const started = vi.spyOn(ParallelIndexBuild, 'start');
    const api = temp.host();
    await importInto(api, records(3).replaceAll('study', 'note'));
    await importInto(api, records(LARGE));
    expect(started.mock.results.map((result) => result.value)).toEqual([undefined]);
    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(LARGE);
    expect(rowCount(api.library.db, 'items')).toBe(LARGE + 3);
    const { built, rebuilt } = indexAndRebuilt(api);
    expect(built).toEqual(rebuilt);
  });

  it('is indexed by the import itself when the worker cannot start', async () => {
    vi.spyOn(Library.prototype, 'workerDriver').mockReturnValue({
      driver: path.join(temp.dir, 'no-such-driver.cjs'),
    });
    const api = temp.host();
    expect((await importInto(api, records(LARGE))).added).toBe(LARGE);
    expect(api.library.lists.count({ kind: 'library' }, 'godel study')).toBe(Math.ceil(LARGE / 3));
    expect(indexedRows(api)).toBe(LARGE);
    const { built, rebuilt } = indexAndRebuilt(api);
    expect(built).toEqual(rebuilt);
    expect(scratchFiles(api)).toEqual([]);
  });

  it('is indexed by the import itself when the worker fails part-way', async () => {
    // The real driver, whose index inserts fail after 1,500 documents (a full disk).
    const driver = path.join(temp.dir, 'failing-insert-driver.cjs');
    const real = createRequire(import.meta.url).resolve('better-sqlite3');
    fs.writeFileSync(
      driver,
      `const Real = require(${JSON.stringify(real)});
      let inserts = 0;
      module.exports = class extends Real {
        prepare(sql) {
          const statement = super.prepare(sql);
          if (!sql.startsWith('INSERT INTO search(rowid')) return statement;
          return { run: (...args) => {
            if (++inserts > 1500) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
            return statement.run(...args);
          } };
        }
      };`,
    );
    vi.spyOn(Library.prototype, 'workerDriver').mockReturnValue({ driver });
    const replaced = vi.spyOn(
      ParallelIndexBuild.prototype as unknown as { replaceIndex(): boolean },
      'replaceIndex',
    );
    const api = temp.host();
    expect((await importInto(api, records(LARGE))).added).toBe(LARGE);
    expect(replaced).not.toHaveBeenCalled();
    expect(rowCount(api.library.db, 'items')).toBe(LARGE);
    expect(api.library.lists.count({ kind: 'library' }, 'study')).toBe(LARGE);
    expect(indexedRows(api)).toBe(LARGE);
    const { built, rebuilt } = indexAndRebuilt(api);
    expect(built).toEqual(rebuilt);
    expect(scratchFiles(api)).toEqual([]);
  });
});
