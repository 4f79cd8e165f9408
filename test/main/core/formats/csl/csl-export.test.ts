// What other tools see in Sheaf's CSL-JSON, and what the `sheaf` key adds.
import { describe, expect, it } from 'vitest';
import {
  cslJsonExport,
  cslJsonImport,
  type CslExportItem,
  type CslParseResult,
} from '../../../../../src/main/core/formats/csl';
import type { ItemDetail, ItemType } from '../../../../../src/shared/domain';
import { asExportItem } from './item-arbitrary';

const exportOne = (item: CslExportItem): Record<string, unknown> =>
  (JSON.parse(cslJsonExport.export([item])) as Record<string, unknown>[])[0]!;

const vaswani = asExportItem(
  {
    type: 'preprint',
    title: 'Attention Is All You Need',
    abstract: 'The dominant sequence transduction models...',
    date: '2017-06-12',
    url: 'https://arxiv.org/abs/1706.03762',
    arxiv: '1706.03762',
    creators: [
      { role: 'author', family: 'Vaswani', given: 'Ashish' },
      { role: 'author', family: 'Waals', given: 'Johannes', prefix: 'van der' },
      { role: 'author', literal: 'Google Brain' },
      { role: 'editor', family: 'Smith', given: 'Jane', suffix: 'Jr.' },
    ],
    links: [{ kind: 'code', url: 'https://github.com/tensorflow/tensor2tensor', label: 'T2T' }],
    fields: { note: 'NeurIPS 2017', isbn: '978-3-16-148410-0', howpublished: 'arXiv' },
    tags: ['transformers', 'attention'],
    citekey: 'vaswani2017',
  },
  0,
);

describe('standard CSL-JSON', () => {
  const csl = exportOne(vaswani);

  it('writes what citeproc, pandoc and Zotero read', () => {
    expect(csl).toMatchObject({
      id: 'vaswani2017',
      type: 'article',
      title: 'Attention Is All You Need',
      abstract: 'The dominant sequence transduction models...',
      issued: { 'date-parts': [[2017, 6, 12]] },
      URL: 'https://arxiv.org/abs/1706.03762',
      number: 'arXiv:1706.03762',
      note: 'NeurIPS 2017',
      ISBN: '978-3-16-148410-0',
      keyword: 'transformers, attention',
      author: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'Waals', given: 'Johannes', 'non-dropping-particle': 'van der' },
        { literal: 'Google Brain' },
      ],
      editor: [{ family: 'Smith', given: 'Jane', suffix: 'Jr.' }],
    });
  });

  it('is an indented JSON array ending with a newline', () => {
    const text = cslJsonExport.export([vaswani, vaswani]);
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(text)).toHaveLength(2);
    expect(cslJsonExport.export([])).toBe('[]\n');
  });

  it.each<[ItemType, string]>([
    ['article', 'article-journal'],
    ['inproceedings', 'paper-conference'],
    ['incollection', 'chapter'],
    ['book', 'book'],
    ['thesis', 'thesis'],
    ['report', 'report'],
    ['online', 'webpage'],
    ['preprint', 'article'],
    ['dataset', 'dataset'],
    ['software', 'software'],
    ['patent', 'patent'],
    ['periodical', 'periodical'],
    ['unpublished', 'manuscript'],
    ['misc', 'document'],
  ])('writes a Sheaf %s as CSL %s with no sheaf.type', (type, cslType) => {
    const csl = exportOne({ ...vaswani, type });
    expect(csl.type).toBe(cslType);
    expect(csl.sheaf).not.toHaveProperty('type');
  });

  it.each<[ItemType, string]>([
    ['inbook', 'chapter'],
    ['collection', 'book'],
    ['proceedings', 'book'],
    ['manual', 'report'],
  ])('writes a Sheaf %s as CSL %s and keeps the type in sheaf.type', (type, cslType) => {
    const csl = exportOne({ ...vaswani, type });
    expect(csl.type).toBe(cslType);
    expect(csl.sheaf).toMatchObject({ type });
  });

  it("writes back the CSL type another tool gave, while it still fits the item's type", () => {
    const magazine = {
      ...vaswani,
      type: 'article' as const,
      origin: { format: 'csl-json', entryType: 'article-magazine' },
    };
    expect(exportOne(magazine).type).toBe('article-magazine');
    expect(exportOne({ ...magazine, type: 'book' }).type).toBe('book');
  });

  it('writes a date that is not partial ISO as raw text and keeps it in sheaf.date', () => {
    const csl = exportOne({ ...vaswani, date: 'circa 1990' });
    expect(csl.issued).toEqual({ raw: 'circa 1990' });
    expect(csl.sheaf).toMatchObject({ date: 'circa 1990' });
  });
});

