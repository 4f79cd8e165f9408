// The trash: deleting an item, note or collection moves it there with everything needed
// to restore it exactly (memberships, notes, tags, digest places, the search index,
// counts); emptying deletes for good, and is itself one undoable step.
import { describe, expect, it } from 'vitest';
import type { ViewSpec } from '../../../../src/shared/views';
import { importFixture } from '../../../support/imports';
import { ATTENTION, BERT } from '../../../support/items';
import { rowCount, snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('trash');

const ids = (api: Api, view: ViewSpec, search?: string) =>
  api.library.lists.windowIds({
    view,
    ...(search ? { search } : {}),
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 100,
  });

/** A library where one paper is richly connected: two collections, tags, notes, two digests, a backlink. */
async function connectedLibrary(api: Api) {
  const jun16 = await importFixture(api, 'digest-jun16.txt');
  const jun17 = await importFixture(api, 'digest-jun17.txt');
  const paper = jun16.itemIds[0]!; // "Vision Transformers Need Registers", in both digests
  const other = (await api.call('items.create', { data: ATTENTION })).id;
  const reading = await api.call('collections.create', { name: 'Reading', parentId: null });
  const vision = await api.call('collections.create', { name: 'Vision', parentId: reading.id });
  await api.call('collections.addItems', { id: reading.id, itemIds: [paper, other] });
  await api.call('collections.addItems', { id: vision.id, itemIds: [paper] });
  await api.call('tags.add', { itemIds: [paper], names: ['to-read', 'registers'] });
  await api.call('tags.add', { itemIds: [other], names: ['to-read'] });
  const citekey = (await api.call('items.get', { id: paper })).citekey;
  const note = await api.call('notes.create', {
    itemId: paper,
    body: '# Artifacts\nHigh-norm tokens in ViTs.',
  });
  const backlink = await api.call('notes.create', { itemId: other, body: `Compare [[${citekey}]].` });
  return { paper, other, reading, vision, note, backlink, jun16: jun16.digest!.id, jun17: jun17.digest!.id };
}

describe('the trash', () => {
  it('takes an item out of every list, count and search, and restoring puts back exactly what was there', async () => {
    const api = temp.host();
    const lib = await connectedLibrary(api);
    const before = snapshot(api.library.db);
    const info = await api.call('library.info', {});

    expect((await api.call('items.trash', { ids: [lib.paper] })).count).toBe(1);
    expect(ids(api, { kind: 'library' })).not.toContain(lib.paper);
    expect(ids(api, { kind: 'collection', id: lib.reading.id })).toEqual([lib.other]);
    expect(ids(api, { kind: 'collection', id: lib.vision.id })).toEqual([]);
    expect(ids(api, { kind: 'tags', names: ['to-read'] })).toEqual([lib.other]);
    expect(ids(api, { kind: 'digest', id: lib.jun16 })).not.toContain(lib.paper);
    expect(ids(api, { kind: 'library' }, 'registers')).toEqual([]);
    expect(ids(api, { kind: 'trash' })).toEqual([lib.paper]);
    expect(ids(api, { kind: 'trash' }, 'registers')).toEqual([lib.paper]);
    expect(await api.call('library.info', {})).toMatchObject({
      itemCount: info.itemCount - 1,
      trashCount: info.trashCount + 1,
    });
    const counts = Object.fromEntries(
      (await api.call('collections.list', {})).map((c) => [c.name, c.itemCount]),
    );
    expect(counts).toEqual({ Reading: 1, Vision: 0 });
    expect((await api.call('notes.list', {})).map((n) => n.id)).toEqual([lib.backlink.id]);

    await api.call('items.restore', { ids: [lib.paper] });
    expect(snapshot(api.library.db)).toEqual(before);
    const detail = await api.call('items.get', { id: lib.paper });
    expect(detail.collections.map((c) => c.path)).toEqual(['Reading', 'Reading/Vision']);
    expect(detail.tags).toEqual(['registers', 'to-read']);
    expect(detail.notes.map((n) => n.id)).toEqual([lib.note.id]);
    expect(detail.backlinks.map((n) => n.id)).toEqual([lib.backlink.id]);
    expect(detail.digests.map((d) => d.position)).toEqual([1, 0]);
    expect(ids(api, { kind: 'digest', id: lib.jun16 })[0]).toBe(lib.paper);
  });

  it('restores some of many trashed items, and trashing or restoring twice changes nothing more', async () => {
    const api = temp.host();
    const a = (await api.call('items.create', { data: ATTENTION })).id;
    const b = (await api.call('items.create', { data: BERT })).id;
    expect((await api.call('items.trash', { ids: [a, b] })).count).toBe(2);
    expect((await api.call('items.trash', { ids: [a] })).count).toBe(0);
    expect((await api.call('items.restore', { ids: [b] })).count).toBe(1);
    expect((await api.call('items.restore', { ids: [b] })).count).toBe(0);
    expect(ids(api, { kind: 'library' })).toEqual([b]);
    expect(ids(api, { kind: 'trash' })).toEqual([a]);
  });

  it('takes a collection with its subcollections, and restoring it brings the tree and memberships back exactly', async () => {
    const api = temp.host();
    const lib = await connectedLibrary(api);
    const before = snapshot(api.library.db);
    await api.call('collections.trash', { id: lib.reading.id });
    expect(await api.call('collections.list', {})).toEqual([]);
    expect((await api.call('items.get', { id: lib.paper })).collections).toEqual([]);
    await api.call('collections.restore', { id: lib.reading.id });
    expect(snapshot(api.library.db)).toEqual(before);
    expect((await api.call('collections.list', {})).map((c) => [c.name, c.itemCount])).toEqual([
      ['Reading', 2],
      ['Vision', 1],
    ]);
  });

  it('is emptied for good: items with their notes, memberships, tags and index entries, collections, notes and digests', async () => {
    const api = temp.host();
    const lib = await connectedLibrary(api);
    const standalone = await api.call('notes.create', { itemId: null, body: 'Standalone' });
    const before = snapshot(api.library.db);
    await api.call('items.trash', { ids: [lib.paper] });
    await api.call('collections.trash', { id: lib.reading.id });
    await api.call('notes.trash', { id: standalone.id });
    await api.call('digests.trash', { id: lib.jun17 });
    const beforeEmpty = snapshot(api.library.db);

    const result = await api.call('trash.empty', {});
    // Counted as what the trash listed: the paper's own note goes with the paper.
    expect(result).toEqual({ items: 1, collections: 2, notes: 1 });
    const db = api.library.db;
    expect(db.prepare('SELECT count(*) FROM items WHERE id = ?').pluck().get(lib.paper)).toBe(0);
    for (const table of ['item_extra', 'collection_items', 'item_tags', 'digest_items']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE item_id = ?`).pluck().get(lib.paper)).toBe(0);
    }
    expect(rowCount(db, 'collections')).toBe(0);
    expect(rowCount(db, 'collection_items')).toBe(0);
    expect(db.prepare('SELECT id FROM notes').pluck().all()).toEqual([lib.backlink.id]);
    expect(db.prepare('SELECT id FROM digests').pluck().all()).toEqual([lib.jun16]);
    expect(snapshot(db).index.some((entry) => entry.split(' ')[1] === String(lib.paper))).toBe(false);
    expect(await api.call('trash.contents', {})).toEqual({
      itemCount: 0,
      collections: [],
      notes: [],
      digests: [],
    });
    expect((await api.call('library.info', {})).trashCount).toBe(0);
    // The backlink note stays; its link now points at nothing.
    expect((await api.call('notes.get', { id: lib.backlink.id })).links).toHaveLength(1);

    // Emptying is one undoable step: undo brings every row back as it was.
    expect((await api.call('history.undo', {}))?.label).toBe('Empty the trash');
    expect(snapshot(db)).toEqual(beforeEmpty);
    // ...and the rest of the way back, step by step.
    for (let i = 0; i < 4; i++) await api.call('history.undo', {});
    expect(snapshot(db)).toEqual(before);
  });

  it('keeps sidebar counts right for memberships and tags given to an item while it was in the trash', async () => {
    const api = temp.host();
    const item = (await api.call('items.create', { data: ATTENTION })).id;
    await api.call('items.trash', { ids: [item] });
    const later = await api.call('collections.create', { name: 'Later', parentId: null });
    await api.call('collections.addItems', { id: later.id, itemIds: [item] });
    await api.call('tags.add', { itemIds: [item], names: ['fresh'] });
    await api.call('items.restore', { ids: [item] });
    expect((await api.call('collections.list', {})).map((c) => c.itemCount)).toEqual([1]);
    expect((await api.call('tags.list', {})).map((t) => t.itemCount)).toEqual([1]);
    expect(await api.call('items.count', { view: { kind: 'collection', id: later.id } })).toBe(1);
    expect(ids(api, { kind: 'collection', id: later.id })).toEqual([item]);
  });

  it('lists what it holds: collections, notes and digests by when they were deleted', async () => {
    const api = temp.host();
    const lib = await connectedLibrary(api);
    await api.call('notes.trash', { id: lib.note.id });
    api.clock.tick();
    await api.call('collections.trash', { id: lib.vision.id });
    const contents = await api.call('trash.contents', {});
    expect(contents.itemCount).toBe(0);
    expect(contents.collections).toEqual([
      { id: lib.vision.id, name: 'Vision', deleted: new Date(api.clock.ms).toISOString() },
    ]);
    expect(contents.notes.map((n) => n.title)).toEqual(['Artifacts']);
  });
});
