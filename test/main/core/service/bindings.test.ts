// "Keep this .bib updated": a bound file follows every change to its scope (edits, tags,
// membership, trash, undo), is rewritten only when its text changes, and re-reads and
// re-renders only the entries whose items changed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBibtex } from '../../../../src/main/core/formats/bibtex';
import { EntryFields } from '../../../../src/main/core/formats/bibtex/export/entry-fields';
import {
  BindingWriter,
  createBinding,
  createBindingInSlices,
  listBindings,
} from '../../../../src/main/core/service/bindings';
import { BindingsSync } from '../../../../src/main/core/service/bindings-sync';
import { importText } from '../../../support/imports';
import { ATTENTION, BERT, firstAndLastAdded, paper } from '../../../support/items';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('bindings');

afterEach(() => vi.restoreAllMocks());

/** The bound file's entries as (citation key -> title, keywords). */
function entries(file: string): Record<string, { title: string; keywords?: string }> {
  const parsed = parseBibtex(fs.readFileSync(file, 'utf8'));
  expect(parsed.errors).toEqual([]);
  return Object.fromEntries(
    parsed.records.map((record) => [
      record.data.citekey!,
      {
        title: record.data.title,
        ...(record.data.tags?.length ? { keywords: record.data.tags.join(', ') } : {}),
      },
    ]),
  );
}

/** Ids of the items whose entries were rendered while `build` was spied on. */
function renderedIds(build: { mock: { contexts: unknown[] } }): number[] {
  return build.mock.contexts.map((fields) => (fields as { item: { id: number } }).item.id);
}

async function boundCollection(api: Api) {
  const collection = await api.call('collections.create', { name: 'Reading', parentId: null });
  const a = await api.call('items.create', { data: ATTENTION });
  const b = await api.call('items.create', { data: BERT });
  await api.call('collections.addItems', { id: collection.id, itemIds: [a.id, b.id] });
  const file = path.join(temp.dir, `reading-${collection.id}-${Date.now()}.bib`);
  createBinding(api.library, { kind: 'collection', id: collection.id }, 'bibtex', file);
  const written: string[] = [];
  const sync = new BindingsSync(
    () => api.library,
    (_, at) => written.push(at),
    0,
  );
  return { collection, a, b, file, sync, written };
}

/** A new library of `count` papers with titles only, imported as CSL-JSON. */
async function libraryOfPapers(count: number): Promise<Api> {
  const api = temp.host();
  const records = Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    type: 'article-journal',
    title: `Paper number ${i}`,
  }));
  await importText(api, JSON.stringify(records), { name: 'many.json' });
  return api;
}

