// Windowed list reads: any sort column, ascending or descending, any window
// (offset + limit) of it, with or without a search, in any view; relevance on request.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SortSpec, ViewSpec, WindowRequest } from '../../../../src/shared/views';
import { paper } from '../../../support/items';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('window');
let api: Api;
let collection: number;

const TITLES = [
  'Zebra crossings',
  'The Apple',
  'apple pie',
  'Éclair recipes',
  'banana split',
  '10 things',
  'A cat',
];

beforeAll(async () => {
  api = temp.host();
  const items = [
    paper({
      title: TITLES[0]!,
      authors: ['Young, Z'],
      date: '2019-03',
      container: 'Journal C',
      type: 'book',
    }),
    paper({ title: TITLES[1]!, authors: ['Ångström, A'], date: '2019', container: 'The Journal A' }),
    paper({ title: TITLES[2]!, authors: ['baker, B'], container: 'journal b' }),
    paper({ title: TITLES[3]!, authors: ['Ernst, E'], date: '1999-12-31', fields: { rating: '5' } }),
    paper({
      title: TITLES[4]!,
      authors: ['Mills, M'],
      date: '2019-03-02',
      fields: { rating: '1' },
      type: 'book',
    }),
    paper({ title: TITLES[5]!, authors: ['Adams, D'], date: '2001', fields: { rating: '3' } }),
    paper({ title: TITLES[6]!, date: '2020' }),
  ];
  for (const data of items) {
    await api.call('items.create', { data });
    api.clock.tick();
  }
  // 40 more, so that windows have somewhere to go.
  for (let i = 0; i < 40; i++) {
    await api.call('items.create', {
      data: paper({
        title: `Filler ${String(i).padStart(2, '0')} about apples`,
        authors: [`Writer${i % 7}, W`],
        date: `${2000 + (i % 9)}`,
      }),
    });
    api.clock.tick();
  }
  collection = (await api.call('collections.create', { name: 'Some', parentId: null })).id;
  await api.call('collections.addItems', { id: collection, itemIds: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20] });
});

const ids = (request: Omit<WindowRequest, 'offset' | 'limit'>, offset = 0, limit = 1000) =>
  api.library.lists.windowIds({ ...request, offset, limit });

const titles = (list: number[]) => api.library.lists.rows(list, []).map((row) => row.title);

function first7(sort: SortSpec): string[] {
  return titles(ids({ view: { kind: 'library' }, sort }).filter((id) => id <= 7));
}

