// Hostile RIS: no exception, no hang, no prototype pollution, issues stay bounded.
import { describe, expect, it } from 'vitest';
import { risImport } from '../../../../../src/main/core/formats/ris';

const within = (ms: number, run: () => void): void => {
  const started = performance.now();
  run();
  expect(performance.now() - started).toBeLessThan(ms);
};

describe('hostile RIS', () => {
  it('reads a 20 MB title line in linear time', () => {
    within(5000, () => {
      const result = risImport.parse(`TY  - JOUR\nTI  - ${'x'.repeat(20_000_000)}\nER  - \n`);
      expect(result.records[0]!.data.title).toHaveLength(20_000_000);
    });
  });

  it('joins 200 000 continuation lines in linear time', () => {
    within(5000, () => {
      const result = risImport.parse(`TY  - JOUR\nTI  - t\nAB  - start\n${'more\n'.repeat(200_000)}ER  - \n`);
      expect(result.records[0]!.data.abstract!.split('\n')).toHaveLength(200_001);
    });
  });

  it('reports a megabyte of junk as one error', () => {
    within(5000, () => {
      const result = risImport.parse(`${'junk line\n'.repeat(100_000)}TY  - JOUR\nTI  - kept\nER  - \n`);
      expect(result.errors).toEqual([
        { line: 1, column: 1, message: expect.stringMatching(/100000 lines, up to line 100000/) },
      ]);
      expect(result.records.map((record) => record.data.title)).toEqual(['kept']);
    });
  });

  it('reads 50 000 records, each at its line', () => {
    const record = (i: number) => `TY  - JOUR\nTI  - Title ${i}\nAU  - Doe, Jane\nPY  - 2020\nER  - \n`;
    within(10_000, () => {
      const result = risImport.parse(Array.from({ length: 50_000 }, (_, i) => record(i)).join(''));
      expect(result.records).toHaveLength(50_000);
      expect(result.records[49_999]!.line).toBe(49_999 * 5 + 1);
    });
  });

  it('reads one record of 100 000 tags in linear time', () => {
    within(5000, () => {
      const result = risImport.parse(
        `TY  - JOUR\nTI  - t\n${'UR  - https://x\nKW  - k\n'.repeat(50_000)}ER  - \n`,
      );
      expect(result.records[0]!.data.tags).toHaveLength(50_000);
      expect(result.records[0]!.data.links).toHaveLength(49_999);
    });
  });

  it('keeps NUL bytes and other controls as text', () => {
    const result = risImport.parse('TY  - JOUR\nTI  - a\u0000b\u0007c\nER  - \n');
    expect(result.errors).toEqual([]);
    expect(result.records[0]!.data.title).toBe('a\u0000b\u0007c');
  });

  it('never lets tag or field names reach a prototype', () => {
    const result = risImport.parse(
      'TY  - JOUR\nTI  - t\nC8  - sheaf:{"v":1,"fields":{"__proto__":["x","y"]},"set":{"__proto__":["x","y"]}}\nER  - \n',
    );
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(Object.getPrototypeOf(result.records[0]!.data.fields)).toBe(Object.prototype);
    expect(result.warnings).toHaveLength(2);
  });

  it('survives a deeply nested Sheaf line', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = risImport.parse(
      `TY  - JOUR\nTI  - t\nC8  - sheaf:{"v":1,"set":{"tags":["00000000",${deep}]}}\nER  - \n`,
    );
    expect(result.records[0]!.data.tags).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('says so when a file holds no record at all', () => {
    for (const text of ['', '\uFEFF\r\n \r\n']) {
      expect(risImport.parse(text)).toEqual({
        format: 'ris',
        records: [],
        errors: [{ line: 1, column: 1, message: expect.stringMatching(/no RIS records/) }],
        warnings: [],
      });
    }
  });
});
