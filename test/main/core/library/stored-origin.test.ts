// An item's origin is kept packed (library/stored-origin.ts): whatever the raw texts and
// values, an item reads back the origin it was written with, and rows written in the
// earlier {raw, value} form still read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemOrigin } from '../../../../src/shared/domain';
import { readItem } from '../../../../src/main/core/library/items';
import { packOrigin, unpackOrigin } from '../../../../src/main/core/library/stored-origin';
import { commitImport, ImportSessions, parseInput } from '../../../../src/main/core/service/importing';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('stored-origin');

/** Raw texts as .bib files write them, and values that match them or not. */
const raw = fc.oneof(
  fc.string().map((text) => `{${text}}`),
  fc.string().map((text) => `"${text}"`),
  fc.constantFrom('', '{', '"', '{}', '""', 'nov', '1981', '{A} # {B}', '"x" # y', '{a}}', '"a"b"'),
  fc.string(),
);
const field = fc.oneof(
  raw.map((text) => ({ raw: text, value: text.slice(1, -1) })),
  fc.record({ raw, value: fc.string() }),
);
const origin: fc.Arbitrary<ItemOrigin> = fc.record(
  {
    format: fc.constantFrom('bibtex', 'ris'),
    entryType: fc.string(),
    key: fc.string(),
    fields: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), field),
  },
  { requiredKeys: ['format'] },
);

describe('stored origin', () => {
  it('reads back every origin it packs, field names like __proto__ included', () => {
    fc.assert(
      fc.property(origin, (written) => {
        // As JSON: own fields named __proto__ count, and generated objects have no prototype.
        expect(JSON.stringify(unpackOrigin(packOrigin(written)))).toBe(JSON.stringify(written));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps only the raw text of a field whose value is its delimited text', () => {
    const packed = packOrigin({
      format: 'bibtex',
      fields: {
        title: { raw: '{Deep Learning}', value: 'Deep Learning' },
        volume: { raw: '"2"', value: '2' },
        year: { raw: '1981', value: '1981' },
        pages: { raw: '"3--4"', value: '3–4' },
        month: { raw: 'nov', value: 'November' },
      },
    });
    expect(JSON.parse(packed).fields).toEqual({
      title: '{Deep Learning}',
      volume: '"2"',
      year: '1981',
      pages: ['"3--4"', '3–4'],
      month: ['nov', 'November'],
    });
  });

  it('reads rows written in the earlier form, {raw, value} per field', () => {
    const earlier = '{"format":"bibtex","key":"K","fields":{"month":{"raw":"nov","value":"November"}}}';
    expect(unpackOrigin(earlier)).toEqual({
      format: 'bibtex',
      key: 'K',
      fields: { month: { raw: 'nov', value: 'November' } },
    });
  });

  it('gives back an imported item as it was written, and the same from a row in the earlier form', async () => {
    const library = temp.open();
    const { format, result } = parseInput(
      { text: '@article{k1, title = {Deep {L}earning}, month = nov, pages = "3--4", year = 1981}' },
      {},
    );
    const [id] = (await commitImport(library, new ImportSessions().add(format, result))).itemIds;
    const expected = {
      title: { raw: '{Deep {L}earning}', value: 'Deep Learning' },
      month: { raw: 'nov', value: 'November' },
      pages: { raw: '"3--4"', value: '3–4' },
      year: { raw: '1981', value: '1981' },
    };
    expect(readItem(library.db, id!).origin?.fields).toEqual(expected);
    const stored = library.db.prepare('SELECT origin FROM item_extra WHERE item_id = ?').pluck().get(id);
    expect(JSON.parse(stored as string).fields.year).toBe('1981');
    const earlier = { ...readItem(library.db, id!).origin, fields: expected };
    library.db.prepare('UPDATE item_extra SET origin = ? WHERE item_id = ?').run(JSON.stringify(earlier), id);
    expect(readItem(library.db, id!).origin?.fields).toEqual(expected);
  });
});
