// Proof by a real consumer: bibutils, an independent implementation, reads the RIS Sheaf
// writes, and Sheaf reads the RIS bibutils writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemData } from '../../../../../src/shared/domain';
import { risExport, risImport } from '../../../../../src/main/core/formats/ris';
import { asExportItem } from '../csl/item-arbitrary';
import { fixture } from '../csl/fixtures';
import { bibNames, bibutilsMissing, pipe, readXml2bib } from './bibutils';

const skipReason = bibutilsMissing.length
  ? `bibutils is not installed (missing ${bibutilsMissing.join(', ')}); apt-get install bibutils`
  : '';
if (skipReason) console.warn(`skipping RIS ↔ bibutils tests: ${skipReason}`);

/** BibTeX field bibutils uses for the container of each Sheaf type it knows. */
const CONTAINER_FIELD: Partial<Record<ItemData['type'], string>> = {
  article: 'journal',
  inproceedings: 'booktitle',
  incollection: 'booktitle',
};

// bibutils reads "Jr", "Ii", "Iv"... as name suffixes wherever they stand.
const name = fc
  .stringMatching(/^[A-Z][a-z]{1,9}$/)
  .filter((word) => !/^(jr|sr|i{1,3}|iv|vi{0,3})$/i.test(word));
const words = fc.array(fc.stringMatching(/^[a-z]{2,9}$/), { minLength: 1, maxLength: 6 });
const plainItem: fc.Arbitrary<ItemData> = fc.record({
  type: fc.constantFrom(
    'article' as const,
    'inproceedings' as const,
    'incollection' as const,
    'book' as const,
    'report' as const,
    'thesis' as const,
  ),
  title: fc.tuple(name, words).map(([first, rest]) => [first, ...rest].join(' ')),
  creators: fc.array(
    fc.record({
      role: fc.constant('author' as const),
      family: name,
      given: fc.tuple(name, fc.boolean()).map(([given, middle]) => (middle ? `${given} Q.` : given)),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  date: fc
    .tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  container: fc.tuple(name, words).map(([first, rest]) => [first, ...rest].join(' ')),
  // bibutils 7.2 drops DOIs whose registrant has five digits (10.48550/...): four here.
  doi: fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[a-z0-9.]{1,12}$/))
    .map(([registrant, suffix]) => `10.${registrant}/${suffix}`),
  links: fc.constant([]),
  fields: fc.constant({}),
  tags: fc.constant([]),
});

describe.skipIf(Boolean(skipReason))('RIS ↔ bibutils', () => {
  it('ris2xml | xml2bib reads titles, authors, years, DOIs and containers of every exported item', () => {
    fc.assert(
      fc.property(fc.array(plainItem, { minLength: 1, maxLength: 6 }), (items) => {
        const ris = risExport.export(items.map(asExportItem));
        const entries = readXml2bib(pipe(ris, ['ris2xml'], ['xml2bib', '--no-latex', '--no-bom']));

        expect(entries).toHaveLength(items.length);
        items.forEach((item, index) => {
          const { fields } = entries[index]!;
          expect(fields.title).toBe(item.title);
          expect(bibNames(fields.author)).toEqual(
            item.creators.map(({ family, given }) => ({ family, given })),
          );
          expect(fields.year).toBe(item.date!.slice(0, 4));
          expect(fields.doi).toBe(item.doi);
          const containerField = CONTAINER_FIELD[item.type];
          if (containerField) expect(fields[containerField]).toBe(item.container);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('hands particles and suffixes to bibutils in a form it reads', () => {
    const item = asExportItem(
      {
        type: 'article',
        title: 'Names',
        creators: [
          { role: 'author', family: 'Waals', given: 'Johannes', prefix: 'van der' },
          { role: 'author', family: 'King', given: 'Martin', suffix: 'Jr.' },
        ],
        container: 'Journal',
        links: [],
        fields: {},
      },
      0,
    );
    const [entry] = readXml2bib(
      pipe(risExport.export([item]), ['ris2xml'], ['xml2bib', '--no-latex', '--no-bom']),
    );
    const authors = bibNames(entry!.fields.author);
    expect(authors[0]).toEqual({ family: 'van der Waals', given: 'Johannes' });
    // bibutils moves the suffix next to the family name: "King Jr., Martin".
    expect(authors[1]!.family).toBe('King Jr.');
  });

  it('Sheaf reads what bib2xml | xml2ris writes from a BibTeX file', () => {
    const ris = pipe(fixture('ris/bibutils-source.bib'), ['bib2xml'], ['xml2ris']);
    const result = risImport.parse(ris);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const byKey = new Map(result.records.map((record) => [record.data.citekey, record.data]));
    expect([...byKey.keys()]).toEqual(['vaswani2017', 'he2016', 'knuth1984', 'doe2020', 'mueller2001']);

    expect(byKey.get('vaswani2017')).toMatchObject({
      type: 'article',
      title: 'Attention Is All You Need',
      creators: [
        { role: 'author', family: 'Vaswani', given: 'Ashish' },
        { role: 'author', family: 'Shazeer', given: 'Noam' },
        { role: 'author', family: 'Berg', given: 'Jan', prefix: 'van der' },
      ],
      container: 'Advances in Neural Information Processing Systems',
      date: '2017-06',
      volume: '30',
      issue: '2',
      pages: '5998-6008',
      doi: '10.5555/3295222.3295349',
      url: 'https://example.org/attention',
      abstract: 'The dominant sequence transduction models are based on complex recurrent networks.',
      // bibutils writes BibTeX's comma list as one KW line; commas do not split tags.
      tags: ['transformers, attention'],
      fields: { note: 'A note' },
      // The second UR bibutils writes is the DOI resolver link: not a separate link.
      links: [],
    });
    expect(byKey.get('he2016')).toMatchObject({
      type: 'inproceedings',
      title: 'Deep Residual Learning',
      container: 'Proceedings of CVPR',
      creators: [
        { role: 'author', family: 'He', given: 'Kaiming' },
        { role: 'author', family: 'Zhang', given: 'Xiangyu' },
        { role: 'editor', family: 'Smith', given: 'John' },
      ],
      publisher: 'IEEE',
      date: '2016',
      pages: '770-778',
      fields: { address: 'Las Vegas' },
    });
    expect(byKey.get('knuth1984')).toMatchObject({
      type: 'book',
      title: 'The TeXbook',
      publisher: 'Addison-Wesley',
      fields: { isbn: '0-201-13447-0', edition: '1' },
    });
    expect(byKey.get('doe2020')).toMatchObject({ type: 'thesis', title: 'On Things', publisher: 'MIT' });
    expect(byKey.get('mueller2001')).toMatchObject({
      type: 'incollection',
      container: 'A Book',
      creators: [
        { role: 'author', family: 'Müller', given: 'Jürgen' },
        { role: 'editor', family: 'Editor', given: 'Ed' },
      ],
      pages: '1-20',
    });
  });
});
