// Duplicates: found when records are imported (same DOI, same arXiv id in any version,
// or the same title, normalised, and a compatible year) and across the library on
// request; merging keeps the union of everything attached to the copies, and undoes.
import { describe, expect, it } from 'vitest';
import { importText } from '../../../support/imports';
import { ATTENTION, BERT, paper } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('duplicates');

type Csl = Record<string, unknown>;
const csl = (records: Csl[]) =>
  JSON.stringify(records.map((r, i) => ({ id: `r${i}`, type: 'article-journal', ...r })));

async function importCsl(api: Api, records: Csl[]) {
  return importText(api, csl(records), { name: 'refs.json' });
}

describe('duplicates on import', () => {
  it('are recognised by DOI, whatever its case or form', async () => {
    const api = temp.host();
    await importCsl(api, [{ title: 'One title', DOI: '10.5555/Abc.123' }]);
    const second = await importCsl(api, [
      { title: 'Another title entirely', DOI: '10.5555/ABC.123' },
      { title: 'Yet another', DOI: 'https://doi.org/10.5555/abc.123' },
      { title: 'And one more', DOI: 'doi:10.5555/abc.123' },
    ]);
    expect(second).toMatchObject({ added: 0, duplicates: 3 });
    expect((await api.call('library.info', {})).itemCount).toBe(1);
  });

  it('are recognised by DOI when the stored one was written as a link', async () => {
    const api = temp.host();
    await importCsl(api, [{ title: 'Linked DOI', DOI: 'https://doi.org/10.5555/XYZ' }]);
    const second = await importCsl(api, [{ title: 'Bare DOI', DOI: '10.5555/xyz' }]);
    expect(second).toMatchObject({ added: 0, duplicates: 1 });
  });

  it('are recognised by arXiv id, in any version and with or without its prefix', async () => {
    const api = temp.host();
    await api.call('items.create', { data: ATTENTION }); // arXiv 1706.03762
    const report = await importCsl(api, [
      { title: 'Different title', number: 'arXiv:1706.03762v5' },
      { title: 'Other', archive: 'arXiv', archive_location: '1706.03762v1' },
    ]);
    expect(report).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('are recognised by title (ignoring case, accents and punctuation) with the same or an unknown year', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION }); // 2017
    const report = await importCsl(api, [
      { title: 'ATTENTION is all you need!', issued: { 'date-parts': [[2017]] } },
      { title: 'Attention is all you need' },
      { title: 'Âttention — is all you need', issued: { 'date-parts': [[2017, 12]] } },
      { title: 'Attention Is All You Need', issued: { 'date-parts': [[2021]] } }, // another year: another work
      { title: 'Attention Is All You Need', number: 'arXiv:2101.00001', issued: { 'date-parts': [[2017]] } }, // another arXiv id: another work
    ]);
    expect(report).toMatchObject({ added: 2, duplicates: 3 });
    expect(report.itemIds.slice(0, 3)).toEqual([item.id, item.id, item.id]);
  });

  it('do not match short titles on their own', async () => {
    const api = temp.host();
    await api.call('items.create', { data: paper({ title: 'Intro' }) });
    expect(await importCsl(api, [{ title: 'Intro' }])).toMatchObject({ added: 1, duplicates: 0 });
  });

  it('are shown in the preview, and an import fills what the stored copy lacks and adds its tags', async () => {
    const api = temp.host();
    const item = await api.call('items.create', {
      data: paper({ title: 'Attention Is All You Need', date: '2017' }),
    });
    const text = csl([
      {
        title: 'Attention is all you need',
        issued: { 'date-parts': [[2017]] },
        'container-title': 'NeurIPS',
        abstract: 'An abstract.',
        keyword: 'transformers',
      },
    ]);
    const preview = await api.call('import.preview', { input: { text, name: 'refs.json' } });
    expect(preview.duplicates).toBe(1);
    expect(preview.records[0]!.duplicateOf).toEqual({ id: item.id, title: 'Attention Is All You Need' });
    expect((await api.call('library.info', {})).itemCount).toBe(1);
    const report = await api.call('import.commit', { previewId: preview.id });
    expect(report).toMatchObject({ added: 0, duplicates: 1, updated: 1 });
    const detail = await api.call('items.get', { id: item.id });
    expect(detail).toMatchObject({
      title: 'Attention Is All You Need',
      container: 'NeurIPS',
      abstract: 'An abstract.',
    });
    expect(detail.tags).toEqual(['transformers']);
  });

  it('ignore items in the trash', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: BERT });
    await api.call('items.trash', { ids: [item.id] });
    expect(await importCsl(api, [{ title: 'BERT again', DOI: BERT.doi! }])).toMatchObject({ added: 1 });
  });

  it('are never records of the same file, however many share a title; a second import finds each', async () => {
    const api = temp.host();
    // More records than a one-transaction import takes, so the chunked path runs too.
    const records = Array.from({ length: 2500 }, (_, i) => ({
      title: 'Editorial',
      issued: { 'date-parts': [[2000 + (i % 20)]] },
      page: String(i + 1),
    }));
    expect(await importCsl(api, records)).toMatchObject({ added: 2500, duplicates: 0 });
    expect(await importCsl(api, records.slice(0, 10))).toMatchObject({ added: 0, duplicates: 10 });
    expect((await api.call('library.info', {})).itemCount).toBe(2500);
  });
});

