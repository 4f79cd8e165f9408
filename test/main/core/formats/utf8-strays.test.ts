// UTF-8 files with a few bytes that are not UTF-8 (a line pasted from a Latin-1 source):
// every UTF-8 character reads as written, each stray byte is read as Windows-1252 and
// reported at its line and column, and nothing valid is lost.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { registerBuiltInFormats } from '../../../../src/main/core/formats/all';
import { parseBibtexBytes } from '../../../../src/main/core/formats/bibtex';
import { utf8WithStrays } from '../../../../src/main/core/formats/utf8-strays';
import { parseInput } from '../../../../src/main/core/service/importing';

const UTF8_ENTRIES =
  '@article{a1, author = {Müller, Jörg}, title = {Straße und Café}}\n' +
  '@article{a2, author = {Gödel, Kurt}, title = {Über formal unentscheidbare Sätze}}\n';

registerBuiltInFormats();

/** Windows-1252 as the web reads it: its five undefined bytes are their C1 code points. */
const cp1252 = (byte: number) =>
  [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)
    ? String.fromCharCode(byte)
    : iconv.decode(Buffer.from([byte]), 'windows-1252');

const TITLES = ['Straße und Café', 'Über formal unentscheidbare Sätze'];
const titles = (result: ReturnType<typeof parseBibtexBytes>) =>
  result.records.map((record) => record.data.title);

describe('UTF-8 with stray bytes', () => {
  it('reads every entry of a UTF-8 .bib with one Latin-1 byte, and says where the byte is', () => {
    const bytes = Buffer.concat([
      Buffer.from(UTF8_ENTRIES),
      Buffer.from('@misc{a3, title = {Caf'),
      Buffer.from([0xe9]),
      Buffer.from('}}\n'),
    ]);
    const result = parseBibtexBytes(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.errors).toEqual([]);
    expect(titles(result)).toEqual([...TITLES, 'Café']);
    expect(result.warnings).toEqual([
      {
        line: 3,
        column: 23,
        message: 'byte 0xE9 is not UTF-8, as the rest of the file is: read as Windows-1252 "é"',
      },
    ]);
  });

  it('warns through the import path a file takes in the app and the CLI', () => {
    const bytes = Buffer.concat([Buffer.from(UTF8_ENTRIES), Buffer.from([0x93]), Buffer.from('x\n')]);
    const { result } = parseInput({ bytes, name: 'refs.bib' });
    expect(result.records).toHaveLength(2);
    expect(result.warnings.map((warning) => [warning.line, warning.column])).toEqual([[3, 1]]);
    expect(result.warnings[0]!.message).toContain('"“"');
  });

  it('counts lines as editors do, whether they end in LF, CRLF or CR', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = Buffer.from(UTF8_ENTRIES.replaceAll('\n', end) + end);
      const bytes = Buffer.concat([
        text,
        Buffer.from('@misc{a3, title = {Caf'),
        Buffer.from([0xe9, 0x7d, 0x7d]),
      ]);
      const result = parseBibtexBytes(bytes);
      expect(titles(result)).toEqual([...TITLES, 'Café']);
      expect(result.records.map((record) => record.line)).toEqual([1, 2, 4]);
      expect(result.warnings.map((warning) => [warning.line, warning.column])).toEqual([[4, 23]]);
    }
  });

  it('leaves a file with no UTF-8 at all to the legacy encodings', () => {
    const latin1 = iconv.encode(UTF8_ENTRIES, 'windows-1252');
    const result = parseBibtexBytes(latin1);
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings).toEqual([]);
    expect(titles(result)).toEqual(TITLES);
  });

  it('gives back the UTF-8 text around any stray bytes, each at the offset it reports', () => {
    const stray = fc.integer({ min: 0x80, max: 0xff });
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 8 }),
        fc.array(stray, { minLength: 1, maxLength: 8 }),
        (parts, bytes) => {
          // Stray bytes between characters: each is followed by ASCII or a lead byte, never
          // by a continuation byte, so none of them can complete a sequence.
          const pieces: Buffer[] = [];
          parts.forEach((part, index) => {
            pieces.push(Buffer.from(part));
            if (index < bytes.length) pieces.push(Buffer.from([bytes[index]!]));
          });
          const decoded = utf8WithStrays(Buffer.concat(pieces));
          fc.pre(decoded !== undefined);
          const inserted = Math.min(parts.length, bytes.length);
          expect(decoded!.strays.map((s) => s.byte)).toEqual(bytes.slice(0, inserted));
          let rebuilt = '';
          let from = 0;
          for (const { offset, byte } of decoded!.strays) {
            expect(decoded!.text[offset]).toBe(cp1252(byte));
            rebuilt += decoded!.text.slice(from, offset);
            from = offset + 1;
          }
          rebuilt += decoded!.text.slice(from);
          expect(rebuilt).toBe(Buffer.from(parts.join('')).toString('utf8'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
