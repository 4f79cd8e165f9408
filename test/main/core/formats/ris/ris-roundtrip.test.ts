// Sheaf → RIS → Sheaf gives back the same ItemData for generated items; the only
// documented loss is `origin`, which becomes the RIS record the item was read from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemData } from '../../../../../src/shared/domain';
import { risExport, risImport } from '../../../../../src/main/core/formats/ris';
import { asExportItem, expectedData, itemDataArbitrary } from '../csl/item-arbitrary';

function withoutOrigin({ origin: _origin, ...data }: ItemData): ItemData {
  return data;
}

describe('RIS round trip', () => {
  it('export then import restores every item except its origin', () => {
    fc.assert(
      // An empty export is an empty file, which import reports as holding no records.
      fc.property(fc.array(itemDataArbitrary, { minLength: 1, maxLength: 5 }), (generated) => {
        const items = generated.map(asExportItem);
        const result = risImport.parse(risExport.export(items));

        expect(result.errors).toEqual([]);
        expect(result.warnings.filter((warning) => !/no title/.test(warning.message))).toEqual([]);
        expect(result.records.map((record) => withoutOrigin(record.data))).toEqual(
          items.map((item) => withoutOrigin(expectedData(item))),
        );
        result.records.forEach((record, index) => {
          expect(record.data.origin).toEqual({
            format: 'ris',
            entryType: expect.stringMatching(/^[A-Z]{3,6}$/),
            key: items[index]!.citekey,
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('an item RIS describes fully is written without a Sheaf line', () => {
    const plain = fc.record({
      type: fc.constantFrom('article' as const, 'book' as const, 'report' as const, 'thesis' as const),
      title: fc.stringMatching(/^[A-Z][a-z]+( [a-z]+){0,5}$/),
      creators: fc.array(
        fc.record({
          role: fc.constant('author' as const),
          family: fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
          given: fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
        }),
        { maxLength: 4 },
      ),
      date: fc.constantFrom('2017', '2017-06', '2017-06-12'),
      volume: fc.integer({ min: 1, max: 99 }).map(String),
      pages: fc.constantFrom('1-10', '436-444'),
      doi: fc.constant('10.1038/nature14539'),
      links: fc.constant<ItemData['links']>([]),
      fields: fc.constant<ItemData['fields']>({}),
      tags: fc.array(fc.stringMatching(/^[a-z]{2,10}$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(plain, (data) => {
        const text = risExport.export([asExportItem(data, 0)]);
        expect(text).not.toContain('C8  - ');
        expect(risImport.parse(text).records[0]!.data).toMatchObject(data);
      }),
    );
  });
});