describe('duplicates on request', () => {
  it('are grouped across the library by any of the rules, live items only', async () => {
    const api = temp.host();
    const create = async (data: Parameters<typeof paper>[0]) =>
      (await api.call('items.create', { data: paper(data) })).id;
    const a1 = await create({ title: 'Alpha paper title', doi: '10.1000/A' });
    const a2 = await create({ title: 'Something else', doi: '10.1000/a' });
    const a3 = await create({ title: 'Something else', arxiv: '2301.00001' }); // same title as a2: joins the group
    const b1 = await create({ title: 'Beta paper title', arxiv: '2301.00002v1' });
    const b2 = await create({ title: 'Other', arxiv: 'arXiv:2301.00002v3' });
    await create({ title: 'Gamma paper title', date: '2020' });
    await create({ title: 'Gamma paper title', date: '2021' });
    const t1 = await create({ title: 'Delta paper title', date: '2020' });
    await create({ title: 'Delta paper title', date: '2020' }).then((id) =>
      api.call('items.trash', { ids: [id] }),
    );
    const groups = await api.call('duplicates.find', {});
    expect(groups.sort((x, y) => x[0]! - y[0]!)).toEqual([
      [a1, a2, a3],
      [b1, b2],
    ]);
    expect(groups.flat()).not.toContain(t1);
  });
});

describe('merging duplicates', () => {
  it('keeps the union of collections, tags, notes, links and digests, fills empty fields, trashes the others, and undoes exactly', async () => {
    const api = temp.host();
    const keep = await api.call('items.create', {
      data: {
        ...paper({ title: 'Attention Is All You Need', authors: ['Vaswani, Ashish'], date: '2017' }),
        links: [{ kind: 'code', url: 'https://github.com/a' }],
      },
    });
    const copy = await api.call('items.create', {
      data: {
        ...paper({
          title: 'Attention is all you need',
          date: '2017',
          doi: '10.5555/att',
          fields: { note: 'from copy' },
        }),
        links: [
          { kind: 'code', url: 'https://github.com/a' },
          { kind: 'project', url: 'https://project.example.org' },
        ],
      },
    });
    const reading = await api.call('collections.create', { name: 'Reading', parentId: null });
    const nlp = await api.call('collections.create', { name: 'NLP', parentId: null });
    await api.call('collections.addItems', { id: reading.id, itemIds: [keep.id] });
    await api.call('collections.addItems', { id: nlp.id, itemIds: [copy.id] });
    await api.call('tags.add', { itemIds: [keep.id], names: ['a'] });
    await api.call('tags.add', { itemIds: [copy.id], names: ['b'] });
    const note = await api.call('notes.create', { itemId: copy.id, body: 'Note on the copy' });
    const digest = await importText(
      api,
      'Daily Papers\n\nJun 16\n\nAttention is all you need\n\nAn abstract for the digest.\n',
      {
        yearHint: 2017,
      },
    );
    expect(digest.duplicates).toBe(1);
    const [group] = await api.call('duplicates.find', {});
    expect(group).toEqual([keep.id, copy.id]);
    const before = snapshot(api.library.db);

    await api.call('duplicates.merge', { keepId: keep.id, otherIds: [copy.id] });
    const merged = await api.call('items.get', { id: keep.id });
    expect(merged.collections.map((c) => c.path)).toEqual(['NLP', 'Reading']);
    expect(merged.tags).toEqual(['a', 'b']);
    expect(merged.notes.map((n) => n.id)).toEqual([note.id]);
    expect(merged.links.map((l) => l.url)).toEqual(['https://github.com/a', 'https://project.example.org']);
    expect(merged.digests.map((d) => d.id)).toEqual([digest.digest!.id]);
    expect(merged).toMatchObject({
      doi: '10.5555/att',
      fields: { note: 'from copy' },
      creators: keep.creators,
    });
    expect((await api.call('items.get', { id: copy.id })).deleted).toBeDefined();
    expect(await api.call('duplicates.find', {})).toEqual([]);
    const counts = Object.fromEntries(
      (await api.call('collections.list', {})).map((c) => [c.name, c.itemCount]),
    );
    expect(counts).toEqual({ Reading: 1, NLP: 1 });

    expect((await api.call('history.undo', {}))?.label).toMatch(/^Merge 2 copies/);
    expect(snapshot(api.library.db)).toEqual(before);
  });

  it('leaves a paper once in a digest that listed both copies', async () => {
    const api = temp.host();
    const digest = await importText(
      api,
      'Daily Papers\n\nJun 16\n\nFirst copy of a paper\n\nAbstract one.\n\nSecond copy of a paper\n\nAbstract two.\n',
      { yearHint: 2026 },
    );
    const [first, second] = digest.itemIds as [number, number];
    // Later the user learns they are one work.
    await api.call('items.update', { id: first, patch: { doi: '10.5555/same' } });
    await api.call('items.update', { id: second, patch: { doi: '10.5555/same' } });
    expect(await api.call('duplicates.find', {})).toEqual([[first, second]]);
    await api.call('duplicates.merge', { keepId: first, otherIds: [second] });
    const listed = api.library.lists.windowIds({
      view: { kind: 'digest', id: digest.digest!.id },
      sort: { field: 'position', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(listed).toEqual([first]);
    expect((await api.call('digests.list', {}))[0]!.itemCount).toBe(1);
    expect((await api.call('items.get', { id: first })).digests).toHaveLength(1);
  });

  it('refuses to merge an item with itself or with an unknown item, changing nothing', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const before = snapshot(api.library.db);
    expect((await api.failure('duplicates.merge', { keepId: item.id, otherIds: [item.id] })).code).toBe(
      'invalid-argument',
    );
    expect((await api.failure('duplicates.merge', { keepId: item.id, otherIds: [77] })).code).toBe(
      'not-found',
    );
    expect(snapshot(api.library.db)).toEqual(before);
  });
});
