// Importing RIS written by Zotero, EndNote, Mendeley, and broken files.
import { describe, expect, it } from 'vitest';
import { risImport } from '../../../../../src/main/core/formats/ris';
import { fixture } from '../csl/fixtures';

describe('RIS from Zotero (CRLF)', () => {
  const result = risImport.parse(fixture('ris/zotero.ris'));

  it('reads both records without problems', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((record) => record.line)).toEqual([1, 26]);
  });

  it('maps a journal article, keeping tags it has no column for', () => {
    expect(result.records[0]!.data).toEqual({
      type: 'article',
      title: 'Deep learning',
      abstract: expect.stringMatching(/^Deep learning allows .* of data\.$/),
      creators: [
        { role: 'author', family: 'LeCun', given: 'Yann' },
        { role: 'author', family: 'Bengio', given: 'Yoshua' },
        { role: 'author', family: 'Hinton', given: 'Geoffrey' },
      ],
      container: 'Nature',
      date: '2015-05',
      volume: '521',
      issue: '7553',
      pages: '436-444',
      doi: '10.1038/nature14539',
      url: 'https://www.nature.com/articles/nature14539',
      language: 'en',
      links: [],
      tags: ['Computer science', 'Mathematics and computing'],
      fields: {
        issn: '1476-4687',
        note: 'Publisher: Nature Publishing Group',
        ris_dp: 'www.nature.com',
        ris_j2: 'Nature',
        ris_y2: '2023/01/15/10:21:00',
      },
      origin: { format: 'ris', entryType: 'JOUR' },
    });
  });

  it('reads an unpublished record with an arXiv DOI as a preprint', () => {
    const preprint = result.records[1]!.data;
    expect(preprint.type).toBe('preprint');
    expect(preprint.arxiv).toBe('1706.03762');
    expect(preprint.date).toBe('2017-12-05');
  });
});

describe('RIS from EndNote (BOM, old tags)', () => {
  const result = risImport.parse(fixture('ris/endnote.ris'));

  it('reads T1/A1/A2/Y1/N2 and keeps wrapped abstracts with their paragraph break', () => {
    expect(result.errors).toEqual([]);
    const book = result.records[0]!.data;
    expect(book).toMatchObject({
      type: 'book',
      title: 'The TeXbook',
      date: '1984',
      publisher: 'Addison-Wesley',
      abstract:
        "The TeXbook is the definitive guide\nto the use of TeX, written by the system's creator.\n\nSecond paragraph of the abstract.",
      creators: [
        { role: 'author', family: 'Knuth', given: 'Donald E.' },
        { role: 'editor', family: 'Editor', given: 'Some' },
      ],
      links: [{ kind: 'pdf', url: 'internal-pdf://1234567890/knuth.pdf' }],
    });
    expect(book.fields).toEqual({
      address: 'Reading, MA',
      isbn: '0-201-13447-0',
      edition: '1',
      note: 'Volume A of Computers and Typesetting',
      ris_m3: 'Book',
    });
  });

  it('reads JF as the journal, keeps JA, drops the DOI resolver URL duplicate', () => {
    const article = result.records[1]!.data;
    expect(article).toMatchObject({
      container: 'Annalen der Physik',
      date: '1905-06-30',
      pages: '891-921',
      doi: '10.1002/andp.19053221004',
    });
    expect(article.fields.ris_ja).toBe('Ann. Phys.');
  });

  it('does not take a record number in ID for a citation key', () => {
    const article = result.records[1]!.data;
    expect(article.citekey).toBeUndefined();
    expect(article.fields.ris_id).toBe('17');
  });
});

describe('RIS from Mendeley', () => {
  const [paper] = risImport.parse(fixture('ris/mendeley.ris')).records.map((record) => record.data);

  it('reads CONF with a BT container as a conference paper', () => {
    expect(paper).toMatchObject({
      type: 'inproceedings',
      container: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
      abstract: 'Deeper neural networks are more difficult to train.',
      fields: { address: 'Las Vegas, NV, USA' },
    });
  });

  it('splits a semicolon keyword list and keeps a second URL as a link', () => {
    expect(paper!.tags).toEqual(['residual learning', 'image recognition', 'deep learning']);
    expect(paper!.url).toBe('http://ieeexplore.ieee.org/document/7780459/');
    expect(paper!.links).toEqual([{ kind: 'other', url: 'https://arxiv.org/abs/1512.03385' }]);
    expect(paper!.arxiv).toBe('1512.03385');
  });
});

describe('broken RIS', () => {
  const result = risImport.parse(fixture('ris/broken.ris'));

  it('keeps every record that has content', () => {
    expect(result.records.map((record) => [record.line, record.data.title])).toEqual([
      [4, 'First good record'],
      [12, 'Second record, no ER'],
      [15, 'Third record, unknown type'],
      [20, 'Last record, no ER at end of file'],
    ]);
  });

  it('reports junk and stray tags once per run, with their lines', () => {
    expect(result.errors).toEqual([
      {
        line: 1,
        column: 1,
        message: expect.stringMatching(/text outside a RIS record \(2 lines, up to line 2\)/),
      },
      {
        line: 8,
        column: 1,
        message: expect.stringMatching(/text outside a RIS record \(2 lines, up to line 9\)/),
      },
      { line: 11, column: 1, message: expect.stringMatching(/tag AU outside a record/) },
      { line: 18, column: 1, message: expect.stringMatching(/empty record/) },
    ]);
  });

  it('warns about missing ER lines and unknown types', () => {
    expect(result.warnings).toEqual([
      { line: 12, column: 1, message: expect.stringMatching(/no "ER {2}- " line; it was ended at line 14/) },
      {
        line: 15,
        column: 1,
        message: expect.stringMatching(/unknown RIS type "WHATEVER"/),
        entry: 'Third record, unknown type',
      },
      { line: 20, column: 1, message: expect.stringMatching(/no "ER {2}- " line/) },
    ]);
    expect(result.records[2]!.data.type).toBe('misc');
  });

  it('joins indented continuation lines', () => {
    expect(result.records[3]!.data.abstract).toBe('first line\nsecond line, indented');
  });
});

