// Exports through the API run in slices so the app keeps answering: they give the same
// file as a one-pass export, yield to the event loop, and show one state of the library
// even when it changes while they run.
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../src/main/core/formats/bibtex';
import { exportText, exportTextInSlices } from '../../../../src/main/core/service/exporting';
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
