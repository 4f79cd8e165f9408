// How entries land in ItemData: types, dates, identifiers, tags, the open field map,
// origin, and inheritance through crossref and xdata.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../../src/main/core/formats/bibtex';

const FIXTURES = join(__dirname, '../../../../fixtures/bibtex');

function item(text: string) {
  const result = parseBibtex(text);
  expect(result.errors).toEqual([]);
  return result.records[0]!.data;
}

describe('entry types', () => {
  it.each([
    ['article', 'article'],
    ['InProceedings', 'inproceedings'],
    ['conference', 'inproceedings'],
    ['phdthesis', 'thesis'],
    ['mastersthesis', 'thesis'],
    ['techreport', 'report'],
    ['mvbook', 'book'],
    ['online', 'online'],
    ['www', 'online'],
    ['dataset', 'dataset'],
    ['software', 'software'],
    ['web_page', 'online'],
    ['valuesEscaped', 'misc'],
  ])('@%s → %s', (entryType, itemType) => {
    const data = item(`@${entryType}{k, title = {T}}`);
    expect(data.type).toBe(itemType);
    expect(data.origin?.entryType).toBe(entryType);
  });
});

describe('fields', () => {
  it('maps the common fields and keeps the rest in the open field map', () => {
    const data = item(`@article{smith2020,
      author = {Smith, Jane and Doe, John},
      editor = {Eve Editor},
      title = {A {GaN} study},
      journal = {Journal of Tests},
      volume = 12, number = {3}, pages = {1--10},
      year = 2020, month = jun,
      publisher = {Test Press},
      doi = {https://doi.org/10.1000/XYZ.1},
      url = {https://example.org/paper},
      keywords = {one, two; three},
      langid = {english},
      isbn = {978-3-16-148410-0},
      Note = {A note},
      abstract = {An {abstract}.}
    }`);
    expect(data).toMatchObject({
      type: 'article',
      citekey: 'smith2020',
      title: 'A GaN study',
      container: 'Journal of Tests',
      volume: '12',
      issue: '3',
      pages: '1–10',
      date: '2020-06',
      publisher: 'Test Press',
      doi: '10.1000/XYZ.1',
      url: 'https://example.org/paper',
      language: 'english',
      tags: ['one', 'two', 'three'],
      abstract: 'An abstract.',
      fields: { isbn: '978-3-16-148410-0', note: 'A note' },
    });
    expect(data.creators).toEqual([
      { role: 'author', family: 'Smith', given: 'Jane' },
      { role: 'author', family: 'Doe', given: 'John' },
      { role: 'editor', given: 'Eve', family: 'Editor' },
    ]);
    expect(data.origin?.fields?.title).toEqual({ raw: '{A {GaN} study}', value: 'A GaN study' });
    expect(data.origin?.fields?.doi?.raw).toBe('{https://doi.org/10.1000/XYZ.1}');
  });

  it.each([
    ['eprint = {2401.00001}, eprinttype = {arxiv}', '2401.00001'],
    ['eprint = {arXiv:2401.00001v2}, archivePrefix = {arXiv}', '2401.00001v2'],
    ['arxivid = {hep-th/9901001}', 'hep-th/9901001'],
  ])('reads arXiv ids from %s', (fields, id) => {
    const data = item(`@misc{k, title = {T}, ${fields}}`);
    expect(data.arxiv).toBe(id);
    expect(data.fields).toEqual({});
  });

  it('keeps an eprint of another archive in the open field map', () => {
    const data = item('@misc{k, eprint = {12345}, eprinttype = {pubmed}}');
    expect(data.arxiv).toBeUndefined();
    expect(data.fields).toEqual({ eprint: '12345', eprinttype: 'pubmed' });
  });

  it.each([
    ['date = {2014-02-02/2014-02-07}', '2014-02-02', {}],
    ['date = {2023-09-24T13:27:44+00:00}', '2023-09-24', {}],
    ['year = 2010, month = May, day = 22', '2010-05-22', {}],
    ['year = {1998}, month = {August}', '1998-08', {}],
    ['year = {in press}', undefined, { year: 'in press' }],
    ['date = {1985-1030}', undefined, { date: '1985-1030' }],
    ['date = {1996-01-01}, year = {1998}', '1996-01-01', { year: '1998' }],
    ['year = 1990, month = {Spring}', '1990', { month: 'Spring' }],
  ])('dates: %s → %s', (fields, date, rest) => {
    const data = item(`@misc{k, ${fields}}`);
    expect(data.date).toBe(date);
    expect(data.fields).toEqual(rest);
  });
});

describe('crossref and xdata', () => {
  const result = parseBibtex(readFileSync(join(FIXTURES, 'crossref-xdata.bib'), 'utf8'));
  const byKey = new Map(result.records.map((record) => [record.data.citekey, record.data]));

  it('shows fields inherited from a crossref parent, and keeps the reference', () => {
    const child = byKey.get('child')!;
    expect(child).toMatchObject({
      container: 'Proceedings of the Engine Society',
      publisher: 'Engine Press',
      date: '1843',
      fields: { crossref: 'parent' },
    });
    expect(child.creators).toContainEqual({ role: 'editor', family: 'Babbage', given: 'Charles' });
    expect(child.origin?.fields?.booktitle).toEqual({ raw: '', value: 'Proceedings of the Engine Society' });
  });

  it('resolves xdata references', () => {
    expect(byKey.get('uses-xdata')).toMatchObject({
      publisher: 'Xdata Press',
      fields: { location: 'London', xdata: 'press' },
    });
  });

  it('stops at a crossref cycle with a warning', () => {
    expect(byKey.get('loop-a')?.title).toBe('A');
    expect(result.warnings.filter((w) => w.message.includes('cycle'))).toHaveLength(2);
  });
});
