// Notes: Markdown, attached to an item or standalone; [[citation-key]] links and the
// backlinks they give; searchable; deleted to the trash and restored exactly.
import { describe, expect, it } from 'vitest';
import { ATTENTION, BERT, GODEL } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('notes');

describe('notes', () => {
  it('are attached to an item or standalone, keep their Markdown, and take their title from the first line', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const body = '# Why *attention* works\n\n- no recurrence\n- `softmax(QK^T)V`\n';
    const attached = await api.call('notes.create', { itemId: item.id, body });
    const standalone = await api.call('notes.create', { itemId: null, body: '\n\nReading plan for June' });
    expect(attached).toMatchObject({ itemId: item.id, title: 'Why attention works', body });
    expect(standalone).toMatchObject({ itemId: null, title: 'Reading plan for June' });
    expect((await api.call('notes.list', { itemId: item.id })).map((n) => n.id)).toEqual([attached.id]);
    expect((await api.call('notes.list', {})).map((n) => n.id).sort()).toEqual(
      [attached.id, standalone.id].sort(),
    );
    expect((await api.call('items.get', { id: item.id })).notes.map((n) => n.title)).toEqual([
      'Why attention works',
    ]);
  });

  it('link to items with [[citation-key]], and the item lists the notes that link to it', async () => {
    const api = temp.host();
    const attention = await api.call('items.create', { data: ATTENTION });
    const bert = await api.call('items.create', { data: BERT });
    const note = await api.call('notes.create', {
      itemId: bert.id,
      body: `Builds on [[${attention.citekey}]] and [[${attention.citekey.toUpperCase()}|the transformer]]; see also [[notYetImported2030]].`,
    });
    expect(note.links).toEqual([attention.citekey, 'notYetImported2030']);
    const detail = await api.call('items.get', { id: attention.id });
    expect(detail.backlinks.map((n) => n.id)).toEqual([note.id]);
    expect((await api.call('items.get', { id: bert.id })).backlinks).toEqual([]);

    // A link to a key that arrives later resolves then.
    const later = await api.call('items.create', { data: { ...GODEL, citekey: 'notYetImported2030' } });
    expect((await api.call('items.get', { id: later.id })).backlinks.map((n) => n.id)).toEqual([note.id]);

    // Editing the note rewrites its links.
    await api.call('notes.update', { id: note.id, body: 'Nothing linked any more.' });
    expect((await api.call('items.get', { id: attention.id })).backlinks).toEqual([]);
    expect((await api.call('notes.get', { id: note.id })).links).toEqual([]);
  });

  it('can be found by their words, whatever the case or accents', async () => {
    const api = temp.host();
    await api.call('notes.create', { itemId: null, body: 'Gödel numbering, ÜBER alles' });
    await api.call('notes.create', { itemId: null, body: 'Something else; 100% unrelated' });
    const titles = async (text: string) => (await api.call('notes.list', { text })).map((n) => n.title);
    expect(await titles('numbering')).toEqual(['Gödel numbering, ÜBER alles']);
    expect(await titles('NUMBERING gödel')).toEqual(['Gödel numbering, ÜBER alles']);
    expect(await titles('Godel')).toEqual(['Gödel numbering, ÜBER alles']);
    expect(await titles('über')).toEqual(['Gödel numbering, ÜBER alles']);
    expect(await titles('100%')).toEqual(['Something else; 100% unrelated']);
    expect(await titles('10_%')).toEqual([]);
  });

  it('are deleted to the trash and restored exactly, links included', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const note = await api.call('notes.create', { itemId: null, body: `About [[${item.citekey}]]` });
    const before = snapshot(api.library.db);
    await api.call('notes.trash', { id: note.id });
    expect(await api.call('notes.list', {})).toEqual([]);
    expect((await api.call('items.get', { id: item.id })).backlinks).toEqual([]);
    expect((await api.call('trash.contents', {})).notes.map((n) => n.id)).toEqual([note.id]);
    await api.call('notes.restore', { id: note.id });
    expect(snapshot(api.library.db)).toEqual(before);
    expect((await api.call('items.get', { id: item.id })).backlinks.map((n) => n.id)).toEqual([note.id]);
  });

  it('of an item in the trash are hidden with it and come back with it', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    await api.call('notes.create', { itemId: item.id, body: 'Attached' });
    await api.call('items.trash', { ids: [item.id] });
    expect(await api.call('notes.list', {})).toEqual([]);
    await api.call('items.restore', { ids: [item.id] });
    expect((await api.call('notes.list', {})).map((n) => n.title)).toEqual(['Attached']);
  });

  it('refuse an unknown item, an unknown note, and a body over the limit, writing nothing', async () => {
    const api = temp.host();
    const before = snapshot(api.library.db);
    expect((await api.failure('notes.create', { itemId: 42, body: 'x' })).code).toBe('not-found');
    expect((await api.failure('notes.update', { id: 42, body: 'x' })).code).toBe('not-found');
    expect((await api.failure('notes.trash', { id: 42 })).code).toBe('not-found');
    expect((await api.failure('notes.get', { id: 42 })).code).toBe('not-found');
    const long = await api.failure('notes.create', { itemId: null, body: 'x'.repeat(1_000_001) });
    expect(long.code).toBe('invalid-argument');
    expect(snapshot(api.library.db)).toEqual(before);
  });
});
