// Quick search: which items a query finds. Words match title, creators, year, abstract,
// notes, tags, citation key, DOI/arXiv id and venue; the last word is a prefix; accents
// are folded; "phrases", field:value and -exclusion narrow it down.
import { beforeAll, describe, expect, it } from 'vitest';
import { paper } from '../../../support/items';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('search');
let api: Api;
const id: Record<string, number> = {};

beforeAll(async () => {
  api = temp.host();
  const add = async (name: string, data: Parameters<typeof paper>[0]) => {
    id[name] = (await api.call('items.create', { data: paper(data) })).id;
  };
  await add('attention', {
    title: 'Attention Is All You Need',
    authors: ['Vaswani, Ashish', 'Shazeer, Noam'],
    date: '2017-06-12',
    arxiv: '1706.03762v5',
    container: 'NeurIPS',
    abstract: 'The dominant sequence transduction models are based on recurrent networks.',
  });
  await add('bert', {
    title: 'BERT: Pre-training of Deep Bidirectional Transformers',
    authors: ['Devlin, Jacob'],
    date: '2019',
    doi: '10.18653/v1/N19-1423',
    container: 'NAACL',
    type: 'inproceedings',
  });
  await add('godel', {
    title: 'Über formal unentscheidbare Sätze',
    authors: ['Gödel, Kurt'],
    date: '1931',
    container: 'Monatshefte für Mathematik',
  });
  await add('about', {
    title: 'Reading Vaswani et al. closely',
    authors: ['Nobody, Some'],
    date: '2021',
    abstract: 'A commentary on attention.',
  });
  await add('survey', {
    title: 'A Survey of Transformers',
    authors: ['Lin, Tianyang'],
    date: '2015',
    citekey: 'linSurveyTransformers',
  });
  await api.call('tags.add', { itemIds: [id.attention!, id.survey!], names: ['to-read'] });
  await api.call('tags.add', { itemIds: [id.godel!], names: ['logic', 'to-watch'] });
  await api.call('notes.create', { itemId: id.bert!, body: 'Masked language modelling, like a cloze test.' });
});

/** Names of the items a query finds in the library, in the order they were added. */
function find(query: string): string[] {
  const found = api.library.lists.windowIds({
    view: { kind: 'library' },
    search: query,
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 100,
  });
  const names = Object.fromEntries(Object.entries(id).map(([name, n]) => [n, name]));
  return found.map((n) => names[n]!);
}

