// Tags: many per item, one tag regardless of case, optionally coloured, counted, and
// a view of the items that carry them.
import { describe, expect, it } from 'vitest';
import { ATTENTION, BERT, GODEL } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('tags');

const tagged = (api: Api, names: string[]) =>
  api.library.lists.windowIds({
    view: { kind: 'tags', names },
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 100,
  });

async function threeItems(api: Api): Promise<number[]> {
  const ids: number[] = [];
  for (const data of [ATTENTION, BERT, GODEL]) ids.push((await api.call('items.create', { data })).id);
  return ids;
}

describe('tags', () => {
  it('are added to and removed from many items at once, each item showing its own', async () => {
    const api = temp.host();
    const [a, b, c] = await threeItems(api);
    expect((await api.call('tags.add', { itemIds: [a!, b!], names: ['to-read', 'nlp'] })).added).toBe(4);
    expect((await api.call('tags.add', { itemIds: [a!], names: ['to-read'] })).added).toBe(0);
    expect((await api.call('items.get', { id: a! })).tags).toEqual(['nlp', 'to-read']);
    expect((await api.call('items.get', { id: c! })).tags).toEqual([]);
    expect(tagged(api, ['to-read'])).toEqual([a, b]);
    expect(tagged(api, ['to-read', 'nlp'])).toEqual([a, b]);
    expect((await api.call('tags.remove', { itemIds: [a!], names: ['to-read', 'never-used'] })).removed).toBe(
      1,
    );
    expect(tagged(api, ['to-read'])).toEqual([b]);
    expect(tagged(api, ['to-read', 'nlp'])).toEqual([b]);
  });

  it('are one tag whatever the case, keeping the spelling first used', async () => {
    const api = temp.host();
    const [a, b] = await threeItems(api);
    await api.call('tags.add', { itemIds: [a!], names: ['Deep Learning'] });
    await api.call('tags.add', { itemIds: [b!], names: ['deep   learning '] });
    const tags = await api.call('tags.list', {});
    expect(tags.map((t) => [t.name, t.itemCount])).toEqual([['Deep Learning', 2]]);
    expect(tagged(api, ['DEEP LEARNING'])).toEqual([a, b]);
  });

  it('are counted for the sidebar, and the count follows the trash', async () => {
    const api = temp.host();
    const [a, b] = await threeItems(api);
    await api.call('tags.add', { itemIds: [a!, b!], names: ['to-read'] });
    const count = async () => (await api.call('tags.list', {})).find((t) => t.name === 'to-read')!.itemCount;
    expect(await count()).toBe(2);
    await api.call('items.trash', { ids: [a!] });
    expect(await count()).toBe(1);
    expect(tagged(api, ['to-read'])).toEqual([b]);
    await api.call('items.restore', { ids: [a!] });
    expect(await count()).toBe(2);
  });

  it('can be coloured, and the colour cleared', async () => {
    const api = temp.host();
    const [a] = await threeItems(api);
    await api.call('tags.add', { itemIds: [a!], names: ['important'] });
    const id = (await api.call('tags.list', {}))[0]!.id;
    await api.call('tags.setColor', { id, color: '#ff8800' });
    expect((await api.call('tags.list', {}))[0]).toMatchObject({ name: 'important', color: '#ff8800' });
    await api.call('tags.setColor', { id, color: null });
    expect((await api.call('tags.list', {}))[0]!.color).toBeUndefined();
    expect((await api.failure('tags.setColor', { id, color: 'orange' })).code).toBe('invalid-argument');
    expect((await api.failure('tags.setColor', { id: 999, color: '#000000' })).code).toBe('not-found');
  });

  it('renamed onto an existing tag merge into it', async () => {
    const api = temp.host();
    const [a, b] = await threeItems(api);
    await api.call('tags.add', { itemIds: [a!], names: ['ml'] });
    await api.call('tags.add', { itemIds: [a!, b!], names: ['machine-learning'] });
    const ml = (await api.call('tags.list', {})).find((t) => t.name === 'ml')!;
    await api.call('tags.rename', { id: ml.id, name: 'Machine-Learning' });
    expect((await api.call('tags.list', {})).map((t) => [t.name, t.itemCount])).toEqual([
      ['machine-learning', 2],
    ]);
    // The search index follows: the old name no longer finds anything.
    const search = (q: string) =>
      api.library.lists.windowIds({
        view: { kind: 'library' },
        search: q,
        sort: { field: 'added', direction: 'asc' },
        offset: 0,
        limit: 10,
      });
    expect(search('tag:ml ')).toEqual([]);
    expect(search('machine learning ')).toEqual([a, b]);
  });

  it('refuse empty names, and deleting one removes it from every item in one undoable step', async () => {
    const api = temp.host();
    const [a, b] = await threeItems(api);
    const before = snapshot(api.library.db);
    expect((await api.failure('tags.add', { itemIds: [a!], names: ['  '] })).code).toBe('invalid-argument');
    expect(snapshot(api.library.db)).toEqual(before);
    await api.call('tags.add', { itemIds: [a!, b!], names: ['x'] });
    const withTag = snapshot(api.library.db);
    await api.call('tags.delete', { id: (await api.call('tags.list', {}))[0]!.id });
    expect(await api.call('tags.list', {})).toEqual([]);
    expect((await api.call('items.get', { id: a! })).tags).toEqual([]);
    await api.call('history.undo', {});
    expect(snapshot(api.library.db)).toEqual(withTag);
  });
});