describe('a .bib file kept updated', () => {
  it('is written when bound, and the binding is listed and kept across a reopen', async () => {
    const api = temp.host();
    const { file, a, b } = await boundCollection(api);
    expect(Object.keys(entries(file)).sort()).toEqual([a.citekey, b.citekey].sort());
    expect(listBindings(api.library)).toMatchObject([
      { scope: { kind: 'collection' }, scopeLabel: 'Reading', path: file, format: 'bibtex' },
    ]);
    const reopened = temp.open(api.library.file);
    expect(listBindings(reopened).map((binding) => binding.path)).toEqual([file]);
  });

  it('follows edits, tags, membership, the trash and undo', async () => {
    const api = temp.host();
    const { collection, file, a, b, sync } = await boundCollection(api);
    const third = await api.call('items.create', { data: paper({ title: 'A third paper', date: '2020' }) });

    await api.call('items.update', { id: a.id, patch: { title: 'Attention, edited' } });
    await api.call('tags.add', { itemIds: [b.id], names: ['to-read'] });
    await api.call('collections.addItems', { id: collection.id, itemIds: [third.id] });
    await sync.flush();
    expect(entries(file)).toEqual({
      [a.citekey]: { title: 'Attention, edited' },
      [b.citekey]: { title: BERT.title, keywords: 'to-read' },
      [third.citekey]: { title: 'A third paper' },
    });

    await api.call('items.trash', { ids: [third.id] });
    await api.call('history.undo', {}); // the trash
    await api.call('history.undo', {}); // adding the third paper
    await api.call('history.undo', {}); // the tag
    await api.call('history.undo', {}); // the edit
    await sync.flush();
    expect(entries(file)).toEqual({
      [a.citekey]: { title: ATTENTION.title },
      [b.citekey]: { title: BERT.title },
    });
  });

  it('shows the last of two edits made within one clock tick', async () => {
    const api = temp.host(); // the test clock stands still unless ticked
    const { file, a, sync } = await boundCollection(api);
    await api.call('items.update', { id: a.id, patch: { title: 'First edit' } });
    await sync.flush();
    await api.call('items.update', { id: a.id, patch: { title: 'Second edit' } });
    await sync.flush();
    expect(entries(file)[a.citekey]).toEqual({ title: 'Second edit' });
  });

  it('re-renders only the changed entry, and leaves the file alone when nothing in it changed', async () => {
    const api = temp.host();
    const { file, a, sync, written } = await boundCollection(api);
    await sync.flush(); // entries rendered once
    const render = vi.spyOn(EntryFields.prototype, 'build');
    await api.call('items.update', { id: a.id, patch: { volume: '31' } });
    await sync.flush();
    expect(renderedIds(render)).toEqual([a.id]);
    expect(written).toEqual([file]);

    // An item outside the collection changes: the text is the same, so no write.
    const outside = await api.call('items.create', { data: paper({ title: 'Elsewhere' }) });
    await api.call('items.update', { id: outside.id, patch: { volume: '2' } });
    const before = fs.statSync(file).mtimeMs;
    await sync.flush();
    expect(written).toEqual([file]);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('rewrites a file another program changed, on the first write after a start, as one pass would write it', async () => {
    const api = temp.host();
    const { file, sync, written } = await boundCollection(api);
    const intact = fs.readFileSync(file, 'utf8');
    for (const tampered of [intact.slice(0, -1), `${intact}% a note\n`, intact.replace('@', '@@'), '']) {
      fs.writeFileSync(file, tampered);
      const started = new BindingsSync(
        () => api.library,
        (_, at) => written.push(at),
        0,
      );
      await started.flush();
      expect(fs.readFileSync(file, 'utf8')).toBe(intact);
    }
    expect(written).toEqual([file, file, file, file]);
    // An intact file is left alone.
    await sync.flush();
    expect(written).toHaveLength(4);
    expect(new BindingWriter().render(api.library, listBindings(api.library)[0]!.scope, 'bibtex')).toBe(
      intact,
    );
  });

  it('keeps one cache per bound file: a small file beside the whole library re-renders one entry each', async () => {
    const api = temp.host();
    const { collection, a } = await boundCollection(api);
    const records = Array.from({ length: 1100 }, (_, i) => ({
      id: `r${i}`,
      type: 'article-journal',
      title: `Paper number ${i}`,
    }));
    await importText(api, JSON.stringify(records), { name: 'many.json' });
    const whole = path.join(temp.dir, `whole-${collection.id}.bib`);
    createBinding(api.library, { kind: 'library' }, 'bibtex', whole);
    const writer = new BindingWriter();
    writer.writeAll(api.library); // both files are current: this fills the caches, writes nothing
    const render = vi.spyOn(EntryFields.prototype, 'build');
    await api.call('items.update', { id: a.id, patch: { volume: '32' } });
    writer.writeAll(api.library);
    // The edited item is in both files: rendered for the first, found stored for the second.
    expect(renderedIds(render)).toEqual([a.id]);
    expect(Object.keys(entries(whole))).toHaveLength(1102);
  });

  it('is written in slices that let the event loop run, and a change during a write starts it over', async () => {
    const api = await libraryOfPapers(4500);
    const file = path.join(temp.dir, 'sliced.bib');
    let created = 0;
    const creating = setInterval(() => created++, 0);
    try {
      await createBindingInSlices(api.library, { kind: 'library' }, 'bibtex', file);
    } finally {
      clearInterval(creating);
    }
    expect(created).toBeGreaterThan(0); // timers ran during the first write too
    expect(Object.keys(entries(file))).toHaveLength(4500);
    const written: string[] = [];
    const sync = new BindingsSync(
      () => api.library,
      (_, at) => written.push(at),
      0,
    );
    const [first] = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: { field: 'added', direction: 'asc' },
      offset: 0,
      limit: 1,
    });
    await api.call('items.update', { id: first!, patch: { title: 'Edited once' } });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      await sync.flush();
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(0); // timers ran while the 4,500 entries were written
    expect(written).toEqual([file]);
    expect(fs.readFileSync(file, 'utf8')).toContain('Edited once');

    // A batch change lands between two slices, on the first entry and on the last. A write
    // that went on would show it on the last only; this one stops without touching the file...
    const ends = await firstAndLastAdded(api);
    const tagged = () =>
      Object.values(entries(file)).filter((entry) => entry.keywords === 'both-ends').length;
    // Nothing remembered or stored: every entry is rendered again, in many slices.
    await api.library.backgroundSettled(); // the entries stored after the writes above
    api.library.db.prepare('DELETE FROM entry_cache').run();
    const fresh = new BindingsSync(
      () => api.library,
      (_, at) => written.push(at),
      0,
    );
    const flushing = fresh.flush(); // the first slice is read before this returns
    await api.call('tags.add', { itemIds: ends, names: ['both-ends'] });
    await flushing;
    expect(written).toEqual([file]);
    expect(tagged()).toBe(0);
    // ...and the write that change schedules shows it whole.
    await sync.flush();
    expect(written).toEqual([file, file]);
    expect(Object.keys(entries(file))).toHaveLength(4500);
    expect(tagged()).toBe(2);
  });

  it('keeps the entries of a write once its file is out, so that a restarted app renders only what changed', async () => {
    const api = await libraryOfPapers(300);
    const stored = () => api.library.db.prepare('SELECT count(*) FROM entry_cache').pluck().get();
    const file = path.join(temp.dir, 'kept-entries.bib');
    await createBindingInSlices(api.library, { kind: 'library' }, 'bibtex', file);
    expect(Object.keys(entries(file))).toHaveLength(300);
    expect(stored()).toBe(0);
    await api.library.backgroundSettled();
    expect(stored()).toBe(300);

    const [first] = await firstAndLastAdded(api);
    await api.call('items.update', { id: first!, patch: { title: 'Edited after a restart' } });
    const build = vi.spyOn(EntryFields.prototype, 'build');
    const restarted = new BindingsSync(
      () => api.library,
      () => {},
      0,
    );
    await restarted.flush();
    expect(renderedIds(build)).toEqual([first]);
    expect(fs.readFileSync(file, 'utf8')).toContain('Edited after a restart');
  });

  it('puts a crossref parent after its children, as BibTeX needs, also after the child changes', async () => {
    const api = temp.host();
    // Exports go in citation-key order, where this parent comes first.
    const parent = await api.call('items.create', {
      data: {
        ...paper({ title: 'Proceedings of a conference', authors: ['Aardvark, Ann'], date: '2020' }),
        type: 'book',
      },
    });
    const child = await api.call('items.create', {
      data: {
        ...paper({ title: 'A paper in them', authors: ['Zebra, Zed'], date: '2020' }),
        fields: { crossref: parent.citekey },
      },
    });
    expect(parent.citekey < child.citekey).toBe(true);
    const file = path.join(temp.dir, 'crossref.bib');
    createBinding(api.library, { kind: 'library' }, 'bibtex', file);
    const order = () => parseBibtex(fs.readFileSync(file, 'utf8')).records.map((r) => r.data.citekey);
    expect(order()).toEqual([child.citekey, parent.citekey]);
    const sync = new BindingsSync(
      () => api.library,
      () => {},
      0,
    );
    await sync.flush(); // entries now come from the cache
    await api.call('items.update', { id: child.id, patch: { volume: '3' } });
    await sync.flush();
    expect(order()).toEqual([child.citekey, parent.citekey]);
  });
});