describe('the sheaf key', () => {
  it('holds identity, links, fields and tags, and only the lossy parts', () => {
    expect(exportOne(vaswani).sheaf).toEqual({
      key: vaswani.key,
      arxiv: '1706.03762',
      links: vaswani.links,
      fields: vaswani.fields,
      tags: vaswani.tags,
      added: vaswani.added,
      modified: vaswani.modified,
    });
  });

  it('keeps creators CSL cannot say: inventors and interleaved roles', () => {
    const inventors = exportOne({
      ...vaswani,
      creators: [{ role: 'inventor', family: 'Bell', given: 'A. G.' }],
    });
    expect(inventors.author).toEqual([{ family: 'Bell', given: 'A. G.' }]);
    expect(inventors.sheaf).toMatchObject({
      creators: [{ role: 'inventor', family: 'Bell', given: 'A. G.' }],
    });
    const interleaved = exportOne({
      ...vaswani,
      creators: [
        { role: 'editor', family: 'E' },
        { role: 'author', family: 'A' },
      ],
    });
    expect(interleaved.sheaf).toHaveProperty('creators');
  });

  it('includes relations from an ItemDetail without database ids', () => {
    const detail: ItemDetail = {
      ...vaswani,
      collections: [{ id: 7, path: 'Reading/Transformers' }],
      digests: [{ id: 3, title: 'HF daily 2024-06-17', date: '2024-06-17', position: 4 }],
      notes: [{ id: 9, key: 'N1', itemId: 1, title: 'Thoughts', modified: '2024-06-18T00:00:00Z' }],
      backlinks: [],
    };
    const csl = exportOne(detail);
    expect(csl.sheaf).toMatchObject({
      collections: ['Reading/Transformers'],
      digests: [{ title: 'HF daily 2024-06-17', date: '2024-06-17', position: 4 }],
      notes: [{ key: 'N1', title: 'Thoughts', modified: '2024-06-18T00:00:00Z' }],
    });
    expect(JSON.stringify(csl.sheaf)).not.toMatch(/"id"/);

    const back = cslJsonImport.parse(cslJsonExport.export([detail])) as CslParseResult;
    expect(back.records[0]!.sheaf).toEqual({
      key: vaswani.key,
      added: vaswani.added,
      modified: vaswani.modified,
      collections: ['Reading/Transformers'],
      digests: [{ title: 'HF daily 2024-06-17', date: '2024-06-17', position: 4 }],
      notes: [{ key: 'N1', title: 'Thoughts', modified: '2024-06-18T00:00:00Z' }],
    });
  });

  it('accepts counts instead of lists', () => {
    const csl = exportOne({ ...vaswani, collections: 2, digests: 0, notes: 5 });
    expect(csl.sheaf).toMatchObject({ collections: 2, digests: 0, notes: 5 });
  });
});

describe('import of an edited Sheaf export', () => {
  it('takes standard variables from the file and sheaf parts from the sheaf key', () => {
    const csl = exportOne(vaswani);
    csl.title = 'Edited title';
    const data = cslJsonImport.parse(JSON.stringify([csl])).records[0]!.data;
    expect(data.title).toBe('Edited title');
    expect(data.links).toEqual(vaswani.links);
    expect(data.origin).toBeUndefined();
  });
});
