// Undo and redo: every user-level change is one step that undo reverses exactly (rows,
// counts, search index) and redo replays; at least the last 100 steps, kept across
// restarts; a step that conflicts with later changes is refused without changing anything.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addToCollection, createCollection } from '../../../../src/main/core/library/collections';
import { importFixture } from '../../../support/imports';
import { ATTENTION, BERT, GODEL } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('history');

/** Undo reverses `change` exactly and redo replays it exactly, as one step named `label`. */
async function expectOneUndoableStep(api: Api, label: string | RegExp, change: () => Promise<unknown>) {
  const before = snapshot(api.library.db);
  const steps = api.library.historySteps(1000).length;
  await change();
  const after = snapshot(api.library.db);
  expect(after).not.toEqual(before);
  expect(api.library.historySteps(1000)).toHaveLength(steps + 1);
  const undone = await api.call('history.undo', {});
  expect(undone?.label).toMatch(label);
  expect(snapshot(api.library.db)).toEqual(before);
  const redone = await api.call('history.redo', {});
  expect(redone?.label).toMatch(label);
  expect(snapshot(api.library.db)).toEqual(after);
}

async function populated(api: Api) {
  const a = (await api.call('items.create', { data: ATTENTION })).id;
  const b = (await api.call('items.create', { data: BERT })).id;
  const c = (await api.call('items.create', { data: GODEL })).id;
  const parent = await api.call('collections.create', { name: 'Parent', parentId: null });
  const child = await api.call('collections.create', { name: 'Child', parentId: parent.id });
  const other = await api.call('collections.create', { name: 'Other', parentId: null });
  await api.call('collections.addItems', { id: child.id, itemIds: [a] });
  await api.call('tags.add', { itemIds: [a, b], names: ['to-read'] });
  const note = await api.call('notes.create', { itemId: a, body: 'Read [[devlinBERTPreTraining2019]]' });
  return { a, b, c, parent, child, other, note };
}

