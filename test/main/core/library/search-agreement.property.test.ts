// ADR 0004's promise: a quick search answered by walking the list in its sort order and
// testing each row in memory (the matcher) returns exactly what the FTS5 match-set path
// returns, in the same order, for any library, query, view and sort. Both paths are the
// real ListReader's, called directly, on random small libraries with text made of what
// the tokenizer documents: letters with and without diacritics, digits, punctuation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToCollection, createCollection } from '../../../../src/main/core/library/collections';
import { insertItem } from '../../../../src/main/core/library/items';
import type { Library } from '../../../../src/main/core/library/library';
import { createNote } from '../../../../src/main/core/library/notes';
import { textMatchSet } from '../../../../src/main/core/library/search/match-sets';
import { parseQuery, type Term, type TextTerm } from '../../../../src/main/core/library/search/query';
import { attachTags } from '../../../../src/main/core/library/tags';
import { trashItems } from '../../../../src/main/core/library/trash';
import type { WalkProgress } from '../../../../src/main/core/library/window';
import { selectSql, type ViewQuery } from '../../../../src/main/core/library/view-sql';
import type { Creator, ItemData } from '../../../../src/shared/domain';
import type { SortSpec, ViewSpec } from '../../../../src/shared/views';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('search-agreement');

/** The two search paths of ListReader (private: this test is about exactly them). */
interface SearchPaths {
  walk(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    needed: number,
    budget: number,
    progress?: WalkProgress,
  ): number[] | undefined;
  walkIds(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    ids: number[],
    needed: number,
  ): number[] | undefined;
  matchSetQuery(view: ViewSpec, sort: SortSpec, terms: Term[], text: TextTerm[], known?: number[]): ViewQuery;
  indexOrder(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    needed: number,
  ): number[] | undefined;
}

// Words as the same word with and without diacritics, plus plain words, digits and mixes.
const TWINS: [string, string][] = [
  ['godel', 'Gödel'],
  ['cafe', 'café'],
  ['naive', 'naïve'],
  ['resume', 'résumé'],
  ['uber', 'über'],
  ['angstrom', 'Ångström'],
  ['facade', 'façade'],
  ['senor', 'señor'],
  ['zoe', 'Zoë'],
  ['eleve', 'élève'],
];
const PLAIN = [
  'attention',
  'transformer',
  'trans',
  'vision',
  'graph',
  'data',
  'a',
  'is',
  '2017',
  '42',
  'v2',
  'x1',
];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  ', ',
  '-',
  '.',
  ': ',
  "'",
  ' (',
  ') ',
  '/',
  ' & ',
  '! ',
  '?',
  '—',
  ' "',
  '" ',
];
const TAGS = ['to-read', 'vision', 'Gödel stuff', 'x2'];

const caseOf = fc.constantFrom<(w: string) => string>(
  (w) => w,
  (w) => w.toLowerCase(),
  (w) => w.toUpperCase(),
  (w) => w.charAt(0).toUpperCase() + w.slice(1),
);
/** One word, in either spelling and any case. */
const word = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...TWINS).chain((pair) => fc.constantFrom(...pair)),
      fc.constantFrom(...PLAIN),
    ),
    caseOf,
  )
  .map(([w, toCase]) => toCase(w));
const text = (min: number, max: number) =>
  fc
    .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([w, sep], i) => (i === parts.length - 1 ? w : w + sep)).join(''));

const creator: fc.Arbitrary<Creator> = fc.oneof(
  fc.record({ role: fc.constant('author' as const), family: word, given: word }),
  fc.record({ role: fc.constantFrom('author' as const, 'editor' as const), literal: text(1, 3) }),
);

interface RandomItem {
  data: ItemData;
  tags: string[];
  note: string | null;
  filed: boolean;
}

const item: fc.Arbitrary<RandomItem> = fc.record({
  data: fc.record(
    {
      type: fc.constantFrom('article' as const, 'book' as const, 'preprint' as const),
      title: text(1, 6),
      creators: fc.array(creator, { maxLength: 3 }),
      links: fc.constant([]),
      fields: fc.constant({}),
      abstract: text(0, 12),
      date: fc
        .tuple(fc.integer({ min: 1990, max: 2030 }), fc.option(fc.integer({ min: 1, max: 12 })))
        .map(([y, m]) => (m === null ? String(y) : `${y}-${String(m).padStart(2, '0')}`)),
      container: text(1, 3),
      arxiv: fc
        .tuple(fc.integer({ min: 1501, max: 2612 }), fc.integer({ min: 1, max: 99999 }))
        .map(([month, n]) => `${month}.${String(n).padStart(5, '0')}`),
      doi: fc.integer({ min: 1000, max: 9999 }).map((n) => `10.${n}/abc.${n % 97}`),
    },
    { requiredKeys: ['type', 'title', 'creators', 'links', 'fields'] },
  ),
  tags: fc.subarray(TAGS),
  note: fc.option(text(0, 8)),
  filed: fc.boolean(),
});

