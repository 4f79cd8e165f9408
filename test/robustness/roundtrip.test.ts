// Export, then import: items a user entered, exported from one library through the API
// and imported (format detected, as when a file is dropped) into an empty one, come back
// the same — everything for the lossless formats (CSL-JSON; RIS with its Sheaf line;
// BibTeX and BibLaTeX once formats/all.ts registers them), title and abstract as the
// digest text layout documents them (ADR 0023), in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemDetail, ItemType } from '../../src/shared/domain';
import { abstractParagraphs, oneLine } from '../../src/main/core/formats/digest/export/describe';
import { tempLibraries, type Api } from '../support/temp-library';
import { announceSeed, runSeed, SOAK } from './support/env';
import { bibtexRegistered, builtInFormats } from './support/formats';
import { composedText, itemSets, printableText, realNames } from './support/item-data';

const temp = tempLibraries('roundtrip');
const seed = runSeed();
const RUNS = SOAK ? 1000 : 25;
const withBibtex = bibtexRegistered();
const { exports } = builtInFormats();
announceSeed('roundtrip', seed, withBibtex ? 'with BibTeX' : 'BibTeX not registered yet: not covered');

type Projection = (item: ItemDetail) => unknown;

/** Everything a user entered: the item without its identity, history and relations. */
const whole: Projection = ({
  id: _i,
  key: _k,
  added: _a,
  modified: _m,
  origin: _o,
  collections: _c,
  digests: _d,
  notes: _n,
  backlinks: _b,
  ...data
}) => data;
/** Types a dialect has no entry type for, written as its nearest one (entry-types.ts). */
const TYPE_IN: Record<'bibtex' | 'biblatex', Partial<Record<ItemType, ItemType>>> = {
  bibtex: {
    collection: 'book',
    online: 'misc',
    preprint: 'misc',
    dataset: 'misc',
    software: 'misc',
    patent: 'misc',
    periodical: 'misc',
  },
  biblatex: { preprint: 'online' },
};

/**
 * What BibTeX carries back (ADR 0011): names are written per role (author, editor, ...);
 * the URL is the item's, else its first link, and the other links are text in
 * note/addendum, not links again; keywords split on "," and ";"; values are LaTeX, where a
 * run of white space is one space; a type the dialect lacks becomes its nearest type.
 */
const bibtexWhole =
  (dialect: 'bibtex' | 'biblatex'): Projection =>
  (item) => {
    const { links, tags, fields, creators, url, ...data } = whole(item) as ItemDetail;
    const { note: _note, addendum: _addendum, ...otherFields } = fields;
    const space = (value: unknown): unknown =>
      typeof value === 'string'
        ? value.replace(/\s+/g, ' ').trim()
        : Array.isArray(value)
          ? value.map(space)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, space(v)]))
            : value;
    const roles = [...new Set(creators.map((c) => c.role))].sort();
    return space({
      ...data,
      type: TYPE_IN[dialect][data.type] ?? data.type,
      url: url ?? links[0]?.url,
      creators: roles.flatMap((role) => creators.filter((c) => c.role === role)),
      fields: otherFields,
      tags: (tags ?? [])
        .flatMap((tag) => tag.split(/[,;]/))
        .map((t) => t.trim())
        .filter(Boolean)
        .sort(),
    });
  };
const digestText: Projection = (item) => ({
  title: oneLine(item.title),
  abstract: abstractParagraphs(item.abstract).join('\n'),
});

interface Case {
  format: string;
  importer: string;
  extension: string;
  keep: Projection;
  /** Text formats refuse control characters as binary data: their items hold printable text. */
  printable?: boolean;
  /** The export is ordered by citation key (BibTeX), not as the items were added. */
  byKey?: boolean;
  /**
   * Personal names as people have them: BibTeX reads a lower-case first word of a family
   * name as a particle, and " and " inside a name as two people (see the report of ADR 0056).
   */
  realNames?: boolean;
  /** The importer reads text into Unicode's composed form (NFC): its items hold composed text. */
  composed?: boolean;
}

const CASES: Case[] = [
  { format: 'csl-json', importer: 'csl-json', extension: 'json', keep: whole },
  { format: 'ris', importer: 'ris', extension: 'ris', keep: whole },
  { format: 'digest-txt', importer: 'hf-text', extension: 'txt', keep: digestText, printable: true },
  ...(withBibtex
    ? [
        {
          format: 'bibtex',
          importer: 'bibtex',
          extension: 'bib',
          keep: bibtexWhole('bibtex'),
          byKey: true,
          realNames: true,
          composed: true,
        },
        {
          format: 'biblatex',
          importer: 'bibtex',
          extension: 'bib',
          keep: bibtexWhole('biblatex'),
          byKey: true,
          realNames: true,
          composed: true,
        },
      ]
    : []),
];

async function itemsOf(api: Api): Promise<ItemDetail[]> {
  const ids = await api.call('items.ids', {
    view: { kind: 'library' },
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 1000,
  });
  return Promise.all(ids.map((id) => api.call('items.get', { id })));
}

describe('export, then import into an empty library', () => {
  it('covers every lossless export format the library offers', () => {
    const offered = exports.map((f) => f.id);
    for (const { format } of CASES) expect(offered).toContain(format);
  });

  for (const { format, importer, extension, keep, printable, byKey, realNames: names, composed } of CASES) {
    it(
      `${format} → ${importer}: every item comes back the same`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            itemSets(
              4,
              printable ? printableText : composed ? composedText : undefined,
              names ? realNames : undefined,
            ),
            async (generated) => {
              const from = temp.host();
              const to = temp.host();
              try {
                for (const data of generated) await from.call('items.create', { data });
                const exported = await from.call('export.text', { scope: { kind: 'library' }, format });
                const preview = await to.call('import.preview', {
                  input: {
                    text: exported.text,
                    name: `${exported.filename.replace(/\.[^.]+$/, '')}.${extension}`,
                  },
                });
                expect(preview.format).toBe(importer);
                expect(preview.errors).toEqual([]);
                await to.call('import.commit', { previewId: preview.id });
                const order = (items: ItemDetail[]) =>
                  byKey ? [...items].sort((a, b) => a.citekey.localeCompare(b.citekey)) : items;
                const before = order(await itemsOf(from)).map(keep);
                const after = order(await itemsOf(to)).map(keep);
                expect(after).toEqual(before);
              } finally {
                from.host.close();
                to.host.close();
              }
            },
          ),
          { numRuns: RUNS, seed, endOnFailure: true },
        );
      },
      (SOAK ? 12 : 1) * 300_000,
    );
  }
});
