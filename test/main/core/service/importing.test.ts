// Imports: previewed without writing, committed whole as one undoable step on a second
// connection (the main one keeps reading), cancellable without a trace, with bad
// records reported by line and column while the good ones are imported.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deferIndexes } from '../../../../src/main/core/library/sort-indexes';
import { attachTags, listTags } from '../../../../src/main/core/library/tags';
import { commitImport, parseInput } from '../../../../src/main/core/service/importing';
import { coreFixture, importFixture } from '../../../support/imports';
import { rowCount, snapshot } from '../../../support/snapshot';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('importing');

describe('importing', () => {
  it('writes nothing until the preview is committed', async () => {
    const api = temp.host();
    const before = snapshot(api.library.db);
    const preview = await api.call('import.preview', {
      input: { text: readFileSync(coreFixture('digest-jun16.txt'), 'utf8') },
      yearHint: 2026,
    });
    expect(preview).toMatchObject({ format: 'hf-text', duplicates: 0, digest: { date: '2026-06-16' } });
    expect(preview.records.map((r) => r.title)).toHaveLength(3);
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.historySteps()).toEqual([]);
  });

  it('is one undoable step: undo removes the items, their digest, collection and memberships; redo brings them back', async () => {
    const api = temp.host();
    const existing = await api.call('items.create', {
      data: { type: 'article', title: 'Already here', creators: [], links: [], fields: {} },
    });
    const before = snapshot(api.library.db);
    const preview = await api.call('import.preview', {
      input: { text: readFileSync(coreFixture('digest-jun16.txt'), 'utf8') },
      yearHint: 2026,
    });
    const report = await commitImport(api.library, api.host.imports.take(preview.id), {
      collectionPath: 'Digests/June',
    });
    expect(report.added).toBe(3);
    const after = snapshot(api.library.db);
    expect(await api.call('collections.list', {})).toHaveLength(2);
    expect(api.library.historySteps().map((s) => s.label)).toEqual([
      expect.stringMatching(/^Import digest ".+" \(3 papers\)$/),
      'Add item',
    ]);

    expect((await api.call('history.undo', {}))?.label).toMatch(/^Import digest/);
    expect(snapshot(api.library.db)).toEqual(before);
    expect(await api.call('digests.list', {})).toEqual([]);
    expect(await api.call('collections.list', {})).toEqual([]);
    expect((await api.call('library.info', {})).itemCount).toBe(1);
    expect((await api.call('items.get', { id: existing.id })).title).toBe('Already here');

    await api.call('history.redo', {});
    expect(snapshot(api.library.db)).toEqual(after);
  });

  it('reports bad records by line and column and imports the good ones', async () => {
    const api = temp.host();
    const report = await importFixture(api, 'partly-broken.json');
    expect(report).toMatchObject({ added: 2, format: 'csl-json' });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 2,
        message: expect.stringMatching(/not an object; skipped/),
      }),
    ]);
  });

  it('refuses input it cannot recognise, writing nothing', async () => {
    const api = temp.host();
    const before = snapshot(api.library.db);
    const unknown = await api.failure('import.preview', {
      input: { text: readFileSync(coreFixture('not-a-reference-list.txt'), 'utf8') },
    });
    expect(unknown.code).toBe('bad-input');
    expect(unknown.message).toMatch(/could not recognise/);
    expect((await api.failure('import.preview', { input: { text: '   \n' } })).code).toBe('bad-input');
    expect((await api.failure('import.preview', { input: { text: 'x' }, format: 'nope' })).code).toBe(
      'invalid-argument',
    );
    expect((await api.failure('import.commit', { previewId: 'no-such-preview' })).code).toBe('not-found');
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it('skips the records the user unticked', async () => {
    const api = temp.host();
    const report = await importFixture(api, 'digest-jun16.txt', { exclude: [1] });
    expect(report).toMatchObject({ added: 2, skipped: 1 });
    expect(report.digest?.itemCount).toBe(2);
  });

  it('adds to an existing collection, and refuses a trashed one, writing nothing', async () => {
    const api = temp.host();
    const reading = await api.call('collections.create', { name: 'Reading', parentId: null });
    const report = await importFixture(api, 'digest-jun16.txt', { collectionId: reading.id });
    expect(report.collectionId).toBe(reading.id);
    expect((await api.call('collections.list', {}))[0]!.itemCount).toBe(3);
    await api.call('collections.trash', { id: reading.id });
    const before = snapshot(api.library.db);
    const text = readFileSync(coreFixture('digest-jun17.txt'), 'utf8');
    const preview = await api.call('import.preview', { input: { text }, yearHint: 2026 });
    const failure = await api.failure('import.commit', { previewId: preview.id, collectionId: reading.id });
    expect(failure.code).toBe('not-found');
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it('tells listeners once when a small import commits', async () => {
    const api = temp.host();
    const heard: { label: string; external: boolean }[] = [];
    api.library.on((change) => heard.push(change));
    await importFixture(api, 'digest-jun16.txt');
    expect(heard).toEqual([{ label: expect.stringMatching(/^Import digest/), external: false }]);
  });
});

describe('a large import', () => {
  /** CSL-JSON with `n` distinct records: enough to be written in chunks on a second connection. */
  const manyRecords = (n: number) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        id: `gen${i}`,
        type: 'article-journal',
        title: `Generated paper ${i}`,
      })),
    );
  const LARGE = 2100;
  /** Tables, indexes and triggers: an import larger than the library rebuilds the sort indexes. */
  const schema = (api: { library: { db: Database.Database } }) =>
    api.library.db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .all();

  it('can be cancelled part-way, leaving the library exactly as it was', async () => {
    const api = temp.host();
    await importFixture(api, 'digest-jun16.txt');
    const before = snapshot(api.library.db);
    const schemaBefore = schema(api);
    const steps = api.library.historySteps();
    const { format, result } = parseInput({ text: manyRecords(LARGE), name: 'many.json' });
    const controller = new AbortController();
    const progress: number[] = [];
    const cancelled = commitImport(api.library, api.host.imports.add(format, result), {
      signal: controller.signal,
      onProgress: (_phase, done) => {
        progress.push(done);
        if (done >= 1000) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/not changed/),
    });
    expect(progress).toEqual([500, 1000]);
    expect(snapshot(api.library.db)).toEqual(before);
    expect(schema(api)).toEqual(schemaBefore);
    expect(api.library.historySteps()).toEqual(steps);
  });

  it('runs on its own connection: the library stays readable, other writes wait, listeners hear of the commit once', async () => {
    const api = temp.host(undefined, { busyTimeoutMs: 50 });
    await importFixture(api, 'digest-jun16.txt');
    const schemaBefore = schema(api);
    const heard: { label: string; external: boolean }[] = [];
    api.library.on((change) => heard.push(change));
    const { format, result } = parseInput({ text: manyRecords(LARGE), name: 'many.json' });
    const seen: { items: number; write?: string }[] = [];
    const report = await commitImport(api.library, api.host.imports.add(format, result), {
      onProgress: (_phase, done) => {
        if (done !== 1000) return;
        // Mid-import: the main connection reads the last committed state, and cannot write.
        const items = rowCount(api.library.db, 'items');
        try {
          api.library.write('Meanwhile', () =>
            api.library.db.prepare("INSERT INTO tags(name) VALUES ('x')").run(),
          );
          seen.push({ items });
        } catch (error) {
          seen.push({ items, write: (error as { code?: string }).code ?? String(error) });
        }
      },
    });
    expect(report.added).toBe(LARGE);
    expect(seen).toEqual([{ items: 3, write: 'busy' }]);
    expect(rowCount(api.library.db, 'items')).toBe(3 + LARGE);
    expect(rowCount(api.library.db, 'tags')).toBe(0);
    expect(heard).toEqual([{ label: `Import ${LARGE} items (CSL-JSON)`, external: false }]);
    // The sort indexes it set aside are back, and the list sorts by them.
    expect(schema(api)).toEqual(schemaBefore);
    const plan = api.library.db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM items WHERE deleted IS NULL ORDER BY title_sort LIMIT 5')
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/items_by_title/);
    const { rows } = await api.call('items.window', {
      view: { kind: 'library' },
      sort: { field: 'title', direction: 'desc' },
      offset: 0,
      limit: 3,
    });
    const unindexed = api.library.db
      .prepare('SELECT title FROM items NOT INDEXED ORDER BY title_sort DESC, id DESC LIMIT 3')
      .pluck()
      .all();
    expect(rows.map((row) => row.title)).toEqual(unindexed);
    // ...and it is still one step to undo.
    await api.call('history.undo', {});
    expect(rowCount(api.library.db, 'items')).toBe(3);
  });

  it('into an empty library sets aside the duplicate-lookup indexes as well, and builds them again', async () => {
    const api = temp.host();
    const schemaBefore = schema(api);
    const itemIndexes = () =>
      (schema(api) as { name: string }[]).map((row) => row.name).filter((name) => name.startsWith('items_'));
    // What is set aside: an import that looks for no copies drops the lookup indexes too.
    const { db } = api.library;
    db.exec('BEGIN');
    const rebuild = deferIndexes(db, LARGE, false);
    expect(itemIndexes()).toEqual(['items_live']);
    rebuild();
    expect(schema(api)).toEqual(schemaBefore);
    expect(deferIndexes(db, LARGE, true)).toBeTypeOf('function');
    expect(itemIndexes()).toEqual(['items_by_arxiv', 'items_by_doi', 'items_by_match_hash', 'items_live']);
    db.exec('ROLLBACK');

    const { format, result } = parseInput({ text: manyRecords(LARGE), name: 'many.json' });
    await commitImport(api.library, api.host.imports.add(format, result));
    expect(schema(api)).toEqual(schemaBefore);
    // The duplicate lookups use them again: the same records, imported again, are all copies.
    const again = parseInput({ text: manyRecords(LARGE), name: 'many.json' });
    const report = await commitImport(api.library, api.host.imports.add(again.format, again.result));
    expect(report).toMatchObject({ added: 0, duplicates: LARGE });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM items WHERE match_hash = ?').all(1) as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/items_by_match_hash/);
  });

  it('attaches each record its own tags, chunk by chunk: shared with the library, counted, searchable, undone with the rest', async () => {
    const api = temp.host();
    await importFixture(api, 'digest-jun16.txt');
    const tagged = api.library.db.prepare('SELECT min(id) FROM items').pluck().get() as number;
    api.library.write('Tag', () => attachTags(api.library.db, [tagged], ['Shared']));
    const keywords = (i: number) => ['shared', `t${i % 7}`, ...(i % 1000 === 0 ? [`only${i}`] : [])];
    const text = JSON.stringify(
      Array.from({ length: LARGE }, (_, i) => ({
        id: `gen${i}`,
        type: 'article-journal',
        title: `Generated paper ${i}`,
        keyword: keywords(i).join(', '),
      })),
    );
    const { format, result } = parseInput({ text, name: 'tagged.json' });
    expect((await commitImport(api.library, api.host.imports.add(format, result))).added).toBe(LARGE);

    const tagsOf = api.library.db.prepare(
      `SELECT t.name FROM items i JOIN item_tags it ON it.item_id = i.id JOIN tags t ON t.id = it.tag_id
        WHERE i.title = ? ORDER BY t.name`,
    );
    for (const i of [0, 1, 499, 500, 1000, 1999, 2000, LARGE - 1]) {
      const want = keywords(i)
        .map((name) => (name === 'shared' ? 'Shared' : name))
        .sort();
      expect((tagsOf.pluck().all(`Generated paper ${i}`) as string[]).sort()).toEqual(want);
    }
    const counts = new Map(listTags(api.library.db).map((tag) => [tag.name, tag.itemCount]));
    expect(counts).toEqual(
      new Map([
        ['only0', 1],
        ['only1000', 1],
        ['only2000', 1],
        ['Shared', LARGE + 1],
        ...Array.from({ length: 7 }, (_, k) => [`t${k}`, Math.ceil((LARGE - k) / 7)] as [string, number]),
      ]),
    );
    expect(api.library.lists.count({ kind: 'library' }, 'tag:t3')).toBe(300);
    expect(api.library.lists.count({ kind: 'library' }, 'tag:only2000')).toBe(1);

    await api.call('history.undo', {});
    expect(rowCount(api.library.db, 'item_tags')).toBe(1);
    expect(listTags(api.library.db).map((tag) => [tag.name, tag.itemCount])).toEqual([['Shared', 1]]);
  });
});
