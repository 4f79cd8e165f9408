// Importing CSL-JSON written by other tools: Zotero, citation.js, pandoc.
import { describe, expect, it } from 'vitest';
import { cslJsonImport } from '../../../../../src/main/core/formats/csl';
import { fixture } from './fixtures';

describe('CSL-JSON from Zotero', () => {
  const result = cslJsonImport.parse(fixture('csl/zotero.json'));

  it('reads every item without problems, each at the line its object starts', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((record) => [record.line, record.data.title])).toEqual([
      [2, 'Deep learning'],
      [50, 'Attention Is All You Need'],
      [81, 'World report on ageing and health'],
    ]);
  });

  it('maps a journal article with string date parts, ISSN and extra variables', () => {
    expect(result.records[0]!.data).toEqual({
      type: 'article',
      title: 'Deep learning',
      abstract: expect.stringMatching(/^Deep learning allows/),
      creators: [
        { role: 'author', family: 'LeCun', given: 'Yann' },
        { role: 'author', family: 'Bengio', given: 'Yoshua' },
        { role: 'author', family: 'Hinton', given: 'Geoffrey' },
      ],
      date: '2015-05',
      container: 'Nature',
      volume: '521',
      issue: '7553',
      pages: '436-444',
      doi: '10.1038/nature14539',
      url: 'https://www.nature.com/articles/nature14539',
      language: 'en',
      links: [],
      tags: [],
      fields: {
        issn: '1476-4687',
        note: 'Publisher: Nature Publishing Group',
        csl_journalAbbreviation: 'Nature',
        csl_source: 'www.nature.com',
        csl_accessed: '2023-01-15',
      },
      // Zotero's URL ids are not citation keys: the library makes one.
      origin: { format: 'csl-json', entryType: 'article-journal' },
    });
  });

  it('recognises an arXiv preprint by its number and keeps the rest', () => {
    const preprint = result.records[1]!.data;
    expect(preprint.type).toBe('preprint');
    expect(preprint.arxiv).toBe('1706.03762');
    expect(preprint.publisher).toBe('arXiv');
    expect(preprint.fields).not.toHaveProperty('number');
    expect(preprint.date).toBe('2017-12-05');
  });

  it('keeps an organisation author whole', () => {
    const report = result.records[2]!.data;
    expect(report.creators).toEqual([{ role: 'author', literal: 'World Health Organization' }]);
    expect(report.fields).toEqual({ address: 'Geneva', csl_genre: 'Technical report' });
  });
});

describe('CSL-JSON from citation.js', () => {
  const result = cslJsonImport.parse(fixture('csl/citationjs.json'));

  it('reads raw dates, comma and semicolon keyword lists and skips internal "_" keys', () => {
    expect(result.warnings).toEqual([]);
    const paper = result.records[0]!.data;
    expect(paper.type).toBe('inproceedings');
    expect(paper.date).toBe('2016-06');
    expect(paper.tags).toEqual(['residual learning', 'image recognition', 'deep learning']);
    expect(paper.citekey).toBe('Q30249683');
    expect(Object.keys(paper.fields)).toEqual([]);
  });

  it('accepts a numeric id (not used as a citation key) and numeric variables', () => {
    const book = result.records[1]!.data;
    expect(book.citekey).toBeUndefined();
    expect(book.fields).toEqual({ edition: '1', isbn: '0-201-13447-0' });
    expect(book.date).toBe('1984');
  });
});

