// The RIS Sheaf writes: valid for other readers, and the Sheaf line only when needed.
import { describe, expect, it } from 'vitest';
import type { ItemData, ItemType } from '../../../../../src/shared/domain';
import { risExport, risImport } from '../../../../../src/main/core/formats/ris';
import { asExportItem } from '../csl/item-arbitrary';

const article: ItemData = {
  type: 'article',
  title: 'Deep learning',
  creators: [
    { role: 'author', family: 'LeCun', given: 'Yann' },
    { role: 'author', family: 'Waals', given: 'Johannes', prefix: 'van der' },
    { role: 'author', family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    { role: 'author', literal: 'Google Brain' },
    { role: 'editor', family: 'Smith', given: 'Jane' },
  ],
  container: 'Nature',
  date: '2015-05-28',
  volume: '521',
  issue: '7553',
  pages: '436-444',
  doi: '10.1038/nature14539',
  url: 'https://www.nature.com/articles/nature14539',
  arxiv: '1706.03762',
  language: 'en',
  abstract: 'First paragraph.\n\nSecond paragraph.',
  links: [
    { kind: 'pdf', url: 'https://example.org/paper.pdf' },
    { kind: 'other', url: 'https://example.org/slides' },
  ],
  tags: ['deep learning', 'review'],
  fields: { note: 'A note', issn: '1476-4687', address: 'London', ris_m3: 'Review' },
  citekey: 'lecun2015',
};
const exportOne = (data: ItemData) => risExport.export([asExportItem(data, 0)]);

describe('RIS export', () => {
  it('writes standard tags that the importer and other tools read', () => {
    expect(exportOne(article).split('\r\n')).toEqual([
      'TY  - JOUR',
      'ID  - lecun2015',
      'TI  - Deep learning',
      'AU  - LeCun, Yann',
      'AU  - van der Waals, Johannes',
      'AU  - King, Martin Luther, Jr.',
      'AU  - Google Brain',
      'ED  - Smith, Jane',
      'T2  - Nature',
      'PY  - 2015',
      'DA  - 2015/05/28/',
      'VL  - 521',
      'IS  - 7553',
      'SP  - 436',
      'EP  - 444',
      'DO  - 10.1038/nature14539',
      'AN  - arXiv:1706.03762',
      'UR  - https://www.nature.com/articles/nature14539',
      'L1  - https://example.org/paper.pdf',
      'L2  - https://example.org/slides',
      'LA  - en',
      'AB  - First paragraph.',
      '',
      'Second paragraph.',
      'KW  - deep learning',
      'KW  - review',
      'N1  - A note',
      'CY  - London',
      'SN  - 1476-4687',
      'M3  - Review',
      'ER  - ',
      '',
      '',
    ]);
  });

  it('needs no Sheaf line for an item RIS describes fully', () => {
    expect(exportOne(article)).not.toContain('C8  - ');
    expect(risImport.parse(exportOne(article)).records[0]!.data).toEqual({
      ...article,
      origin: { format: 'ris', entryType: 'JOUR', key: 'lecun2015' },
    });
  });

  it('names the book of a chapter or conference paper in BT, a journal in T2', () => {
    expect(exportOne({ ...article, type: 'incollection' })).toContain('\r\nBT  - Nature\r\n');
    expect(exportOne({ ...article, type: 'inproceedings' })).toMatch(
      /^TY {2}- CONF\r\n[^]*\r\nBT {2}- Nature\r\n/,
    );
    expect(exportOne({ ...article, type: 'report' })).toContain('\r\nT2  - Nature\r\n');
  });

  it.each<[ItemType, string, boolean]>([
    ['article', 'JOUR', false],
    ['inproceedings', 'CONF', false],
    ['incollection', 'CHAP', false],
    ['inbook', 'CHAP', true],
    ['book', 'BOOK', false],
    ['collection', 'BOOK', true],
    ['proceedings', 'CONF', true],
    ['thesis', 'THES', false],
    ['report', 'RPRT', false],
    ['manual', 'GEN', true],
    ['online', 'ELEC', false],
    ['preprint', 'UNPB', false],
    ['dataset', 'DATA', false],
    ['software', 'COMP', false],
    ['patent', 'PAT', false],
    ['periodical', 'JFULL', false],
    ['unpublished', 'UNPB', true],
    ['misc', 'GEN', false],
  ])('writes a Sheaf %s as TY %s (type in the Sheaf line: %s)', (type, ty, lossy) => {
    const text = exportOne({ ...article, type });
    expect(text.startsWith(`TY  - ${ty}\r\n`)).toBe(true);
    expect(text.includes('C8  - sheaf:{"v":1,"set":{"type"')).toBe(lossy);
    expect(risImport.parse(text).records[0]!.data.type).toBe(type);
  });

  it('writes back the RIS type the item was read with, while it still fits', () => {
    const read = { ...article, origin: { format: 'ris', entryType: 'MGZN' } };
    expect(exportOne(read).startsWith('TY  - MGZN\r\n')).toBe(true);
    expect(exportOne({ ...read, type: 'book' }).startsWith('TY  - BOOK\r\n')).toBe(true);
  });

  it('cannot be tricked into extra records or tags by line breaks in values', () => {
    const hostile = { ...article, title: 'x\nER  - \nTY  - JOUR\nTI  - injected', abstract: 'a\rKW  - fake' };
    const text = exportOne(hostile);
    expect(text).toContain('\r\n ER  - \r\n TY  - JOUR\r\n TI  - injected\r\n');
    const result = risImport.parse(text);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.data).toMatchObject({
      title: hostile.title,
      abstract: hostile.abstract,
      tags: article.tags,
    });
  });

  it('keeps what RIS loses in one C8 Sheaf line', () => {
    const lossy = {
      ...article,
      pages: '436--444',
      creators: [{ role: 'inventor' as const, family: 'Bell', given: 'Alexander' }],
      links: [{ kind: 'code' as const, url: 'https://github.com/x/y', label: 'code' }],
      fields: { howpublished: 'online' },
    };
    const text = exportOne(lossy);
    const sheafLines = text.split('\r\n').filter((line) => line.startsWith('C8  - '));
    expect(sheafLines).toHaveLength(1);
    expect(sheafLines[0]).toMatch(/^C8 {2}- sheaf:\{"v":1,"set":\{"pages":\["[0-9a-f]{8}","436--444"\]/);
    expect(risImport.parse(text).records[0]!.data).toMatchObject(lossy);
  });
});

describe('a Sheaf line after hand edits', () => {
  const exported = exportOne({ ...article, pages: '436--444', fields: { howpublished: 'online' } });

  it('loses to an edited tag, with a warning at the Sheaf line', () => {
    const edited = exported.replace('SP  - 436', 'SP  - 437');
    const result = risImport.parse(edited);
    expect(result.records[0]!.data.pages).toBe('437-444');
    expect(result.records[0]!.data.fields.howpublished).toBe('online');
    const sheafLine = edited.split('\r\n').findIndex((line) => line.startsWith('C8  - ')) + 1;
    expect(result.warnings).toEqual([
      {
        line: sheafLine,
        column: 1,
        message: expect.stringMatching(/pages changed since Sheaf wrote/),
        entry: 'lecun2015',
      },
    ]);
  });

  it('is ignored with a warning when it is not valid', () => {
    const broken = exported.replace(/C8 {2}- sheaf:\{/, 'C8  - sheaf:{{');
    const result = risImport.parse(broken);
    expect(result.records[0]!.data.pages).toBe('436-444');
    expect(result.warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/not valid JSON/) }),
    ]);
  });

  it('cannot set forbidden field names or invalid types', () => {
    const text =
      'TY  - JOUR\nTI  - t\nC8  - sheaf:{"v":1,"set":{"type":["00000000","spaceship"]},' +
      '"fields":{"__proto__":["00000000","x"],"constructor":["00000000","y"]}}\nER  - \n';
    const result = risImport.parse(text);
    expect(result.records[0]!.data.type).toBe('article');
    expect(result.records[0]!.data.fields).toEqual({});
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(result.warnings).toHaveLength(3);
  });
});