describe('quick search', () => {
  it('matches words in the title, creators, year, abstract, notes, tags, citation key, DOI, arXiv id and venue', () => {
    expect(find('bidirectional ')).toEqual(['bert']);
    expect(find('shazeer ')).toEqual(['attention']);
    expect(find('1931 ')).toEqual(['godel']);
    expect(find('transduction ')).toEqual(['attention']);
    expect(find('cloze ')).toEqual(['bert']);
    expect(find('logic ')).toEqual(['godel']);
    expect(find('linSurveyTransformers ')).toEqual(['survey']);
    expect(find('10.18653/v1/N19-1423 ')).toEqual(['bert']);
    expect(find('1706.03762 ')).toEqual(['attention']);
    expect(find('arXiv:1706.03762 ')).toEqual(['attention']);
    expect(find('monatshefte ')).toEqual(['godel']);
  });

  it('needs every word to match, in any field', () => {
    expect(find('attention vaswani ')).toEqual(['attention', 'about']);
    expect(find('attention 2017 ')).toEqual(['attention']);
    expect(find('attention godel ')).toEqual([]);
  });

  it('matches the last word as a prefix (while it is being typed), and only the last', () => {
    expect(find('atten')).toEqual(['attention', 'about']);
    expect(find('atten ')).toEqual([]);
    expect(find('atten vaswani')).toEqual([]);
    expect(find('vaswani atten')).toEqual(['attention', 'about']);
    expect(find('trans')).toEqual(['attention', 'bert', 'survey']);
    expect(find('transf')).toEqual(['bert', 'survey']);
  });

  it('ignores case and accents, both ways', () => {
    expect(find('Godel ')).toEqual(['godel']);
    expect(find('GÖDEL ')).toEqual(['godel']);
    expect(find('uber satze ')).toEqual(['godel']);
    expect(find('für')).toEqual(['godel']);
    expect(find('godel')).toEqual(['godel']);
  });

  it('matches "quoted phrases" as consecutive words', () => {
    expect(find('"attention is all"')).toEqual(['attention']);
    expect(find('"all is attention"')).toEqual([]);
    expect(find('"vaswani et al"')).toEqual(['about']);
  });

  it('restricts a word to a field with field:value', () => {
    expect(find('author:vaswani')).toEqual(['attention']);
    expect(find('title:vaswani')).toEqual(['about']);
    expect(find('abstract:attention')).toEqual(['about']);
    expect(find('notes:cloze')).toEqual(['bert']);
    expect(find('venue:naacl')).toEqual(['bert']);
    expect(find('doi:10.18653')).toEqual(['bert']);
    expect(find('arxiv:1706.03762')).toEqual(['attention']);
    expect(find('key:vaswani')).toEqual(['attention']);
    expect(find('author:"Kurt Gödel"')).toEqual(['godel']);
  });

  it('filters by year, a range of years, or before/after a year', () => {
    expect(find('year:2017')).toEqual(['attention']);
    expect(find('year:2015-2019')).toEqual(['attention', 'bert', 'survey']);
    expect(find('year:>2018')).toEqual(['bert', 'about']);
    expect(find('year:<=1931')).toEqual(['godel']);
    expect(find('transformers year:2019')).toEqual(['bert']);
  });

  it('filters by tag (the last one as a prefix) and by type', () => {
    expect(find('tag:to-read ')).toEqual(['attention', 'survey']);
    expect(find('tag:TO-READ ')).toEqual(['attention', 'survey']);
    expect(find('tag:to-')).toEqual(['attention', 'godel', 'survey']);
    expect(find('tag:nonexistent ')).toEqual([]);
    expect(find('type:inproceedings')).toEqual(['bert']);
  });

  it('excludes with -word, -field:value, -tag: and -year:', () => {
    expect(find('-bert trans')).toEqual(['attention', 'survey']);
    expect(find('attention -author:nobody')).toEqual(['attention']);
    expect(find('-tag:to-read ')).toEqual(['bert', 'godel', 'about']);
    expect(find('-year:2015-2019 ')).toEqual(['godel', 'about']);
    expect(find('-"attention is all" attention ')).toEqual(['about']);
  });

  it('treats unknown fields and stray punctuation as text, and an empty query as no filter', () => {
    expect(find('')).toEqual(['attention', 'bert', 'godel', 'about', 'survey']);
    expect(find('   ')).toEqual(['attention', 'bert', 'godel', 'about', 'survey']);
    expect(find('!!! ')).toEqual(['attention', 'bert', 'godel', 'about', 'survey']);
    expect(find('AND OR NOT NEAR ')).toEqual([]);
    expect(find('"unterminated phrase')).toEqual([]);
    expect(find('foo:attention ')).toEqual([]);
  });

  it('finds an edited item by its new words only', async () => {
    const local = temp.host();
    const item = await local.call('items.create', { data: paper({ title: 'Original wording' }) });
    await local.call('items.update', { id: item.id, patch: { title: 'Replacement wording' } });
    const search = (q: string) =>
      local.library.lists.windowIds({
        view: { kind: 'library' },
        search: q,
        sort: { field: 'added', direction: 'asc' },
        offset: 0,
        limit: 10,
      });
    expect(search('original ')).toEqual([]);
    expect(search('replacement ')).toEqual([item.id]);
    await local.call('history.undo', {});
    expect(search('original ')).toEqual([item.id]);
    expect(search('replacement ')).toEqual([]);
  });

  it('counts what it finds', async () => {
    expect(await api.call('items.count', { view: { kind: 'library' }, search: 'trans' })).toBe(3);
    expect(await api.call('items.count', { view: { kind: 'library' }, search: 'year:2015-2019' })).toBe(3);
    expect(await api.call('items.count', { view: { kind: 'library' } })).toBe(5);
  });
});