describe('CSL-JSON from pandoc', () => {
  const result = cslJsonImport.parse(fixture('csl/pandoc.json'));

  it('turns name particles into the prefix and keeps suffixes', () => {
    expect(result.records[0]!.data.creators).toEqual([
      { role: 'author', family: 'Waals', given: 'Johannes Diderik', prefix: 'van der' },
    ]);
    expect(result.records[1]!.data.creators).toEqual([
      { role: 'author', family: 'Beethoven', given: 'Ludwig', prefix: 'van' },
      { role: 'author', family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { role: 'editor', family: 'Smith', given: 'Jane' },
    ]);
  });

  it('uses the id as citation key and reads a season date as its year', () => {
    const chapter = result.records[1]!.data;
    expect(chapter.citekey).toBe('beethoven1801');
    expect(chapter.type).toBe('incollection');
    expect(chapter.date).toBe('1801');
    expect(chapter.volume).toBe('3');
  });

  it('keeps a literal date it cannot read, and says so at its line', () => {
    const forthcoming = result.records[2]!.data;
    expect(forthcoming.date).toBeUndefined();
    expect(forthcoming.fields.csl_issued).toBe('forthcoming');
    expect(result.warnings).toEqual([
      { line: 59, column: 5, message: expect.stringContaining('forthcoming'), entry: 'forthcoming' },
    ]);
  });
});

describe('CSL-JSON shapes', () => {
  it('accepts a single item object instead of an array', () => {
    const result = cslJsonImport.parse(fixture('csl/single-object.json'));
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.data).toMatchObject({ type: 'online', citekey: 'doe2020', date: '2020-03-04' });
  });

  it('reads text dates in the common written forms', () => {
    const dates = ['2017-06-12', '2017/6/12', '12 June 2017', 'June 12, 2017', 'Jun. 2017', 'Spring 2017'];
    const text = JSON.stringify(dates.map((raw) => ({ type: 'book', title: raw, issued: { raw } })));
    const read = cslJsonImport.parse(text).records.map((record) => record.data.date);
    expect(read).toEqual(['2017-06-12', '2017-06-12', '2017-06-12', '2017-06-12', '2017-06', '2017']);
  });

  it('reads date ranges as their start', () => {
    const text = JSON.stringify({
      type: 'book',
      title: 'x',
      issued: {
        'date-parts': [
          [2017, 6],
          [2018, 1],
        ],
      },
    });
    expect(cslJsonImport.parse(text).records[0]!.data.date).toBe('2017-06');
  });

  it('maps CSL types to Sheaf types', () => {
    const types = [
      'article-journal',
      'article-magazine',
      'article',
      'chapter',
      'entry-encyclopedia',
      'paper-conference',
      'thesis',
      'report',
      'webpage',
      'post-weblog',
      'dataset',
      'software',
      'patent',
      'manuscript',
      'legal_case',
      'document',
    ];
    const text = JSON.stringify(types.map((type) => ({ type, title: type })));
    const result = cslJsonImport.parse(text);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((record) => record.data.type)).toEqual([
      'article',
      'article',
      'preprint',
      'incollection',
      'incollection',
      'inproceedings',
      'thesis',
      'report',
      'online',
      'online',
      'dataset',
      'software',
      'patent',
      'unpublished',
      'misc',
      'misc',
    ]);
  });

  it('finds arXiv ids in a URL, a DataCite DOI or an archive location', () => {
    const text = JSON.stringify([
      { type: 'article', title: 'a', URL: 'https://arxiv.org/pdf/2401.00001v2.pdf' },
      { type: 'article', title: 'b', DOI: '10.48550/arXiv.2401.00002' },
      { type: 'article', title: 'c', archive: 'arXiv', archive_location: 'math/0211159' },
      { type: 'article', title: 'd', number: '2401.00003' },
    ]);
    const ids = cslJsonImport.parse(text).records.map((record) => record.data.arxiv);
    // A bare number only counts when the publisher or archive is arXiv.
    expect(ids).toEqual(['2401.00001', '2401.00002', 'math/0211159', undefined]);
  });
});

describe('detect', () => {
  it('is sure about CSL-JSON and not about other text', () => {
    expect(cslJsonImport.detect(fixture('csl/zotero.json'))).toBeGreaterThan(0.8);
    expect(cslJsonImport.detect('\uFEFF[{"title": "x"}]')).toBeGreaterThan(0.8);
    expect(cslJsonImport.detect('[1, 2, 3]')).toBeLessThan(0.5);
    expect(cslJsonImport.detect('TY  - JOUR\nER  - \n')).toBe(0);
    expect(cslJsonImport.detect('@article{x, title={y}}')).toBe(0);
  });
});