describe('list windows', () => {
  it('sort by title ignoring case, accents, leading punctuation and English articles', () => {
    expect(first7({ field: 'title', direction: 'asc' })).toEqual([
      '10 things',
      'The Apple',
      'apple pie',
      'banana split',
      'A cat',
      'Éclair recipes',
      'Zebra crossings',
    ]);
    expect(first7({ field: 'title', direction: 'desc' })).toEqual(
      [...first7({ field: 'title', direction: 'asc' })].reverse(),
    );
  });

  it('sort by creators, date (partial dates in order, undated first), venue, type and citation key', () => {
    expect(first7({ field: 'creators', direction: 'asc' })).toEqual([
      'A cat', // no creators
      '10 things', // Adams
      'The Apple', // Ångström
      'apple pie', // baker
      'Éclair recipes', // Ernst
      'banana split', // Mills
      'Zebra crossings', // Young
    ]);
    expect(first7({ field: 'date', direction: 'asc' })).toEqual([
      'apple pie',
      'Éclair recipes',
      '10 things',
      'The Apple',
      'Zebra crossings',
      'banana split',
      'A cat',
    ]);
    expect(first7({ field: 'container', direction: 'asc' }).slice(-3)).toEqual([
      'The Apple',
      'apple pie',
      'Zebra crossings',
    ]);
    expect(first7({ field: 'type', direction: 'asc' }).slice(-2)).toEqual([
      'Zebra crossings',
      'banana split',
    ]);
    const keys = api.library.lists.rows(
      ids({ view: { kind: 'library' }, sort: { field: 'citekey', direction: 'asc' } }),
      [],
    );
    const lower = keys.map((row) => row.citekey.toLowerCase());
    expect(lower).toEqual([...lower].sort());
  });

  it('sort by when items were added or last modified', async () => {
    const added = ids({ view: { kind: 'library' }, sort: { field: 'added', direction: 'asc' } });
    expect(added.slice(0, 3)).toEqual([1, 2, 3]);
    expect(ids({ view: { kind: 'library' }, sort: { field: 'added', direction: 'desc' } })).toEqual(
      [...added].reverse(),
    );
    const local = temp.host();
    const a = await local.call('items.create', { data: paper({ title: 'First' }) });
    local.clock.tick();
    const b = await local.call('items.create', { data: paper({ title: 'Second' }) });
    local.clock.tick();
    await local.call('items.update', { id: a.id, patch: { volume: '2' } });
    const modified = local.library.lists.windowIds({
      view: { kind: 'library' },
      sort: { field: 'modified', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(modified).toEqual([b.id, a.id]);
  });

  it('sort by a field of the open field map (items without it last, descending)', () => {
    const sorted = titles(
      ids({ view: { kind: 'library' }, sort: { field: 'field:rating', direction: 'desc' } }),
    );
    expect(sorted.slice(0, 3)).toEqual(['Éclair recipes', '10 things', 'banana split']);
    const rows = api.library.lists.window({
      view: { kind: 'library' },
      sort: { field: 'field:rating', direction: 'desc' },
      offset: 0,
      limit: 2,
      columns: ['rating'],
    }).rows;
    expect(rows.map((row) => row.extra)).toEqual([{ rating: '5' }, { rating: '3' }]);
  });

  it('give any window of any order as that slice of the whole list, in every view, with or without a search', () => {
    const views: ViewSpec[] = [
      { kind: 'library' },
      { kind: 'unfiled' },
      { kind: 'collection', id: collection },
    ];
    const fields = [
      'title',
      'creators',
      'date',
      'container',
      'citekey',
      'added',
      'modified',
      'type',
    ] as const;
    for (const view of views) {
      for (const search of [undefined, 'apple', 'filler -writer3', 'year:2000-2004']) {
        for (const field of fields) {
          for (const direction of ['asc', 'desc'] as const) {
            const request = { view, sort: { field, direction }, ...(search ? { search } : {}) };
            const whole = ids(request);
            for (const [offset, limit] of [
              [0, 1],
              [0, 5],
              [3, 4],
              [whole.length - 2, 10],
              [whole.length, 5],
              [whole.length + 10, 5],
            ] as const) {
              expect(ids(request, Math.max(0, offset), limit)).toEqual(
                whole.slice(Math.max(0, offset), Math.max(0, offset) + limit),
              );
            }
          }
        }
      }
    }
    expect(ids({ view: { kind: 'library' }, sort: { field: 'title', direction: 'asc' } })).toHaveLength(47);
    expect(
      ids({ view: { kind: 'collection', id: collection }, sort: { field: 'title', direction: 'asc' } }),
    ).toHaveLength(10);
  });

  it('filter by year the same whether the year is looked up in the date index or tested row by row', () => {
    const dates = new Map(
      (
        api.library.db.prepare('SELECT id, date FROM items').all() as { id: number; date: string | null }[]
      ).map((row) => [row.id, row.date]),
    );
    const views: ViewSpec[] = [
      { kind: 'library' },
      { kind: 'unfiled' },
      { kind: 'collection', id: collection },
    ];
    const ranges = [
      ['year:2019', 2019, 2019],
      ['year:2000-2004', 2000, 2004],
      ['year:>=2005', 2005, 9999],
      ['year:<2001', 0, 2000],
      ['year:1850', 1850, 1850],
    ] as const;
    for (const view of views) {
      for (const field of ['title', 'creators', 'container', 'citekey', 'type'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { field, direction };
          const all = ids({ view, sort });
          for (const [search, from, to] of ranges) {
            const inRange = (id: number) => {
              const year = Number(dates.get(id)?.slice(0, 4));
              return year >= from && year <= to;
            };
            expect(ids({ view, sort, search }), `${search} in ${view.kind} by ${field} ${direction}`).toEqual(
              all.filter(inRange),
            );
            expect(ids({ view, sort, search }, 1, 2)).toEqual(all.filter(inRange).slice(1, 3));
          }
        }
      }
    }
  });

  it('tell whether the window reached the end, and the total when it is known cheaply', () => {
    const request = {
      view: { kind: 'library' } as const,
      sort: { field: 'title', direction: 'asc' } as const,
    };
    const head = api.library.lists.window({ ...request, offset: 0, limit: 10 });
    expect(head).toMatchObject({ offset: 0, end: false, total: 47 });
    expect(head.rows).toHaveLength(10);
    const tail = api.library.lists.window({ ...request, offset: 40, limit: 10 });
    expect(tail.rows).toHaveLength(7);
    expect(tail.end).toBe(true);
    const searched = api.library.lists.window({ ...request, search: 'apple', offset: 0, limit: 100 });
    expect(searched.total).toBeUndefined();
    expect(searched.rows).toHaveLength(api.library.lists.count({ kind: 'library' }, 'apple'));
  });

  it('order by relevance on request: a title match before a match in the abstract only', async () => {
    const local = temp.host();
    const inAbstract = await local.call('items.create', {
      data: paper({
        title: 'Something else',
        abstract: 'We mention quokka once in passing among many other words.',
      }),
    });
    const inTitle = await local.call('items.create', { data: paper({ title: 'The quokka' }) });
    await local.call('items.create', { data: paper({ title: 'Unrelated' }) });
    const byRelevance = local.library.lists.windowIds({
      view: { kind: 'library' },
      search: 'quokka',
      sort: { field: 'relevance', direction: 'desc' },
      offset: 0,
      limit: 10,
    });
    expect(byRelevance).toEqual([inTitle.id, inAbstract.id]);
    const second = local.library.lists.windowIds({
      view: { kind: 'library' },
      search: 'quokka',
      sort: { field: 'relevance', direction: 'desc' },
      offset: 1,
      limit: 1,
    });
    expect(second).toEqual([inAbstract.id]);
  });

  it('refuse a sort it does not know, through the API', async () => {
    for (const field of ['nonsense', 'field:has space', 'field:']) {
      const failure = await api.failure('items.window', {
        view: { kind: 'library' },
        sort: { field: field as SortSpec['field'], direction: 'asc' },
        offset: 0,
        limit: 5,
      });
      expect(failure.code).toBe('invalid-argument');
    }
    const negative = await api.failure('items.window', {
      view: { kind: 'library' },
      sort: { field: 'title', direction: 'asc' },
      offset: -1,
      limit: 5,
    });
    expect(negative.code).toBe('invalid-argument');
  });
});
