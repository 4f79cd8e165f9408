// Broken and hostile CSL-JSON: one positioned issue per problem, good records kept, no
// exception, no prototype pollution, no hang.
import { describe, expect, it } from 'vitest';
import { cslJsonImport } from '../../../../../src/main/core/formats/csl';
import { fixture } from './fixtures';

const parse = (text: string) => cslJsonImport.parse(text);

describe('invalid JSON', () => {
  it.each([
    ['[\n  {"title": "a",}\n]', 2, 17, /property name/],
    ['[\n  {"title": "a"}\n  {"title": "b"}\n]', 3, 3, /expected ',' or '\]'/],
    ['[{"title": "a"}', 1, 16, /input ended/],
    ['{"title": "unterminated}', 1, 11, /unterminated string/],
    ['{"title": "no closing quote\n"}', 1, 28, /control character U\+000A/],
    ['["tab\there"]', 1, 6, /control character U\+0009/],
    ['[{"title": tru}]', 1, 12, /expected a value/],
    ['[1] [2]', 1, 5, /after the end/],
    ['[01]', 1, 3, /expected ','/],
    ["\r\n\r\n  ['single']", 3, 4, /expected a value but found '''/],
  ])('%j → one error at %i:%i', (text, line, column, message) => {
    const result = parse(text);
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([{ line, column, message: expect.stringMatching(message) }]);
  });

  it('reports an empty file', () => {
    expect(parse('  \n').errors).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/empty/) }]);
  });

  it('refuses a top level that is neither an array nor an object', () => {
    for (const text of ['"a string"', '42', 'null', 'true']) {
      const result = parse(text);
      expect(result.records).toEqual([]);
      expect(result.errors).toEqual([
        { line: 1, column: 1, message: expect.stringMatching(/expected a CSL-JSON array/) },
      ]);
    }
  });
});

describe('bad records among good ones', () => {
  const result = parse(fixture('csl/broken-records.json'));

  it('keeps the good records and the readable parts of the odd one', () => {
    expect(result.records.map((record) => [record.line, record.data.citekey])).toEqual([
      [2, 'good1'],
      [8, 'odd'],
      [17, 'good2'],
    ]);
    expect(result.records[2]!.data.creators).toEqual([{ role: 'author', family: 'Doe' }]);
  });

  it('reports a record that is not an object as an error at its line', () => {
    expect(result.errors).toEqual([
      { line: 7, column: 3, message: expect.stringMatching(/item 2 is a string/) },
    ]);
  });

  it('reports each wrong field at the line of its key', () => {
    const at = (line: number) =>
      result.warnings.filter((warning) => warning.line === line).map((w) => w.message);
    expect(at(10)).toEqual([expect.stringMatching(/unknown CSL type "journal-article"/)]);
    expect(at(11)).toEqual([
      expect.stringMatching(/"title" should be text/),
      expect.stringMatching(/no title/),
    ]);
    expect(at(12)).toEqual([expect.stringMatching(/"author" should be a list/)]);
    expect(at(13)).toEqual([expect.stringMatching(/"volume" should be text/)]);
    expect(at(14)).toEqual([expect.stringMatching(/"__proto__" is not allowed/)]);
    expect(at(15)).toEqual([expect.stringMatching(/"constructor" is not allowed/)]);
    expect(at(21)).toHaveLength(2);
    expect(result.warnings.every((warning) => warning.entry !== undefined)).toBe(true);
  });

  it('never lets __proto__ or constructor keys reach a prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const odd = result.records[1]!.data;
    expect(Object.getPrototypeOf(odd.fields)).toBe(Object.prototype);
    expect(Object.keys(odd.fields)).toEqual([]);
  });
});

describe('positions of record keys', () => {
  it('finds a key written with escapes and the last of duplicate keys', () => {
    const text = '[{"type": "book",\n  "ti\\u0074le": 5,\n  "volume": 1,\n  "volume": {}}]';
    const result = parse(text);
    expect(result.warnings).toEqual([
      { line: 4, column: 3, message: expect.stringMatching(/"volume" should be text/) },
    ]);
    expect(result.records[0]!.data.title).toBe('5');
  });
});

describe('the sheaf key from an untrusted file', () => {
  it('drops forbidden and non-text fields, invalid links and creators, with warnings', () => {
    const text = `[{"id": "x", "type": "book", "title": "t",
      "sheaf": {"type": "spaceship", "fields": {"__proto__": "p", "constructor": "c", "ok": "yes", "n": 1},
                "links": [{"kind": "code", "url": "https://x"}, {"kind": "weird", "url": "https://y"}, {"url": 3}],
                "creators": [{"role": "author", "family": "A", "__proto__": {"polluted": 1}}, {"role": "captain"}],
                "tags": ["a", 1],
                "origin": {"format": "bibtex", "fields": {"__proto__": {"raw": "r", "value": "v"}}}}}]`;
    const result = parse(text);
    const data = result.records[0]!.data;
    expect(data.type).toBe('book');
    expect(data.fields).toEqual({ ok: 'yes' });
    expect(data.links).toEqual([
      { kind: 'code', url: 'https://x' },
      { kind: 'other', url: 'https://y' },
    ]);
    expect(data.creators).toEqual([{ role: 'author', family: 'A' }]);
    expect(data.tags).toEqual(['a']);
    expect(data.origin).toEqual({ format: 'bibtex', fields: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.warnings.map((warning) => warning.line)).toEqual(Array(9).fill(2));
  });
});

describe('hostile input', () => {
  it('turns 100k levels of nesting into one positioned error, quickly', () => {
    const started = performance.now();
    const result = parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(result.errors).toEqual([
      { line: 1, column: 513, message: expect.stringMatching(/nested more than 512/) },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads deep but legal nesting inside a record as an ignored value', () => {
    const deep = '['.repeat(400) + ']'.repeat(400);
    const result = parse(`[{"type": "book", "title": "t", "custom": ${deep}}]`);
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/"custom" is not text/) }),
    ]);
  });

  it('reads a 20 MB title in linear time', () => {
    const title = 'x'.repeat(20_000_000);
    const started = performance.now();
    const result = parse(`[{"type": "book", "title": "${title}"}]`);
    expect(result.records[0]!.data.title).toHaveLength(20_000_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('rejects a raw NUL byte in a string at its position, keeps an escaped one', () => {
    expect(parse('[{"title": "a\u0000b"}]').errors).toEqual([
      { line: 1, column: 14, message: expect.stringMatching(/U\+0000/) },
    ]);
    expect(parse('[{"type": "book", "title": "a\\u0000b"}]').records[0]!.data.title).toBe('a\u0000b');
  });

  it('reads 20 000 records with one scan', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ id: `k${i}`, type: 'book', title: `T${i}` }));
    const started = performance.now();
    const result = parse(JSON.stringify(records, null, 1));
    expect(result.records).toHaveLength(20_000);
    expect(result.records[19_999]!.line).toBe(1 + 19_999 * 5 + 1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