describe('RIS details', () => {
  const one = (text: string) => risImport.parse(text).records[0]!.data;

  it.each([
    ['PY  - 2017', '2017'],
    ['PY  - 2017///', '2017'],
    ['PY  - 2017/06/12/', '2017-06-12'],
    ['Y1  - 2017/06/12/Spring', '2017-06-12'],
    ['DA  - 2017/06//\nPY  - 2017', '2017-06'],
    ['PY  - 2017\nDA  - 2018/01/02/', '2017'],
    ['DA  - June 2017', '2017-06'],
  ])('reads the date in %j as %s', (lines, date) => {
    expect(one(`TY  - JOUR\nTI  - t\n${lines}\nER  - \n`).date).toBe(date);
  });

  it('keeps date text that says more than the date', () => {
    const data = one('TY  - JOUR\nTI  - t\nPY  - 2017\nDA  - 2018/01/02/\nY1  - 2017/06/12/Spring\nER  - \n');
    expect(data.fields).toEqual({ ris_da: '2018/01/02/', ris_y1: '2017/06/12/Spring' });
  });

  it('warns about a date it cannot read and keeps the text', () => {
    const result = risImport.parse('TY  - JOUR\nTI  - t\nPY  - sometime\nER  - \n');
    expect(result.warnings).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(/"sometime"/), entry: 't' },
    ]);
    expect(result.records[0]!.data.fields.ris_py).toBe('sometime');
  });

  it.each([
    ['van der Waals, Johannes D.', { family: 'Waals', prefix: 'van der', given: 'Johannes D.' }],
    ['King, Martin Luther, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Smith,', { family: 'Smith' }],
    ['World Health Organization', { literal: 'World Health Organization' }],
    ['de la Cruz, Ana', { family: 'Cruz', prefix: 'de la', given: 'Ana' }],
  ])('reads the name %j', (name, parts) => {
    expect(one(`TY  - JOUR\nTI  - t\nAU  - ${name}\nER  - \n`).creators).toEqual([
      { role: 'author', ...parts },
    ]);
  });

  it('reads creator tags as roles', () => {
    const text = 'TY  - CHAP\nTI  - t\nA1  - A, a\nED  - E, e\nA2  - F, f\nA3  - C, c\nA4  - T, t\nER  - \n';
    expect(one(text).creators.map((creator) => creator.role)).toEqual([
      'author',
      'editor',
      'editor',
      'contributor',
      'translator',
    ]);
  });

  it('accepts one space before the hyphen and no space after it', () => {
    const data = one('TY - JOUR\nTI - Spaced\nAB  -\nN1  -\nER  -');
    expect(data).toMatchObject({ type: 'article', title: 'Spaced', fields: {} });
  });

  it('joins repeated notes as paragraphs and repeated unknown tags as lines', () => {
    const data = one('TY  - JOUR\nTI  - t\nN1  - one\nN1  - two\nM1  - a\nM1  - b\nER  - \n');
    expect(data.fields).toEqual({ note: 'one\n\ntwo', ris_m1: 'a\nb' });
  });

  it.each([
    ['JOUR', 'article'],
    ['MGZN', 'article'],
    ['NEWS', 'article'],
    ['CPAPER', 'inproceedings'],
    ['CHAP', 'incollection'],
    ['BOOK', 'book'],
    ['EDBOOK', 'collection'],
    ['THES', 'thesis'],
    ['RPRT', 'report'],
    ['ELEC', 'online'],
    ['WEB', 'online'],
    ['UNPB', 'unpublished'],
    ['DATA', 'dataset'],
    ['COMP', 'software'],
    ['PAT', 'patent'],
    ['JFULL', 'periodical'],
    ['GEN', 'misc'],
    ['VIDEO', 'misc'],
    ['jour', 'article'],
  ])('maps TY %s to %s', (ty, type) => {
    const result = risImport.parse(`TY  - ${ty}\nTI  - t\nER  - \n`);
    expect(result.records[0]!.data.type).toBe(type);
    expect(result.warnings).toEqual([]);
  });

  it('reads CONF as proceedings when it has no container', () => {
    expect(one('TY  - CONF\nTI  - Proceedings of X\nER  - \n').type).toBe('proceedings');
  });

  it('warns about a record without a title but keeps it', () => {
    const result = risImport.parse('TY  - JOUR\nAU  - Doe, J\nER  - \n');
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/no title/) }]);
  });
});

describe('detect', () => {
  it('is sure about RIS and not about other text', () => {
    expect(risImport.detect(fixture('ris/zotero.ris'))).toBeGreaterThan(0.9);
    expect(risImport.detect(fixture('ris/endnote.ris'))).toBeGreaterThan(0.9);
    expect(risImport.detect(fixture('ris/broken.ris'))).toBeGreaterThan(0.5);
    expect(risImport.detect('[{"type": "book"}]')).toBe(0);
    expect(risImport.detect('@article{x, title = {TY  - JOUR}}')).toBe(0);
  });
});
