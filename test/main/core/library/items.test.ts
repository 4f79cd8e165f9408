// Items: every part of the data model survives a round trip through the library, keys
// are stable and random, dates added/modified behave, and bad input changes nothing.
import { describe, expect, it } from 'vitest';
import type { ItemData } from '../../../../src/shared/domain';
import { ATTENTION, paper } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('items');

const FULL: ItemData = {
  type: 'inproceedings',
  title: 'Deep Residual Learning for Image Recognition',
  abstract: 'Deeper neural networks are more difficult to train.',
  date: '2016-06',
  container: 'CVPR',
  volume: '1',
  issue: '3',
  pages: '770--778',
  publisher: 'IEEE',
  doi: '10.1109/CVPR.2016.90',
  arxiv: '1512.03385',
  url: 'https://example.org/resnet',
  language: 'en',
  creators: [
    { role: 'author', family: 'He', given: 'Kaiming' },
    { role: 'author', family: 'Zhang', given: 'Xiangyu' },
    { role: 'editor', family: 'Waals', given: 'Johannes', prefix: 'van der', suffix: 'Jr.' },
    { role: 'translator', literal: 'World Health Organization' },
  ],
  links: [
    { kind: 'code', url: 'https://github.com/KaimingHe/deep-residual-networks' },
    { kind: 'pdf', url: 'https://arxiv.org/pdf/1512.03385', label: 'preprint' },
  ],
  fields: { note: 'Best paper', 'x-custom.field': 'kept as is', eventtitle: 'CVPR 2016' },
};

describe('items', () => {
  it('keep every field, creators in order with roles and name parts, links with their kind, and the open field map', async () => {
    const api = temp.host();
    const created = await api.call('items.create', { data: FULL });
    const read = await api.call('items.get', { id: created.id });
    const { id: _id, key: _key, citekey: _citekey, added: _added, modified: _modified, ...data } = read;
    expect(data).toMatchObject(FULL);
    expect(read.creators.map((c) => c.family ?? c.literal)).toEqual([
      'He',
      'Zhang',
      'Waals',
      'World Health Organization',
    ]);
    expect(read.creators[2]).toEqual({
      role: 'editor',
      family: 'Waals',
      given: 'Johannes',
      prefix: 'van der',
      suffix: 'Jr.',
    });
    expect(read.fields).toEqual(FULL.fields);
    // ...and after the library is closed and opened again.
    const file = api.library.file;
    api.host.close();
    const again = temp.host(file);
    expect(await again.call('items.get', { id: created.id })).toMatchObject(FULL);
  });

  it('accept partial dates: a year, a month, a day', async () => {
    const api = temp.host();
    for (const date of ['1931', '2017-06', '2017-06-12']) {
      const item = await api.call('items.create', { data: paper({ title: `Paper of ${date}`, date }) });
      expect(item.date).toBe(date);
    }
    const bad = await api.failure('items.create', { data: paper({ title: 'Bad date', date: '2017-13' }) });
    expect(bad.code).toBe('invalid-argument');
  });

  it('get a stable random key, different for every item, that no edit changes', async () => {
    const api = temp.host();
    const a = await api.call('items.create', { data: ATTENTION });
    const b = await api.call('items.create', { data: paper({ title: 'Another paper' }) });
    expect(a.key).toMatch(/^[A-Z2-9]{12}$/);
    expect(b.key).not.toBe(a.key);
    const edited = await api.call('items.update', {
      id: a.id,
      patch: { title: 'Attention Is Not All You Need' },
    });
    expect(edited.key).toBe(a.key);
    expect(edited.citekey).toBe(a.citekey);
  });

  it('record when they were added and last modified', async () => {
    const api = temp.host();
    const created = await api.call('items.create', { data: ATTENTION });
    expect(created.added).toBe(new Date(api.clock.ms).toISOString());
    expect(created.modified).toBe(created.added);
    api.clock.tick(60_000);
    const edited = await api.call('items.update', { id: created.id, patch: { volume: '30' } });
    expect(edited.added).toBe(created.added);
    expect(edited.modified).toBe(new Date(api.clock.ms).toISOString());
  });

  it('clear an optional field edited to the empty string, and keep the others', async () => {
    const api = temp.host();
    const created = await api.call('items.create', { data: FULL });
    const edited = await api.call('items.update', { id: created.id, patch: { pages: '', date: '' } });
    expect(edited.pages).toBeUndefined();
    expect(edited.date).toBeUndefined();
    expect(edited.volume).toBe('1');
    expect(edited.fields).toEqual(FULL.fields);
  });

  it('replace the open field map only when an edit gives one', async () => {
    const api = temp.host();
    const created = await api.call('items.create', { data: FULL });
    const edited = await api.call('items.update', { id: created.id, patch: { fields: { note: 'changed' } } });
    expect(edited.fields).toEqual({ note: 'changed' });
  });

  it('refuse invalid data with a message that names the problem, and write nothing', async () => {
    const api = temp.host();
    const existing = await api.call('items.create', { data: ATTENTION });
    const before = snapshot(api.library.db);
    const cases: [Partial<ItemData>, RegExp][] = [
      [{ title: '   ' }, /title cannot be empty/],
      [{ doi: 'not a doi' }, /is not a DOI/],
      [{ url: 'ftp://example.org' }, /not a web address/],
      [{ arxiv: 'arxiv-ish' }, /not an arXiv id/],
    ];
    for (const [patch, message] of cases) {
      const created = await api.failure('items.create', { data: { ...ATTENTION, ...patch } });
      expect(created.code).toBe('invalid-argument');
      expect(created.message).toMatch(message);
      const edited = await api.failure('items.update', { id: existing.id, patch });
      expect(edited.code).toBe('invalid-argument');
      expect(edited.message).toMatch(message);
    }
    const schema = await api.failure('items.create', { data: { ...ATTENTION, type: 'poem' as never } });
    expect(schema.code).toBe('invalid-argument');
    const link = await api.failure('items.create', {
      data: { ...ATTENTION, links: [{ kind: 'code', url: 'javascript:alert(1)' }] },
    });
    expect(link.code).toBe('invalid-argument');
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.canUndo()?.label).toBe('Add item');
  });

  it('report an unknown item id as not found, for reads and for every change', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION });
    const before = snapshot(api.library.db);
    expect((await api.failure('items.get', { id: 999 })).code).toBe('not-found');
    expect((await api.failure('items.update', { id: 999, patch: { title: 'x' } })).code).toBe('not-found');
    expect((await api.failure('items.trash', { ids: [1, 999] })).code).toBe('not-found');
    expect((await api.failure('items.restore', { ids: [999] })).code).toBe('not-found');
    expect((await api.failure('tags.add', { itemIds: [1, 999], names: ['x'] })).code).toBe('not-found');
    expect(snapshot(api.library.db)).toEqual(before);
  });
});
