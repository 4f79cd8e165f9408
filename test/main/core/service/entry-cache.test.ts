// Rendered entries kept between exports: a stored entry is used only while its item (data,
// citation key, tags) is in the state it shows and only by the writer variant that rendered
// it, so an export that reuses entries is byte for byte the export that renders them all.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportScope } from '../../../../src/shared/results';
import { BIB_ENTRY_REVISION, bibEntryOptions, exportBib } from '../../../../src/main/core/formats/bibtex';
import { EntryFields } from '../../../../src/main/core/formats/bibtex/export/entry-fields';
import { readExportItems } from '../../../../src/main/core/library/bulk-read';
import { bibtexBlocks } from '../../../../src/main/core/service/bibtex-blocks';
import { type RenderedEntry, renderEntries } from '../../../../src/main/core/service/entry-cache';
import {
  exportText,
  exportTextInSlices,
  saveExportInSlices,
  scopeItemIds,
} from '../../../../src/main/core/service/exporting';
import { importText } from '../../../support/imports';
import { ATTENTION, BERT, GODEL, paper } from '../../../support/items';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('entry-cache');

afterEach(() => vi.restoreAllMocks());

const FIXTURE = path.join(import.meta.dirname, '../../../fixtures/bibtex/crossref-xdata.bib');
const MACROS = `@string{jml = "Journal of Machine Learning"}
@preamble{"\\newcommand{\\noopsort}[1]{}"}
@article{macro2020, author = {M{\\"u}ller, J{\\"o}rg and van der Berg, Ann}, title = {On {GPU} Kernels},
  journal = jml, year = 2020, month = mar}
@comment{jabref-meta: databaseType:bibtex;}
`;

type Dialect = 'bibtex' | 'biblatex';
const ADDED = { field: 'added', direction: 'asc' } as const;

/** The export with nothing stored: every entry read and rendered now. */
function rendered(api: Api, scope: ExportScope, format: Dialect, unicode?: boolean): string {
  const library = api.library;
  const items = readExportItems(library.db, scopeItemIds(library, scope, format));
  const blocks = scope.kind === 'library' ? { blocks: bibtexBlocks(library) } : {};
  return exportBib(items, format, { ...blocks, ...(unicode === undefined ? {} : { unicode }) });
}

function exported(api: Api, scope: ExportScope, format: Dialect, unicode?: boolean): string {
  return exportText(api.library, scope, format, unicode === undefined ? {} : { unicode }).text;
}

function storedCount(api: Api): number {
  return api.library.db.prepare('SELECT count(*) FROM entry_cache').pluck().get() as number;
}

/** Ids of the items whose entries were rendered while `build` was spied on. */
function renderedIds(build: { mock: { contexts: unknown[] } }): number[] {
  return build.mock.contexts.map((fields) => (fields as { item: { id: number } }).item.id);
}

async function libraryWithEntries(): Promise<Api> {
  const api = temp.host();
  await importText(api, fs.readFileSync(FIXTURE, 'utf8'), { name: 'crossref-xdata.bib' });
  await importText(api, MACROS, { name: 'macros.bib' });
  for (const data of [ATTENTION, BERT, GODEL]) await api.call('items.create', { data });
  return api;
}