describe('undo and redo', () => {
  it('treat each kind of change as one exact step', async () => {
    const api = temp.host();
    const lib = await populated(api);
    await expectOneUndoableStep(api, 'Add item', () => api.call('items.create', { data: ATTENTION }));
    await expectOneUndoableStep(api, 'Edit title', () =>
      api.call('items.update', { id: lib.a, patch: { title: 'Attention, again' } }),
    );
    await expectOneUndoableStep(api, 'Edit item', () =>
      api.call('items.update', { id: lib.a, patch: { tags: ['other'], date: '2018', fields: { x: 'y' } } }),
    );
    await expectOneUndoableStep(api, 'Move 2 items to the trash', () =>
      api.call('items.trash', { ids: [lib.a, lib.b] }),
    );
    await expectOneUndoableStep(api, /Move collection "Parent"/, () =>
      api.call('collections.move', { id: lib.parent.id, parentId: lib.other.id }),
    );
    await expectOneUndoableStep(api, 'Add 3 items to "Other"', () =>
      api.call('collections.addItems', { id: lib.other.id, itemIds: [lib.a, lib.b, lib.c] }),
    );
    await expectOneUndoableStep(api, /Move 1 item/, () =>
      api.call('collections.moveItems', { from: lib.child.id, to: lib.other.id, itemIds: [lib.a] }),
    );
    await expectOneUndoableStep(api, /Rename collection/, () =>
      api.call('collections.rename', { id: lib.child.id, name: 'Renamed' }),
    );
    await expectOneUndoableStep(api, /Delete collection "Parent"/, () =>
      api.call('collections.trash', { id: lib.parent.id }),
    );
    await expectOneUndoableStep(api, /Tag 3 items/, () =>
      api.call('tags.add', { itemIds: [lib.a, lib.b, lib.c], names: ['x', 'y'] }),
    );
    await expectOneUndoableStep(api, 'Edit note', () =>
      api.call('notes.update', { id: lib.note.id, body: 'Rewritten [[vaswaniAttentionAllYou2017]]' }),
    );
    await expectOneUndoableStep(api, /Delete note/, () => api.call('notes.trash', { id: lib.note.id }));
    await expectOneUndoableStep(api, /Merge 2 copies/, () =>
      api.call('duplicates.merge', { keepId: lib.a, otherIds: [lib.b] }),
    );
  });

  it('treat a whole import as one step', async () => {
    const api = temp.host();
    await expectOneUndoableStep(api, /Import digest .* \(3 papers\)/, () =>
      importFixture(api, 'digest-jun16.txt'),
    );
  });

  it('undo a step that made a collection and a subcollection, or deleted both for good', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    await expectOneUndoableStep(api, 'New collections', async () =>
      api.library.write('New collections', () => {
        const parent = createCollection(api.library.db, 'Parent', null, 1);
        const child = createCollection(api.library.db, 'Child', parent, 1);
        createCollection(api.library.db, 'Grandchild', child, 1);
        addToCollection(api.library.db, child, [item.id], 1);
      }),
    );
    const [parent] = await api.call('collections.list', {});
    await api.call('collections.trash', { id: parent!.id });
    await expectOneUndoableStep(api, 'Empty the trash', () => api.call('trash.empty', {}));
  });

  it('undo steps newest first, then redo them oldest first', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    for (const volume of ['1', '2', '3']) await api.call('items.update', { id: item.id, patch: { volume } });
    const volume = async () => (await api.call('items.get', { id: item.id })).volume;
    await api.call('history.undo', {});
    expect(await volume()).toBe('2');
    await api.call('history.undo', {});
    expect(await volume()).toBe('1');
    await api.call('history.redo', {});
    expect(await volume()).toBe('2');
    expect(api.library.historySteps().map((s) => s.undone)).toEqual([true, false, false, false]);
  });

  it('drop the redo stack when a new change is made', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('items.update', { id: item.id, patch: { volume: '1' } });
    await api.call('history.undo', {});
    expect(api.library.canRedo()?.label).toBe('Edit volume');
    await api.call('items.update', { id: item.id, patch: { issue: '7' } });
    expect(api.library.canRedo()).toBeUndefined();
    expect(await api.call('history.redo', {})).toBeNull();
    expect((await api.call('items.get', { id: item.id })).volume).toBeUndefined();
  });

  it('record nothing for a change that changes nothing, and answer null when there is nothing to undo', async () => {
    const api = temp.host();
    expect(await api.call('history.undo', {})).toBeNull();
    expect(await api.call('history.redo', {})).toBeNull();
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('tags.add', { itemIds: [item.id], names: ['x'] });
    const steps = api.library.historySteps().length;
    await api.call('tags.add', { itemIds: [item.id], names: ['x'] });
    await api.call('tags.remove', { itemIds: [item.id], names: ['never-there'] });
    expect(api.library.historySteps()).toHaveLength(steps);
  });

  it('keep at least the last 100 steps', async () => {
    const api = temp.host();
    const start = snapshot(api.library.db);
    const item = await api.call('items.create', { data: ATTENTION });
    for (let i = 1; i <= 120; i++)
      await api.call('items.update', { id: item.id, patch: { pages: String(i) } });
    expect(api.library.historySteps(1000)).toHaveLength(121);
    for (let i = 0; i < 121; i++) expect(await api.call('history.undo', {})).not.toBeNull();
    expect(snapshot(api.library.db)).toEqual(start);
    expect(await api.call('history.undo', {})).toBeNull();
  });

  it('forget the oldest steps beyond the configured limit', async () => {
    const api = temp.host(undefined, { historyLimit: 5 });
    const item = await api.call('items.create', { data: ATTENTION });
    for (let i = 1; i <= 8; i++) await api.call('items.update', { id: item.id, patch: { pages: String(i) } });
    expect(api.library.historySteps(1000)).toHaveLength(5);
    for (let i = 0; i < 5; i++) await api.call('history.undo', {});
    expect(await api.call('history.undo', {})).toBeNull();
    expect((await api.call('items.get', { id: item.id })).pages).toBe('3');
  });

  it('are kept across restarts, undo and redo stacks both', async () => {
    const api = temp.host();
    const file = api.library.file;
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('items.update', { id: item.id, patch: { volume: '1' } });
    await api.call('items.update', { id: item.id, patch: { volume: '2' } });
    await api.call('history.undo', {});
    api.host.close();

    const again = temp.host(file);
    expect(again.library.canUndo()?.label).toBe('Edit volume');
    expect(again.library.canRedo()?.label).toBe('Edit volume');
    await again.call('history.redo', {});
    expect((await again.call('items.get', { id: item.id })).volume).toBe('2');
    await again.call('history.undo', {});
    await again.call('history.undo', {});
    await again.call('history.undo', {});
    expect(await again.call('library.info', {})).toMatchObject({ itemCount: 0 });
  });

  it('refuse to undo a step the library has since contradicted, and change nothing', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('items.update', { id: item.id, patch: { volume: '1' } });
    // Something outside Sheaf's history removes the row the step would restore.
    const raw = new Database(api.library.file);
    raw.pragma('foreign_keys = ON');
    raw.prepare('DELETE FROM items WHERE id = ?').run(item.id);
    raw.close();
    const before = snapshot(api.library.db);
    const failure = await api.failure('history.undo', {});
    expect(failure.code).toBe('conflict');
    expect(failure.message).toMatch(/Cannot undo "Edit volume": the library has changed/);
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.canUndo()?.label).toBe('Edit volume');
  });

  it('tell listeners about each change, undo and redo included', async () => {
    const api = temp.host();
    const heard: string[] = [];
    api.host.onEvent((event, payload) => {
      if (event === 'library.changed') heard.push((payload as { label: string }).label);
    });
    await api.call('items.create', { data: ATTENTION });
    await api.call('history.undo', {});
    await api.call('history.redo', {});
    expect(heard).toEqual(['Add item', 'Undo', 'Redo']);
  });
});