/** The texts an item holds, with the search field that looks at each: where query words come from. */
function textsOf(items: RandomItem[]): [string, string][] {
  const texts: [string, string | undefined][] = items.flatMap((it) => [
    [it.data.title, 'title:'],
    [it.data.abstract ?? '', 'abstract:'],
    [it.data.container ?? '', 'venue:'],
    [it.note ?? '', 'notes:'],
    [it.data.doi ?? '', 'doi:'],
    [it.data.arxiv ?? '', 'arxiv:'],
    ...it.data.creators.map((c): [string, string] => [c.literal ?? `${c.given} ${c.family}`, 'author:']),
  ]);
  return texts.filter((t): t is [string, string] => RAW_WORD.test(t[0]));
}
const RAW_WORD = /[\p{L}\p{N}]+/u;
const RAW_WORDS = /[\p{L}\p{N}]+/gu;

/** The other spelling of a word that has one ("Godel" <-> "Gödel"), in the same case shape. */
function otherSpelling(w: string): string {
  const pair = TWINS.find(([plain, accented]) => [plain, accented.toLowerCase()].includes(w.toLowerCase()));
  if (!pair) return w;
  const other = pair[0] === w.toLowerCase() ? pair[1] : pair[0];
  return w === w.toUpperCase() ? other.toUpperCase() : other;
}
const respell = fc.tuple(caseOf, fc.boolean()).map(
  ([toCase, swap]) =>
    (w: string) =>
      toCase(swap ? otherSpelling(w) : w),
);
const prefixOf = (w: string) => fc.integer({ min: 1, max: Math.max(1, w.length) }).map((n) => w.slice(0, n));

/**
 * A run of one to three consecutive words of a stored text (a word, a prefix of one, or a
 * phrase), sometimes restricted to the field it came from.
 */
function fromText(texts: [string, string][]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 3 }), respell, fc.boolean())
    .chain(([[t, field], at, length, spell, restrict]) => {
      const words = (t.match(RAW_WORDS) ?? ['x']).map(spell);
      const start = at % words.length;
      const run = words.slice(start, start + length);
      const value =
        run.length === 1
          ? fc.oneof(fc.constant(run[0]!), prefixOf(run[0]!))
          : fc.constant(`"${run.join(' ')}"`);
      return value.map((v) => (restrict ? field + v : v));
    });
}

const FIELDS = [
  '',
  '',
  '',
  '',
  '',
  'author:',
  'title:',
  'abstract:',
  'notes:',
  'venue:',
  'key:',
  'doi:',
  'arxiv:',
];
const FILTERS = ['year:2000-2015', 'year:>2010', 'tag:to-read', '-tag:x2', 'type:book', 'tag:to-'];

/** A quick-search query: words, prefixes, phrases, fields, negation, and sometimes a filter. */
function queryFor(items: RandomItem[]): fc.Arbitrary<string> {
  const texts = textsOf(items);
  const anyWord = fc
    .tuple(
      fc.constantFrom(...FIELDS),
      fc.oneof(word, word.chain(prefixOf), fc.integer({ min: 1990, max: 2030 }).map(String)),
    )
    .map(([field, v]) => field + v);
  const value = texts.length ? fc.oneof({ weight: 3, arbitrary: fromText(texts) }, anyWord) : anyWord;
  const piece = fc.tuple(fc.constantFrom('', '', '', '', '-'), value).map(([minus, v]) => minus + v);
  return fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.array(piece, { minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.array(piece, { minLength: 2, maxLength: 3 }) },
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...FILTERS) },
      ),
      fc.boolean(),
    )
    .map(
      ([pieces, extra, trailing]) =>
        `${[...pieces, ...(extra ? [extra] : [])].join(' ')}${trailing ? ' ' : ''}`,
    );
}

const sort: fc.Arbitrary<SortSpec> = fc.record({
  field: fc.constantFrom('title', 'creators', 'date', 'container', 'citekey', 'added', 'modified', 'type'),
  direction: fc.constantFrom('asc', 'desc'),
});

