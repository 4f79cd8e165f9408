// Exports through the API run in slices so the app keeps answering: they give the same
// file as a one-pass export, yield to the event loop, and show one state of the library
// even when it changes while they run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../src/main/core/formats/bibtex';
import {
  exportText,
  exportTextInSlices,
  saveExportInSlices,
} from '../../../../src/main/core/service/exporting';
import { importText } from '../../../support/imports';
import { firstAndLastAdded } from '../../../support/items';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('export-slices');
const LIBRARY = { kind: 'library' } as const;

async function bigLibrary(): Promise<Api> {
  const api = temp.host();
  const records = Array.from({ length: 4500 }, (_, i) => ({
    id: `r${i}`,
    type: 'article-journal',
    title: `Paper number ${i}`,
    author: [{ family: `Author${i % 97}`, given: 'A.' }],
  }));
  await importText(api, JSON.stringify(records), { name: 'many.json' });
  return api;
}

function keywords(text: string, tag: string): number {
  return parseBibtex(text).records.filter((record) => record.data.tags?.includes(tag)).length;
}

describe('an export in slices', () => {
  it('gives the file a one-pass export gives, in each format, while timers run', async () => {
    const api = await bigLibrary();
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      for (const format of ['bibtex', 'biblatex', 'ris', 'csl-json']) {
        const sliced = await exportTextInSlices(api.library, LIBRARY, format);
        expect(sliced, format).toEqual(exportText(api.library, LIBRARY, format));
      }
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(0);
  });

  it('starts over when the library changes between slices, so the file shows one state', async () => {
    const api = await bigLibrary();
    const ends = await firstAndLastAdded(api);
    const exporting = exportTextInSlices(api.library, LIBRARY, 'bibtex'); // the first slice is read now
    await api.call('tags.add', { itemIds: ends, names: ['both-ends'] });
    const { text, count } = await exporting;
    expect(count).toBe(4500);
    expect(keywords(text, 'both-ends')).toBe(2);
    expect(text).toBe(exportText(api.library, LIBRARY, 'bibtex').text);
  });

  it('starts over, without an error, when items it rendered are deleted for good meanwhile', async () => {
    const api = await bigLibrary();
    const ends = await firstAndLastAdded(api);
    const exporting = exportTextInSlices(api.library, LIBRARY, 'bibtex');
    await api.call('items.trash', { ids: ends });
    await api.call('trash.empty', {});
    const { text, count } = await exporting;
    expect(count).toBe(4498);
    expect(text).toBe(exportText(api.library, LIBRARY, 'bibtex').text);
  });

  it('finishes in one pass when the library keeps changing', async () => {
    const api = await bigLibrary();
    const collection = await api.call('collections.create', { name: 'Renamed', parentId: null });
    let renames = 0;
    // A change on every turn of the event loop (one the .bib does not show).
    const ticker = setInterval(() => {
      void api.call('collections.rename', { id: collection.id, name: `Renamed ${++renames}` });
    }, 0);
    let text: string;
    try {
      ({ text } = await exportTextInSlices(api.library, LIBRARY, 'bibtex'));
    } finally {
      clearInterval(ticker);
    }
    expect(renames).toBeGreaterThan(0);
    expect(text).toBe(exportText(api.library, LIBRARY, 'bibtex').text);
  });
});

describe('a save to a file', () => {
  const WITH_BLOCKS = `@preamble{"\\newcommand{\\noop}[1]{}"}
@string{jmlr = "Journal of Machine Learning Research"}
@article{kept, title = {Kept}, journal = jmlr, year = 2020}
@comment{jabref-meta: databaseType:bibtex;}
`;

  it('writes, entry by entry, the file an export gives, in each format', async () => {
    const api = await bigLibrary();
    await importText(api, WITH_BLOCKS, { name: 'blocks.bib' });
    for (const format of ['bibtex', 'biblatex', 'ris', 'csl-json']) {
      const file = path.join(temp.dir, `saved-${format}`);
      const count = await saveExportInSlices(api.library, LIBRARY, format, file);
      const expected = exportText(api.library, LIBRARY, format);
      expect(count, format).toBe(4501);
      expect(fs.readFileSync(file, 'utf8'), format).toBe(expected.text);
    }
    // The .bib keeps what its import had around the entries.
    const bib = fs.readFileSync(path.join(temp.dir, 'saved-bibtex'), 'utf8');
    expect(bib.startsWith('@preamble{')).toBe(true);
    expect(bib.trimEnd().endsWith('@comment{jabref-meta: databaseType:bibtex;}')).toBe(true);
  });

  it('asks where first, and writes nothing when the dialog is cancelled', async () => {
    const api = await bigLibrary();
    const asked: string[] = [];
    let answer: string | null = null;
    Object.assign(api.host.platform, {
      chooseSavePath: async (suggested: string) => {
        asked.push(suggested);
        return answer;
      },
    });
    const before = fs.readdirSync(temp.dir);
    expect(await api.call('export.save', { scope: LIBRARY, format: 'bibtex' })).toEqual({
      path: null,
      count: 0,
    });
    expect(fs.readdirSync(temp.dir)).toEqual(before);
    answer = path.join(temp.dir, 'chosen.bib');
    expect(await api.call('export.save', { scope: LIBRARY, format: 'bibtex' })).toEqual({
      path: answer,
      count: 4500,
    });
    expect(asked).toEqual([`${api.library.info().name}.bib`, `${api.library.info().name}.bib`]);
    expect(fs.readFileSync(answer, 'utf8')).toBe(
      (await api.call('export.text', { scope: LIBRARY, format: 'bibtex' })).text,
    );
  });
});
