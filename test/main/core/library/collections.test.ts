// Collections: nested to any depth, ordered among siblings, renamable, movable (never
// into themselves), an item in many, "Unfiled" = in none; refused changes write nothing.
import { describe, expect, it } from 'vitest';
import { collectionPath } from '../../../../src/main/core/library/collections';
import type { Collection } from '../../../../src/shared/domain';
import { ATTENTION, BERT, GODEL } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('collections');

async function create(api: Api, name: string, parentId: number | null = null): Promise<Collection> {
  return api.call('collections.create', { name, parentId });
}

/** The tree as "path" strings, in display order (parents first, siblings by position). */
async function tree(api: Api): Promise<string[]> {
  const list = await api.call('collections.list', {});
  return list.map((c) => collectionPath(api.library.db, c.id));
}

async function children(api: Api, parentId: number | null): Promise<string[]> {
  return (await api.call('collections.list', {})).filter((c) => c.parentId === parentId).map((c) => c.name);
}

const ids = (api: Api, view: Parameters<Api['library']['lists']['windowIds']>[0]['view']) =>
  api.library.lists.windowIds({ view, sort: { field: 'added', direction: 'asc' }, offset: 0, limit: 100 });

describe('collections', () => {
  it('nest to any depth', async () => {
    const api = temp.host();
    let parent: number | null = null;
    const names = Array.from({ length: 12 }, (_, i) => `Level ${i + 1}`);
    for (const name of names) parent = (await create(api, name, parent)).id;
    expect(collectionPath(api.library.db, parent!)).toBe(names.join('/'));
    expect(await tree(api)).toHaveLength(12);
  });

  it('keep their order among siblings, and a move can place one at a position', async () => {
    const api = temp.host();
    const a = await create(api, 'Alpha');
    await create(api, 'Beta');
    const c = await create(api, 'Gamma');
    expect(await children(api, null)).toEqual(['Alpha', 'Beta', 'Gamma']);
    await api.call('collections.move', { id: c.id, parentId: null, position: 0 });
    expect(await children(api, null)).toEqual(['Gamma', 'Alpha', 'Beta']);
    await api.call('collections.move', { id: c.id, parentId: null, position: 99 });
    expect(await children(api, null)).toEqual(['Alpha', 'Beta', 'Gamma']);
    await api.call('collections.move', { id: a.id, parentId: null, position: 1 });
    expect(await children(api, null)).toEqual(['Beta', 'Alpha', 'Gamma']);
  });

  it('can be renamed, keeping their members and children', async () => {
    const api = temp.host();
    const reading = await create(api, 'Reading');
    const child = await create(api, 'Transformers', reading.id);
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('collections.addItems', { id: reading.id, itemIds: [item.id] });
    await api.call('collections.rename', { id: reading.id, name: '  To   read ' });
    expect(await tree(api)).toEqual(['To read', 'To read/Transformers']);
    expect(ids(api, { kind: 'collection', id: reading.id })).toEqual([item.id]);
    expect(collectionPath(api.library.db, child.id)).toBe('To read/Transformers');
  });

  it('move under another collection with their whole subtree, or back to the top level', async () => {
    const api = temp.host();
    const a = await create(api, 'A');
    const b = await create(api, 'B');
    const b1 = await create(api, 'B1', b.id);
    await create(api, 'B11', b1.id);
    await api.call('collections.move', { id: b.id, parentId: a.id });
    expect(await tree(api)).toEqual(['A', 'A/B', 'A/B/B1', 'A/B/B1/B11']);
    await api.call('collections.move', { id: b1.id, parentId: null });
    expect((await tree(api)).sort()).toEqual(['A', 'A/B', 'B1', 'B1/B11']);
  });

  it('refuse a move into themselves or into one of their descendants, changing nothing', async () => {
    const api = temp.host();
    const a = await create(api, 'A');
    const b = await create(api, 'B', a.id);
    const c = await create(api, 'C', b.id);
    const before = snapshot(api.library.db);
    const steps = api.library.historySteps().length;
    for (const target of [a.id, b.id, c.id]) {
      const failure = await api.failure('collections.move', { id: a.id, parentId: target });
      expect(failure.code).toBe('cycle');
      expect(failure.message).toMatch(/Cannot move "A" into itself or one of its subcollections/);
    }
    expect((await api.failure('collections.move', { id: b.id, parentId: c.id })).code).toBe('cycle');
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.historySteps()).toHaveLength(steps);
    expect(await tree(api)).toEqual(['A', 'A/B', 'A/B/C']);
  });

  it('have names unique among live siblings (ignoring case), and not empty', async () => {
    const api = temp.host();
    const a = await create(api, 'Reading');
    const other = await create(api, 'Other');
    await create(api, 'reading', other.id); // same name elsewhere is fine
    const before = snapshot(api.library.db);
    expect((await api.failure('collections.create', { name: 'READING', parentId: null })).code).toBe(
      'conflict',
    );
    expect((await api.failure('collections.rename', { id: other.id, name: 'reading' })).code).toBe(
      'conflict',
    );
    expect((await api.failure('collections.move', { id: a.id, parentId: other.id })).code).toBe('conflict');
    const empty = await api.failure('collections.create', { name: '   ', parentId: null });
    expect(empty.code).toBe('invalid-argument');
    expect(empty.message).toMatch(/cannot be empty/);
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it('report unknown collections as not found', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    for (const failure of [
      await api.failure('collections.rename', { id: 404, name: 'x' }),
      await api.failure('collections.move', { id: 404, parentId: null }),
      await api.failure('collections.create', { name: 'x', parentId: 404 }),
      await api.failure('collections.addItems', { id: 404, itemIds: [item.id] }),
      await api.failure('collections.trash', { id: 404 }),
    ]) {
      expect(failure.code).toBe('not-found');
    }
    expect(await api.call('collections.list', {})).toEqual([]);
  });

  it('refuse a batch naming an item that does not exist, naming it and adding nothing', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const from = await create(api, 'From');
    const to = await create(api, 'To');
    await api.call('collections.addItems', { id: from.id, itemIds: [item.id] });
    const before = snapshot(api.library.db);
    for (const failure of [
      await api.failure('collections.addItems', { id: to.id, itemIds: [item.id, 4040] }),
      await api.failure('collections.moveItems', { from: from.id, to: to.id, itemIds: [4040, item.id] }),
    ]) {
      expect(failure.code).toBe('not-found');
      expect(failure.message).toMatch(/4040/);
    }
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it('hold an item in many collections, with counts, and "Unfiled" lists the items in none', async () => {
    const api = temp.host();
    const a = await api.call('items.create', { data: ATTENTION });
    const b = await api.call('items.create', { data: BERT });
    const c = await api.call('items.create', { data: GODEL });
    const nlp = await create(api, 'NLP');
    const classics = await create(api, 'Classics');
    expect(ids(api, { kind: 'unfiled' })).toEqual([a.id, b.id, c.id]);
    const added = await api.call('collections.addItems', { id: nlp.id, itemIds: [a.id, b.id, a.id] });
    expect(added.added).toBe(2);
    await api.call('collections.addItems', { id: classics.id, itemIds: [a.id] });
    expect(ids(api, { kind: 'collection', id: nlp.id })).toEqual([a.id, b.id]);
    expect(ids(api, { kind: 'collection', id: classics.id })).toEqual([a.id]);
    expect(ids(api, { kind: 'unfiled' })).toEqual([c.id]);
    expect((await api.call('items.get', { id: a.id })).collections.map((x) => x.path)).toEqual([
      'Classics',
      'NLP',
    ]);
    const counts = Object.fromEntries(
      (await api.call('collections.list', {})).map((x) => [x.name, x.itemCount]),
    );
    expect(counts).toEqual({ NLP: 2, Classics: 1 });

    expect((await api.call('collections.removeItems', { id: nlp.id, itemIds: [b.id] })).removed).toBe(1);
    expect(ids(api, { kind: 'unfiled' })).toEqual([b.id, c.id]);
    // Moving between collections is one step: from NLP to Classics.
    await api.call('collections.moveItems', { from: nlp.id, to: classics.id, itemIds: [a.id] });
    expect(ids(api, { kind: 'collection', id: nlp.id })).toEqual([]);
    expect(ids(api, { kind: 'collection', id: classics.id })).toEqual([a.id]);
  });

  it('show the items of subcollections too when asked for recursively', async () => {
    const api = temp.host();
    const a = await api.call('items.create', { data: ATTENTION });
    const b = await api.call('items.create', { data: BERT });
    const parent = await create(api, 'Parent');
    const child = await create(api, 'Child', parent.id);
    await api.call('collections.addItems', { id: parent.id, itemIds: [a.id] });
    await api.call('collections.addItems', { id: child.id, itemIds: [a.id, b.id] });
    expect(ids(api, { kind: 'collection', id: parent.id })).toEqual([a.id]);
    expect(ids(api, { kind: 'collection', id: parent.id, recursive: true })).toEqual([a.id, b.id]);
    expect(
      await api.call('items.count', { view: { kind: 'collection', id: parent.id, recursive: true } }),
    ).toBe(2);
  });

  it('are deleted to the trash with their subtree; their items stay in the library, and count as unfiled meanwhile', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const parent = await create(api, 'Parent');
    const child = await create(api, 'Child', parent.id);
    await api.call('collections.addItems', { id: child.id, itemIds: [item.id] });
    await api.call('collections.trash', { id: parent.id });
    expect(await tree(api)).toEqual([]);
    expect(ids(api, { kind: 'library' })).toEqual([item.id]);
    expect(ids(api, { kind: 'unfiled' })).toEqual([item.id]);
    expect((await api.call('items.get', { id: item.id })).collections).toEqual([]);
    expect((await api.call('trash.contents', {})).collections.map((c) => c.name)).toEqual(['Parent']);
    // A trashed collection takes no new members, and its name is free again.
    expect((await api.failure('collections.addItems', { id: child.id, itemIds: [item.id] })).code).toBe(
      'not-found',
    );
    await create(api, 'Parent');
    // Restoring while a live sibling has the name is refused...
    expect((await api.failure('collections.restore', { id: parent.id })).code).toBe('conflict');
  });
});