function build(items: RandomItem[], trashMask: boolean[]): { library: Library; collection: number } {
  const library = temp.open();
  const collection = library.write('Build', () => {
    const db = library.db;
    const inCollection = createCollection(db, 'Filed', null, 1);
    items.forEach((it, i) => {
      const { id } = insertItem(db, it.data, { now: 1 + i, formula: library.citekeyFormula() });
      if (it.tags.length) attachTags(db, [id], it.tags);
      if (it.note !== null) createNote(db, id, it.note, 1);
      if (it.filed) addToCollection(db, inCollection, [id], 1);
      if (trashMask[i]) trashItems(db, [id], 2);
    });
    return inCollection;
  });
  return { library, collection };
}

describe('quick search: the walk and the match set agree', () => {
  it('on random libraries, queries, views and sorts', () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 25 }).chain((items) =>
          fc.tuple(
            fc.constant(items),
            // Which items go to the trash (about one in six).
            fc.array(
              fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
              { minLength: items.length, maxLength: items.length },
            ),
            fc.array(
              fc.tuple(
                queryFor(items),
                sort,
                fc.integer({ min: -4, max: 4 }),
                fc.nat(30),
                fc.integer({ min: 1, max: 30 }),
              ),
              { minLength: 1, maxLength: 12 },
            ),
          ),
        ),
        ([items, trashMask, searches]) => {
          const { library, collection } = build(items, trashMask);
          try {
            const paths = library.lists as unknown as SearchPaths;
            const views: ViewSpec[] = [
              { kind: 'library' },
              { kind: 'trash' },
              { kind: 'unfiled' },
              { kind: 'collection', id: collection },
              { kind: 'tags', names: ['vision'] },
            ];
            for (const [q, order, viewIndex, offset, limit] of searches) {
              const view = views[Math.max(0, viewIndex)]!; // the whole library half of the time
              const terms = parseQuery(q);
              const textTerms = terms.filter((t): t is TextTerm => t.kind === 'text');
              if (textTerms.length === 0) continue;
              const walked = paths.walk(view, order, terms, textTerms, Number.MAX_SAFE_INTEGER, Infinity);
              expect(walked, `walk gave up on "${q}"`).toBeDefined();
              // A walk abandoned after its first rows and taken up again finds the same.
              const progress: WalkProgress = { found: [], scanned: 0, batch: 2 };
              const abandoned = paths.walk(
                view,
                order,
                terms,
                textTerms,
                Number.MAX_SAFE_INTEGER,
                2,
                progress,
              );
              const resumed =
                abandoned ??
                paths.walk(view, order, terms, textTerms, Number.MAX_SAFE_INTEGER, Infinity, progress);
              expect(resumed, `resumed walk of "${q}"`).toEqual(walked);
              const { sql, params } = selectSql(paths.matchSetQuery(view, order, terms, textTerms), {
                columns: 'i.id',
              });
              const matched = library.db
                .prepare(sql)
                .pluck()
                .all(...params) as number[];
              expect(
                matched,
                `query ${JSON.stringify(q)} in ${view.kind}, ${order.field} ${order.direction}`,
              ).toEqual(walked);
              const small = textMatchSet(library.db, textTerms);
              if (small) {
                const known = selectSql(paths.matchSetQuery(view, order, terms, textTerms, small), {
                  columns: 'i.id',
                });
                expect(
                  library.db
                    .prepare(known.sql)
                    .pluck()
                    .all(...known.params),
                ).toEqual(walked);
                // The walk of the sort index's ids, kept when in the set: the same first rows.
                const needed = offset + limit;
                const picked = paths.walkIds(view, order, terms, textTerms, small, needed);
                if (picked) expect(picked).toEqual(walked!.slice(0, needed));
              }
              // The library in date-added order, streamed from the index: the same first rows.
              const streamed = paths.indexOrder(view, order, terms, textTerms, offset + limit);
              if (streamed)
                expect(streamed, `streamed ${JSON.stringify(q)}`).toEqual(walked!.slice(0, offset + limit));
              // The count, whichever way it is made, is the length of the same list.
              expect(library.lists.count(view, q), `count of ${JSON.stringify(q)} in ${view.kind}`).toBe(
                walked!.length,
              );
              // And the public window, whichever path it takes, is a slice of the same list.
              const window = library.lists.windowIds({ view, search: q, sort: order, offset, limit });
              expect(window).toEqual(walked!.slice(offset, offset + limit));
            }
          } finally {
            library.close();
          }
        },
      ),
      { seed: 20260617, numRuns: 40 },
    );
  });
});