describe('rendered entries kept between exports', () => {
  it('make a second export render nothing and write the same bytes', async () => {
    const api = await libraryWithEntries();
    const library = { kind: 'library' } as const;
    const first = exported(api, library, 'bibtex');
    expect(first).toBe(rendered(api, library, 'bibtex'));
    expect(first).toContain('@string{jml');
    const count = (api.library.db.prepare('SELECT count(*) FROM items').pluck().get() as number) ?? 0;
    expect(storedCount(api)).toBe(count);

    const build = vi.spyOn(EntryFields.prototype, 'build');
    expect(exported(api, library, 'bibtex')).toBe(first);
    expect(renderedIds(build)).toEqual([]);
  });

  it('are found whether or not their variant was marked as stored (a library from before the marks)', async () => {
    const api = await libraryWithEntries();
    const library = { kind: 'library' } as const;
    const ids = await api.call('items.ids', { view: library, sort: ADDED, offset: 0, limit: 100 });
    // Tags in the stamp, in an order other than their names': the first export reads stamps
    // with its items, the next ones beside the stored entries, and the two must agree.
    await api.call('tags.add', { itemIds: ids, names: ['zeta', 'Alpha', 'beta'] });
    const first = exported(api, library, 'biblatex');
    const build = vi.spyOn(EntryFields.prototype, 'build');
    expect(exported(api, library, 'biblatex')).toBe(first);
    expect(renderedIds(build)).toEqual([]);
    // Entries kept by a Sheaf that did not mark variants: still read, not rendered again.
    api.library.db.prepare("DELETE FROM marks WHERE name LIKE 'entry_cache_variant:%'").run();
    expect(exported(api, library, 'biblatex')).toBe(first);
    expect(renderedIds(build)).toEqual([]);
    // A variant never stored (another dialect) renders every entry, whatever else is kept.
    expect(exported(api, library, 'bibtex')).toBe(rendered(api, library, 'bibtex'));
    expect(new Set(renderedIds(build))).toEqual(new Set(ids));
  });

  it('follow every change that shows in an entry, including undo and edits within one clock tick', async () => {
    const api = await libraryWithEntries();
    const scope = { kind: 'library' } as const;
    const [a, b] = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: ADDED,
      offset: 0,
      limit: 2,
    });
    const changes: [string, () => Promise<unknown>][] = [
      [
        'edit a title',
        () => api.call('items.update', { id: a!, patch: { title: 'Edited: the {GPU} title' } }),
      ],
      ['edit it again in the same tick', () => api.call('items.update', { id: a!, patch: { volume: '7' } })],
      ['tag two items', () => api.call('tags.add', { itemIds: [a!, b!], names: ['to-read', 'ml'] })],
      [
        'rename a tag',
        async () => {
          const tag = (await api.call('tags.list', {})).find((t) => t.name === 'ml')!;
          await api.call('tags.rename', { id: tag.id, name: 'machine-learning' });
        },
      ],
      ['remove a tag', () => api.call('tags.remove', { itemIds: [b!], names: ['to-read'] })],
      ['regenerate a citation key', () => api.call('items.regenerateCitekeys', { ids: [a!] })],
      ['undo', () => api.call('history.undo', {})],
      ['undo again', () => api.call('history.undo', {})],
      ['redo', () => api.call('history.redo', {})],
      ['edit after undo, same tick', () => api.call('items.update', { id: b!, patch: { pages: '1--9' } })],
      ['trash an item', () => api.call('items.trash', { ids: [b!] })],
      ['restore it', () => api.call('items.restore', { ids: [b!] })],
      [
        'merge duplicates',
        async () => {
          const copy = await api.call('items.create', {
            data: { ...paper({ title: 'Copy' }), doi: BERT.doi },
          });
          const original = (await api.call('duplicates.find', {})).find((group) => group.includes(copy.id))!;
          await api.call('duplicates.merge', {
            keepId: original.find((id) => id !== copy.id)!,
            otherIds: [copy.id],
          });
        },
      ],
    ];
    exported(api, scope, 'bibtex'); // every entry stored
    for (const [label, change] of changes) {
      await change();
      for (const format of ['bibtex', 'biblatex'] as const) {
        expect(exported(api, scope, format), `${format} after: ${label}`).toBe(rendered(api, scope, format));
      }
    }
  });

  it('keep one entry per writer variant: dialect, Unicode or LaTeX, with or without @string macros', async () => {
    const api = await libraryWithEntries();
    const collection = await api.call('collections.create', { name: 'Some', parentId: null });
    const ids = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: ADDED,
      offset: 0,
      limit: 1000,
    });
    await api.call('collections.addItems', { id: collection.id, itemIds: ids });
    const variants: [ExportScope, Dialect, boolean | undefined][] = [
      [{ kind: 'library' }, 'bibtex', undefined],
      [{ kind: 'library' }, 'bibtex', true],
      [{ kind: 'library' }, 'biblatex', undefined],
      [{ kind: 'library' }, 'biblatex', false],
      [{ kind: 'collection', id: collection.id }, 'bibtex', undefined],
    ];
    for (const round of [1, 2]) {
      const build = vi.spyOn(EntryFields.prototype, 'build');
      for (const [scope, format, unicode] of variants) {
        expect(exported(api, scope, format, unicode), `${format} ${scope.kind} ${unicode}`).toBe(
          rendered(api, scope, format, unicode),
        );
      }
      const afterExports = renderedIds(build).length - variants.length * ids.length; // rendered() renders too
      expect(afterExports, `round ${round}`).toBe(round === 1 ? variants.length * ids.length : 0);
      vi.restoreAllMocks();
    }
  });

  it('serve a caller that keeps entries in memory (a kept-updated file), tagged items too', async () => {
    const api = await libraryWithEntries();
    const ids = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: ADDED,
      offset: 0,
      limit: 1000,
    });
    await api.call('tags.add', { itemIds: ids.slice(0, 3), names: ['b-tag', 'a-tag'] });
    const options = bibEntryOptions('bibtex');
    renderEntries(api.library.db, ids, options); // stored
    const memory = new Map<number, RenderedEntry>();
    const build = vi.spyOn(EntryFields.prototype, 'build');
    const first = renderEntries(api.library.db, ids, options, memory); // from the store
    const second = renderEntries(api.library.db, ids, options, memory); // from memory
    expect(renderedIds(build)).toEqual([]);
    expect(second.map((entry) => entry.text)).toEqual(first.map((entry) => entry.text));
    expect(memory.size).toBe(ids.length);

    await api.call('tags.remove', { itemIds: [ids[1]!], names: ['a-tag'] });
    const third = renderEntries(api.library.db, ids, options, memory);
    expect(renderedIds(build)).toEqual([ids[1]]);
    expect(third[1]!.text).toContain('keywords = {b-tag}');
  });

  it('still export from a library that cannot be written, storing nothing', async () => {
    const api = await libraryWithEntries();
    const file = api.library.file;
    const scope = { kind: 'library' } as const;
    const expected = rendered(api, scope, 'bibtex');

    // Another process holds the write lock: the export does not wait for it.
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const started = Date.now();
    expect(exported(api, scope, 'bibtex')).toBe(expected);
    expect(Date.now() - started).toBeLessThan(2000); // the busy timeout is 5 s
    other.prepare('ROLLBACK').run();
    other.close();
    expect(storedCount(api)).toBe(0);

    const readonly = temp.open(file, { readonly: true });
    expect(exportText(readonly, scope, 'bibtex').text).toBe(expected);
    expect(storedCount(api)).toBe(0);
  });

  it('are kept after a sliced export has given its text or written its file, not before', async () => {
    const api = await libraryWithEntries();
    const library = { kind: 'library' } as const;
    const count = api.library.db.prepare('SELECT count(*) FROM items').pluck().get() as number;
    const file = path.join(temp.dir, 'sliced.bib');
    expect(await saveExportInSlices(api.library, library, 'bibtex', file)).toBe(count);
    expect(fs.readFileSync(file, 'utf8')).toBe(rendered(api, library, 'bibtex'));
    expect(storedCount(api)).toBe(0);
    await api.library.backgroundSettled();
    expect(storedCount(api)).toBe(count);

    const build = vi.spyOn(EntryFields.prototype, 'build');
    expect(fs.readFileSync(file, 'utf8')).toBe(exported(api, library, 'bibtex'));
    expect(renderedIds(build)).toEqual([]);

    const { text } = await exportTextInSlices(api.library, library, 'biblatex');
    expect(text).toBe(rendered(api, library, 'biblatex'));
    await api.library.backgroundSettled();
    expect(storedCount(api)).toBe(2 * count);
  });

  it('are not kept for an item deleted for good between a sliced export and its storing', async () => {
    const api = await libraryWithEntries();
    const library = { kind: 'library' } as const;
    const ids = await api.call('items.ids', { view: library, sort: ADDED, offset: 0, limit: 100 });
    await saveExportInSlices(api.library, library, 'bibtex', path.join(temp.dir, 'gone.bib'));
    // The entries are stored after the file, a turn of the event loop later (ADR 66).
    await api.call('items.trash', { ids: [ids[0]!] });
    await api.call('trash.empty', {});
    await api.library.backgroundSettled();
    const stored = api.library.db.prepare('SELECT item_id FROM entry_cache ORDER BY item_id').pluck().all();
    expect(stored).toEqual(ids.slice(1).sort((a, b) => a - b));
  });

  it('forget entries of an earlier writer revision', async () => {
    const api = await libraryWithEntries();
    const db = api.library.db;
    const [first] = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: ADDED,
      offset: 0,
      limit: 1,
    });
    db.prepare(
      "INSERT INTO entry_cache(item_id, variant, stamp, citekey, text) VALUES (?, 'bib0:bibtex:ascii:macros', '0', 'old', 'stale')",
    ).run(first);
    db.prepare("INSERT OR REPLACE INTO marks(name, value) VALUES ('entry_cache_revision', ?)").run(
      BIB_ENTRY_REVISION - 1,
    );
    exported(api, { kind: 'library' }, 'bibtex');
    expect(db.prepare("SELECT count(*) FROM entry_cache WHERE text = 'stale'").pluck().get()).toBe(0);
    expect(storedCount(api)).toBeGreaterThan(0);
  });
});
