// fast-check generators for ItemData and ExportItem, shared by the CSL-JSON and RIS
// round-trip tests. Text mixes plausible bibliographic words, arbitrary Unicode and
// strings aimed at the formats' weak spots (line breaks, tag look-alikes, JSON).
import fc from 'fast-check';
import {
  CREATOR_ROLES,
  ITEM_TYPES,
  LINK_KINDS,
  type Creator,
  type ItemData,
  type ItemLink,
  type ItemOrigin,
} from '../../../../../src/shared/domain';
import type { ExportItem } from '../../../../../src/main/core/formats/types';

const word = fc.stringMatching(/^[A-Z]?[a-z]{1,9}$/);
const plainText = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const unicodeText = fc.string({ unit: 'grapheme', maxLength: 30 });
const binaryText = fc.string({ unit: 'binary', maxLength: 30 });
const trickyText = fc.constantFrom(
  'line one\nline two',
  'para one\n\npara two',
  'ends with newline\n',
  '\nstarts with newline',
  'windows\r\nbreak',
  'lone\rreturn',
  'x\nER  - ',
  'x\nTY  - JOUR',
  '  padded  ',
  'sheaf:{"v":1}',
  'a, b; c',
  '{"json": [1, 2]}',
  'nul\u0000byte',
  'Gödel – Escher — Bach',
  '123--145',
  'van der',
  'arXiv:1706.03762',
);

/** Any text, weighted towards plausible values. */
export const anyText = fc.oneof(
  { weight: 4, arbitrary: plainText },
  { weight: 2, arbitrary: unicodeText },
  { weight: 1, arbitrary: binaryText },
  { weight: 2, arbitrary: trickyText },
);
const nonEmptyText = anyText.filter((text) => text !== '');

const isoDate = fc
  .tuple(
    fc.integer({ min: 1000, max: 2100 }),
    fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  )
  .map(([year, month, day]) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    if (month === undefined) return String(year);
    return day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  });
const anyDate = fc.oneof({ weight: 5, arbitrary: isoDate }, { weight: 1, arbitrary: nonEmptyText });

const role = fc.constantFrom(...CREATOR_ROLES);
const person: fc.Arbitrary<Creator> = fc.record(
  {
    role,
    family: fc.oneof(word, nonEmptyText),
    given: fc.oneof(plainText, nonEmptyText),
    prefix: fc.oneof(fc.constantFrom('van der', 'de la', 'von'), nonEmptyText),
    suffix: fc.oneof(fc.constantFrom('Jr.', 'III'), nonEmptyText),
  },
  { requiredKeys: ['role'] },
);
const organisation: fc.Arbitrary<Creator> = fc.record({ role, literal: nonEmptyText });
const creator = fc.oneof({ weight: 4, arbitrary: person }, { weight: 1, arbitrary: organisation });

const link: fc.Arbitrary<ItemLink> = fc.record(
  {
    kind: fc.constantFrom(...LINK_KINDS),
    url: fc.oneof(fc.webUrl(), nonEmptyText),
    label: nonEmptyText,
  },
  { requiredKeys: ['kind', 'url'] },
);

const fieldName = fc
  .oneof(
    fc.constantFrom(
      'note',
      'address',
      'edition',
      'series',
      'isbn',
      'issn',
      'number',
      'howpublished',
      'ris_m3',
      'ris_c8',
      'ris_ty',
      'ris_er',
      'csl_genre',
      'csl_title-short',
    ),
    fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/),
  )
  .filter((name) => !['__proto__', 'constructor', 'prototype'].includes(name));
const fields = fc.dictionary(fieldName, anyText, { maxKeys: 5, noNullPrototype: true });

const origin: fc.Arbitrary<ItemOrigin> = fc.record(
  {
    format: fc.constantFrom('bibtex', 'csl-json', 'ris'),
    entryType: fc.constantFrom('ARTICLE', 'article-magazine', 'JOUR', 'CPAPER', 'webpage', 'weird'),
    key: word,
    fields: fc.dictionary(fieldName, fc.record({ raw: anyText, value: anyText }), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  },
  { requiredKeys: ['format'] },
);

export const itemDataArbitrary: fc.Arbitrary<ItemData> = fc.record(
  {
    type: fc.constantFrom(...ITEM_TYPES),
    title: fc.oneof({ weight: 9, arbitrary: nonEmptyText }, { weight: 1, arbitrary: fc.constant('') }),
    abstract: nonEmptyText,
    date: anyDate,
    container: nonEmptyText,
    volume: fc.oneof(fc.integer({ min: 1, max: 999 }).map(String), nonEmptyText),
    issue: nonEmptyText,
    pages: fc.oneof(fc.constantFrom('123-145', '123--145', 'e1234', '5998–6008', '12, 15-17'), nonEmptyText),
    publisher: nonEmptyText,
    doi: fc.oneof(fc.constantFrom('10.1038/nature14539', 'https://doi.org/10.1/x'), nonEmptyText),
    arxiv: fc.oneof(fc.constantFrom('1706.03762', 'math/0211159', '2401.00001'), nonEmptyText),
    url: fc.oneof(fc.webUrl(), fc.constant('https://arxiv.org/abs/1706.03762'), nonEmptyText),
    language: fc.constantFrom('en', 'de', 'fr'),
    creators: fc.array(creator, { maxLength: 5 }),
    links: fc.array(link, { maxLength: 3 }),
    fields,
    tags: fc.array(nonEmptyText, { maxLength: 4 }),
    citekey: fc.stringMatching(/^[a-z][a-z0-9_:-]{0,15}$/),
    origin,
  },
  { requiredKeys: ['type', 'title', 'creators', 'links', 'fields'] },
);

/** ItemData as the library would hand it to an exporter. */
export function asExportItem(data: ItemData, index: number): ExportItem {
  return {
    ...data,
    id: index + 1,
    key: `K${String(index).padStart(7, '0')}`,
    citekey: data.citekey ?? `key${index}`,
    tags: data.tags ?? [],
    added: '2024-01-02T03:04:05.000Z',
    modified: '2024-02-03T04:05:06.000Z',
  };
}

/** The ItemData an importer should give back for an exported item. */
export function expectedData(item: ExportItem): ItemData {
  const { id: _id, key: _key, added: _added, modified: _modified, deleted: _deleted, ...data } = item;
  return data;
}
