import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  detectDigestFormat,
  digestExportFormats,
  digestImportFormats,
  parseDigest,
  parseDigestBytes,
} from '../../../../../src/main/core/formats/digest/index';
import { parseHfText } from '../../../../../src/main/core/formats/digest/hf/hf-text';
import type { ParseResult } from '../../../../../src/main/core/formats/types';
import { readOwn, realDigest } from './fixtures';
import { growthRatio } from './timing';

function expectPositionedIssues(result: ParseResult): void {
  for (const problem of [...result.errors, ...result.warnings]) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

/** A synthetic digest of `count` papers in the HF layout. */
function syntheticDigest(count: number): string {
  const blocks = ['new', 'Subscribe', 'byAK and the research community', 'Jun 17'];
  for (let i = 0; i < count; i++) {
    blocks.push(`Paper ${i}: Scaling Synthetic Benchmarks for Digest Parsers`);
    blocks.push(
      `We study paper ${i} in detail. Our method improves results by ${i % 97}% on standard benchmarks. Code is available at https://github.com/example/paper-${i}.`,
    );
  }
  return blocks.join('\n\n');
}

describe('bad input: every format answers with a result, never an exception', () => {
  for (const format of digestImportFormats) {
    it(`${format.id}: empty, blank and binary input give one clear error`, () => {
      for (const text of ['', '   \n\t\n  ']) {
        const result = format.parse(text);
        expect(result.records).toEqual([]);
        expect(result.errors).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/empty/) }]);
      }
      const binary = format.parse('PK\u0003\u0004\u0000\u0000\u0014\u0000binary\u0000junk');
      expect(binary.records).toEqual([]);
      expect(binary.errors).toEqual([{ line: 1, column: 5, message: expect.stringMatching(/binary data/) }]);
    });

    it(`${format.id}: arbitrary text, including format-like fragments, never throws`, () => {
      const fragments = [
        '\n',
        '\n\n',
        '\r\n',
        ' ',
        '\\\\',
        'arXiv:2306.08543',
        'Title: ',
        'Authors: A and B',
        '<rss>',
        '<item>',
        '<title>',
        '</title>',
        '<![CDATA[',
        ']]>',
        '<!--',
        '&amp;',
        '&#x0;',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<entry>',
        '{"paper":',
        '[',
        ']',
        '"title": "x"',
        'data-props="',
        '<!doctype html>',
        'Jun 17',
        '42',
        '·',
        'A Title',
        'An abstract sentence. Another one.',
        'https://github.com/a/b).',
        '(no abstract)',
        '\u0000',
        '\ud800',
        '😀',
      ];
      const arbitraryText = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(arbitraryText, (text) => {
          const result = format.parse(text);
          expect(Array.isArray(result.records)).toBe(true);
          expectPositionedIssues(result);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('bad input: encodings (through decodeBytes)', () => {
  const digest =
    'Zoë’s Naïve Café Übersetzung\n\nWe translate “café” with façade-level accuracy. It works.\n';
  const french =
    'Les Misérables à la Française: Modèles Génératifs Élégants\n\nNous présentons une méthode élégante pour générer des modèles français. Les résultats sont très encourageants, même pour les phrases complexes où les accents sont nombreux.\n';

  it('reads a Latin-1 (Windows-1252) file', () => {
    const result = parseDigestBytes(iconv.encode(french, 'windows-1252'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.records.map((record) => record.data.title)).toEqual([
      'Les Misérables à la Française: Modèles Génératifs Élégants',
    ]);
    expect(result.records[0]!.data.abstract).toMatch(
      /^Nous présentons une méthode élégante .* accents sont nombreux\.$/,
    );
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', () => {
    for (const [encoding, bom] of [
      ['utf-16le', [0xff, 0xfe]],
      ['utf-16be', [0xfe, 0xff]],
    ] as const) {
      const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(digest, encoding)]);
      const result = parseDigestBytes(bytes);
      expect(result.encoding).toBe(encoding);
      expect(result.records[0]!.data.title).toBe('Zoë’s Naïve Café Übersetzung');
    }
  });

  it('reads the real digest as UTF-16LE and as UTF-8 with BOM', () => {
    const text = realDigest();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(parseDigestBytes(utf16, { yearHint: 2025 }).records).toHaveLength(103);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(parseDigestBytes(utf8, { yearHint: 2025 }).records).toHaveLength(103);
  });

  it('refuses a binary file with a clear error instead of throwing', () => {
    const result = parseDigestBytes(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    expect(result.records).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/binary file/);
  });
});

describe('bad input: size and time', () => {
  it('parses a synthetic 10,000-paper digest completely', () => {
    const result = parseHfText(syntheticDigest(10_000), { yearHint: 2025 });
    expect(result.records).toHaveLength(10_000);
    expect(result.records[9_999]!.data.title).toBe(
      'Paper 9999: Scaling Synthetic Benchmarks for Digest Parsers',
    );
    expect(result.records[9_999]!.data.links).toEqual([
      { kind: 'code', url: 'https://github.com/example/paper-9999' },
    ]);
    expect(result.errors).toEqual([]);
  });

  const shapes: Record<string, (size: number) => string> = {
    'a digest': (size) => syntheticDigest(size / 100),
    'one line without spaces': (size) => 'x'.repeat(size * 10),
    'one line of words without punctuation': (size) => 'word '.repeat(size * 2),
    'one line of sentence breaks': (size) => 'A. B? '.repeat(size * 2),
    'dotted hosts': (size) => 'a.'.repeat(size * 5),
    'URL markers': (size) => 'https://a/ www. x.github.io '.repeat(size / 2),
    'blank lines': (size) => '\n \n'.repeat(size * 3),
    'middle dots': (size) => 'Ann · Bob · '.repeat(size),
    'HTML fragments': (size) => `<html>${'<a href="/papers/2306.08543">'.repeat(size / 4)}`,
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`stays linear on ${name}`, () => {
      expect(growthRatio(make, (text) => parseDigest(text, { yearHint: 2025 }), 20_000)).toBeLessThan(10);
    });
  }
});

describe('the digest format registry', () => {
  it('offers the five import formats and the three exports', () => {
    expect(digestImportFormats.map((format) => format.id)).toEqual([
      'hf-json',
      'feed',
      'hf-html',
      'arxiv-email',
      'hf-text',
    ]);
    expect(digestExportFormats.map((format) => [format.id, format.extension, format.mediaType])).toEqual([
      ['digest-txt', 'txt', 'text/plain; charset=utf-8'],
      ['digest-md', 'md', 'text/markdown; charset=utf-8'],
      ['digest-html', 'html', 'text/html; charset=utf-8'],
    ]);
  });
});

describe('detectDigestFormat', () => {
  it('picks the right format for every kind of input', () => {
    const cases: [string, string][] = [
      [realDigest(), 'hf-text'],
      [readOwn('hf-page-copy.txt'), 'hf-text'],
      [readOwn('hf-crlf-noheader.txt'), 'hf-text'],
      [readOwn('hf-daily-papers.json'), 'hf-json'],
      [readOwn('hf-papers-page.html'), 'hf-html'],
      [readOwn('hf-papers-page-no-data.html'), 'hf-html'],
      [readOwn('arxiv-cs-cl.eml'), 'arxiv-email'],
      [readOwn('arxiv-cs-cl.rss'), 'feed'],
      [readOwn('arxiv-api.atom'), 'feed'],
      [readOwn('nature-toc.rdf'), 'feed'],
    ];
    for (const [text, format] of cases) expect(detectDigestFormat(text)?.format.id).toBe(format);
  });

  it('claims nothing for BibTeX, RIS or empty input', () => {
    expect(detectDigestFormat('@article{key,\n  title = {A Title},\n}\n')).toBeUndefined();
    expect(detectDigestFormat('TY  - JOUR\nTI  - A Title\nER  - \n')).toBeUndefined();
    expect(detectDigestFormat('')).toBeUndefined();
  });
});
