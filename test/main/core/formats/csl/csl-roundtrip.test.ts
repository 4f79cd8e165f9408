// Sheaf → CSL-JSON → Sheaf gives back the same ItemData, for generated items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cslJsonExport, cslJsonImport, type CslParseResult } from '../../../../../src/main/core/formats/csl';
import { asExportItem, expectedData, itemDataArbitrary } from './item-arbitrary';

describe('CSL-JSON round trip', () => {
  it('export then import restores every item exactly, with its identity', () => {
    fc.assert(
      fc.property(fc.array(itemDataArbitrary, { maxLength: 5 }), (generated) => {
        const items = generated.map(asExportItem);
        const result = cslJsonImport.parse(cslJsonExport.export(items)) as CslParseResult;

        expect(result.errors).toEqual([]);
        // The only warning a valid item can earn is for having no title.
        expect(result.warnings.filter((warning) => !/no title/.test(warning.message))).toEqual([]);
        expect(result.records.map((record) => record.data)).toEqual(items.map(expectedData));
        expect(result.records.map((record) => record.sheaf)).toEqual(
          items.map(({ key, added, modified }) => ({ key, added, modified })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('records start on the line where each exported object starts', () => {
    fc.assert(
      fc.property(fc.array(itemDataArbitrary, { minLength: 1, maxLength: 4 }), (generated) => {
        const text = cslJsonExport.export(generated.map(asExportItem));
        const lines = text.split('\n');
        const starts = lines.flatMap((line, index) => (line === '  {' ? [index + 1] : []));
        expect(cslJsonImport.parse(text).records.map((record) => record.line)).toEqual(starts);
      }),
      { numRuns: 50 },
    );
  });
});
