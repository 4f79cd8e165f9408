// Items a user could enter through the API (they pass its schema and its field checks),
// with text drawn from plausible words, arbitrary Unicode and strings aimed at the
// formats' weak spots. Identifiers are unique per index, so that a set of generated items
// has no duplicates for an import to merge.
import fc from 'fast-check';
import {
  CREATOR_ROLES,
  ITEM_TYPES,
  LINK_KINDS,
  type Creator,
  type ItemData,
} from '../../../src/shared/domain';
import { anyText } from '../../main/core/formats/csl/item-arbitrary';

const someText = anyText.filter((t) => t.trim() !== '');
// eslint-disable-next-line no-control-regex -- control characters are what this excludes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Text without control characters (line breaks and tabs apart): what a text format carries. */
export const printableText = someText.filter((t) => !CONTROL.test(t));
/** Text in Unicode's composed form (NFC), which BibTeX import reads all text into. */
export const composedText = someText.map((t) => t.normalize('NFC'));
const word = fc.stringMatching(/^[a-z]{2,9}$/);

const date = fc
  .tuple(
    fc.integer({ min: 1000, max: 2100 }),
    fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  )
  .map(([y, m, d]) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    return m === undefined ? String(y) : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  });

/** Personal names as people have them (capitalised words, accents, hyphens, apostrophes). */
export const realNames = fc
  .array(
    fc.constantFrom(
      'Gödel',
      'Müller',
      'Nguyễn',
      "O'Neil",
      'Smith-Jones',
      'Ångström',
      'Łukasz',
      'Zhang',
      'Ada',
      'J.',
    ),
    {
      minLength: 1,
      maxLength: 2,
    },
  )
  .map((parts) => parts.join(' '));

const role = fc.constantFrom(...CREATOR_ROLES);
const creatorOf = (text: fc.Arbitrary<string>, names: fc.Arbitrary<string>): fc.Arbitrary<Creator> =>
  fc.oneof(
    fc.record(
      {
        role,
        family: names,
        given: names,
        prefix: fc.constantFrom('van der', 'de', 'von'),
        suffix: fc.constantFrom('Jr.', 'III'),
      },
      { requiredKeys: ['role', 'family'] },
    ),
    fc.record({ role, literal: text }),
  );

const fieldName = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
  .filter((name) => !['constructor', 'prototype'].includes(name));

/** ItemData that items.create accepts, with identifiers unique to `index`. */
export function apiItemData(index: number, text = someText, names = text): fc.Arbitrary<ItemData> {
  const creator = creatorOf(text, names);
  const unique = String(index).padStart(4, '0');
  return fc.record(
    {
      type: fc.constantFrom(...ITEM_TYPES),
      title: text,
      abstract: text,
      date,
      container: text,
      volume: fc.oneof(fc.integer({ min: 1, max: 999 }).map(String), text),
      issue: text,
      pages: fc.oneof(fc.constantFrom('123-145', '5998–6008', 'e1234'), text),
      publisher: text,
      doi: word.map((w) => `10.${1000 + index}/${w}.${unique}`),
      arxiv: fc.integer({ min: 1, max: 12 }).map((m) => `24${String(m).padStart(2, '0')}.1${unique}`),
      url: word.map((w) => `https://example.org/${w}/${unique}`),
      language: fc.constantFrom('en', 'de', 'fr'),
      creators: fc.array(creator, { maxLength: 4 }),
      links: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(...LINK_KINDS),
            url: word.map((w) => `https://example.org/${w}`),
            label: text,
          },
          { requiredKeys: ['kind', 'url'] },
        ),
        { maxLength: 3 },
      ),
      fields: fc.dictionary(fieldName, text, { maxKeys: 4, noNullPrototype: true }),
      tags: fc.uniqueArray(
        text.map((t) => t.trim().slice(0, 100)).filter((t) => t !== ''),
        { maxLength: 3 },
      ),
      citekey: word.map((w) => `${w}${unique}`),
    },
    { requiredKeys: ['type', 'title', 'creators', 'links', 'fields', 'citekey'] },
  );
}

/** A few items with distinct identifiers and titles. */
export const itemSets = (max: number, text = someText, names = text) =>
  fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => apiItemData(i, text, names))))
    .map((items) => items.map((item, i) => ({ ...item, title: `${i + 1}. ${item.title}` })));
