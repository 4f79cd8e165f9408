// The renderer's pure modules (src/renderer/src/lib), tested directly in Node: the
// window arithmetic, the list source's paging and stale-answer rules, selection, the
// collection tree, columns, link buttons. They are loaded at run time because the e2e
// type-check project does not include the renderer; the shapes used are declared here.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

const lib = (name: string) =>
  import(pathToFileURL(path.resolve(import.meta.dirname, '../src/renderer/src/lib', `${name}.ts`)).href);

interface Frame {
  first: number;
  last: number;
  spacerHeight: number;
  firstTop: number;
}
interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
  maxSpacer?: number;
}
interface Row {
  id: number;
  title: string;
}
interface WindowResult {
  rows: Row[];
  offset: number;
  total?: number;
  end: boolean;
}
interface WindowRequest {
  search?: string;
  offset: number;
  limit: number;
}
interface Snapshot {
  key?: string;
  query?: { search: string };
  loading: boolean;
  count: number;
  countKnown: boolean;
  error?: string;
}
interface ListSource {
  setQuery(query: unknown): void;
  setVisible(first: number, last: number): void;
  refresh(): void;
  snapshot(): Snapshot;
  row(index: number): Row | undefined;
}

const rows = (offset: number, n: number, tag = ''): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: offset + i + 1, title: `${tag}${offset + i}` }));

/** A fake main: answers window requests when told to, in any order. */
function fakeMain(total: number, options: { cheapTotal?: boolean } = {}) {
  const pending: { request: WindowRequest; resolve: (r: WindowResult) => void }[] = [];
  return {
    pending,
    window: (request: WindowRequest) =>
      new Promise<WindowResult>((resolve) => pending.push({ request, resolve })),
    answer(index = 0, tag = '') {
      const { request, resolve } = pending.splice(index, 1)[0]!;
      const n = Math.max(0, Math.min(request.limit, total - request.offset));
      resolve({
        rows: rows(request.offset, n, tag || request.search || ''),
        offset: request.offset,
        end: request.offset + n >= total,
        ...(options.cheapTotal ? { total } : {}),
      });
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const query = (search: string) => ({
  view: { kind: 'library' },
  search,
  sort: { field: 'added', direction: 'desc' },
  columns: [],
});

test.describe('windowing', () => {
  test('rows on screen, in O(1), with overscan and clamping', async () => {
    const { frameFor } = (await lib('windowing')) as { frameFor: (input: WindowInput) => Frame };
    const base = { viewportHeight: 260, rowHeight: 26, count: 1000, overscan: 2 };
    expect(frameFor({ ...base, scrollTop: 0 })).toEqual({
      first: 0,
      last: 11,
      spacerHeight: 26_000,
      firstTop: 0,
    });
    expect(frameFor({ ...base, scrollTop: 2600 })).toMatchObject({ first: 98, last: 111, firstTop: 98 * 26 });
    expect(frameFor({ ...base, scrollTop: 99_999 })).toMatchObject({ last: 999 });
    expect(frameFor({ ...base, count: 0, scrollTop: 0 })).toMatchObject({ first: 0, last: -1 });
  });

  test('past the browser’s height limit, scrolling is scaled and the last row is reachable', async () => {
    const { frameFor, scrollTopFor } = (await lib('windowing')) as {
      frameFor: (input: WindowInput) => Frame;
      scrollTopFor: (input: WindowInput, index: number) => number;
    };
    const input = {
      viewportHeight: 800,
      rowHeight: 26,
      count: 2_000_000,
      overscan: 0,
      maxSpacer: 10_000_000,
    };
    const bottom = frameFor({ ...input, scrollTop: 10_000_000 - 800 });
    expect(bottom.spacerHeight).toBe(10_000_000);
    expect(bottom.last).toBe(1_999_999);
    // The last row's bottom edge meets the viewport's bottom edge.
    expect(bottom.firstTop + (bottom.last - bottom.first + 1) * 26).toBeCloseTo(10_000_000, 0);
    const top = scrollTopFor({ ...input, scrollTop: 0 }, 1_000_000);
    const middle = frameFor({ ...input, scrollTop: top });
    expect(middle.first).toBeLessThanOrEqual(1_000_000);
    expect(middle.last).toBeGreaterThanOrEqual(1_000_000);
  });
});

test.describe('list source', () => {
  async function source(main: ReturnType<typeof fakeMain>, count = async () => 0) {
    const { ListSource } = (await lib('list-source')) as {
      ListSource: new (fetchers: unknown) => ListSource;
    };
    return new ListSource({
      window: main.window,
      count,
      describe: (error: unknown) => String(error),
      delay: (fn: () => void) => setTimeout(fn, 0),
    });
  }

  test('keeps the old rows until the new first page, then shows only the latest query', async () => {
    const main = fakeMain(1000);
    const list = await source(main);
    list.setQuery(query('a'));
    main.answer();
    await flush();
    expect(list.snapshot()).toMatchObject({ key: expect.any(String), loading: false });
    expect(list.row(0)?.title).toBe('a0');
    // Typing "b", "bo", "bon" while "b" is in flight: one request at a time, the latest next.
    list.setQuery(query('b'));
    list.setQuery(query('bo'));
    list.setQuery(query('bon'));
    expect(main.pending.filter((p) => p.request.offset === 0).map((p) => p.request.search)).toEqual(['b']);
    expect(list.snapshot().loading).toBe(true);
    expect(list.row(0)?.title).toBe('a0');
    main.answer(main.pending.findIndex((p) => p.request.search === 'b'));
    await flush();
    // "b" was stale: not shown; "bon" went out instead ("bo" was never sent).
    expect(list.row(0)?.title).toBe('a0');
    expect(main.pending.map((p) => p.request.search)).toContain('bon');
    expect(main.pending.map((p) => p.request.search)).not.toContain('bo');
    main.answer(main.pending.findIndex((p) => p.request.search === 'bon'));
    await flush();
    expect(list.snapshot()).toMatchObject({ loading: false, query: { search: 'bon' } });
    expect(list.row(0)?.title).toBe('bon0');
  });

  test('reads pages as they come into view and learns the end of the list', async () => {
    const main = fakeMain(120);
    const counted: string[] = [];
    const list = await source(main, async () => {
      counted.push('count');
      return 120;
    });
    list.setQuery(query('x'));
    main.answer();
    await flush();
    // Not known yet: laid out as what is loaded plus a page.
    expect(list.snapshot()).toMatchObject({ count: 100, countKnown: false });
    list.setVisible(60, 90);
    while (main.pending.length) main.answer();
    await flush();
    expect(list.row(110)?.title).toBe('x110');
    expect(list.snapshot()).toMatchObject({ count: 120, countKnown: true });
  });

  test('a refresh re-reads what is shown and copes with a list that got shorter', async () => {
    let total = 60;
    const pending: { request: WindowRequest; resolve: (r: WindowResult) => void }[] = [];
    const window = (request: WindowRequest) =>
      new Promise<WindowResult>((resolve) => pending.push({ request, resolve }));
    const answer = () => {
      const { request, resolve } = pending.shift()!;
      const n = Math.max(0, Math.min(request.limit, total - request.offset));
      resolve({
        rows: rows(request.offset, n, 'r'),
        offset: request.offset,
        end: request.offset + n >= total,
        total,
      });
    };
    const { ListSource } = (await lib('list-source')) as {
      ListSource: new (fetchers: unknown) => ListSource;
    };
    const list = new ListSource({
      window,
      count: async () => total,
      describe: String,
      delay: () => undefined,
    });
    list.setQuery(query(''));
    answer();
    await flush();
    list.setVisible(40, 59);
    while (pending.length) answer();
    await flush();
    expect(list.snapshot().count).toBe(60);
    total = 1;
    list.refresh();
    // Old rows stay on screen until the new ones arrive.
    expect(list.row(0)?.title).toBe('r0');
    while (pending.length) answer();
    await flush();
    expect(list.snapshot()).toMatchObject({ count: 1, countKnown: true });
    expect(list.row(1)).toBeUndefined();
  });

  test('counts come late for one- and two-letter searches', async () => {
    const { countDelay } = (await lib('list-source')) as { countDelay: (search: string) => number };
    expect(countDelay('')).toBe(0);
    expect(countDelay('neural')).toBeLessThan(countDelay('ne'));
    expect(countDelay('a b')).toBe(countDelay('m'));
    expect(countDelay('author:li')).toBe(countDelay('li'));
  });
});

test.describe('selection', () => {
  test('click, Ctrl/Cmd+click, Shift+click and arrow keys', async () => {
    const selection = (await lib('selection')) as {
      EMPTY_SELECTION: { ids: Set<number>; anchor: number | null; focus: number | null };
      intentFor: (
        s: unknown,
        index: number,
        id: number,
        mods: { shift: boolean; toggle: boolean },
      ) => { kind: string };
      selectSingle: (index: number, id: number) => { ids: Set<number>; anchor: number };
      toggleOne: (s: unknown, index: number, id: number) => { ids: Set<number> };
      selectRange: (
        s: unknown,
        anchor: number,
        index: number,
        ids: number[],
        keep: boolean,
      ) => { ids: Set<number> };
      moveFocus: (key: string, focus: number | null, count: number, page: number) => number | null;
    };
    const one = selection.selectSingle(3, 30);
    expect(selection.intentFor(one, 5, 50, { shift: true, toggle: false })).toMatchObject({ kind: 'range' });
    expect(selection.intentFor(selection.EMPTY_SELECTION, 5, 50, { shift: true, toggle: false }).kind).toBe(
      'single',
    );
    const two = selection.toggleOne(one, 6, 60);
    expect([...two.ids]).toEqual([30, 60]);
    expect([...selection.toggleOne(two, 6, 60).ids]).toEqual([30]);
    expect([...selection.selectRange(two, 3, 5, [30, 40, 50], false).ids]).toEqual([30, 40, 50]);
    expect([...selection.selectRange(two, 3, 5, [30, 40, 50], true).ids].sort()).toEqual([30, 40, 50, 60]);
    expect(selection.moveFocus('ArrowDown', null, 10, 5)).toBe(0);
    expect(selection.moveFocus('ArrowUp', 0, 10, 5)).toBe(0);
    expect(selection.moveFocus('PageDown', 2, 10, 5)).toBe(7);
    expect(selection.moveFocus('End', 2, 10, 5)).toBe(9);
    expect(selection.moveFocus('x', 2, 10, 5)).toBeNull();
  });
});

test.describe('collections, columns, links, errors', () => {
  test('the collection tree, its paths, and no moving a collection into itself', async () => {
    const tree = (await lib('collection-tree')) as {
      buildTree: (c: unknown[]) => { collection: { name: string }; children: unknown[] }[];
      visibleNodes: (
        roots: unknown[],
        expanded: Set<number>,
      ) => { collection: { name: string }; depth: number }[];
      isWithin: (c: unknown[], id: number, ancestor: number) => boolean;
      collectionPath: (c: unknown[], id: number) => string;
    };
    const c = (id: number, name: string, parentId: number | null, position = 0) => ({
      id,
      key: `k${id}`,
      name,
      parentId,
      position,
      itemCount: 0,
    });
    const list = [c(1, 'Reading', null, 1), c(2, 'A/B', 1), c(3, 'Archive', null, 0), c(4, 'Deep', 2)];
    const roots = tree.buildTree(list);
    expect(roots.map((n) => n.collection.name)).toEqual(['Archive', 'Reading']);
    expect(tree.visibleNodes(roots, new Set([1])).map((n) => `${n.depth}:${n.collection.name}`)).toEqual([
      '0:Archive',
      '0:Reading',
      '1:A/B',
    ]);
    expect(tree.isWithin(list, 4, 1)).toBe(true);
    expect(tree.isWithin(list, 3, 1)).toBe(false);
    expect(tree.collectionPath(list, 4)).toBe('Reading/A\\/B/Deep');
  });

  test('columns: resizing keeps the pixels asked for; reorder and nudge', async () => {
    const columns = (await lib('columns')) as {
      widthForResize: (rendered: number, room: number, others: number, delta: number) => number;
      moveColumn: (prefs: { id: string }[], id: string, before: string | null) => { id: string }[];
      nudgeColumn: (prefs: { id: string; visible: boolean }[], id: string, step: number) => { id: string }[];
      nextSort: (current: unknown, field: string) => unknown;
    };
    // A 200 px column among 800 px of proportional room (others' widths add up to 600):
    // +100 px on screen means 300 of 800 px.
    const width = columns.widthForResize(200, 800, 600, 100);
    expect((800 * width) / (width + 600)).toBeCloseTo(300, 5);
    const prefs = ['title', 'creators', 'year'].map((id) => ({ id, visible: true, width: 100 }));
    expect(columns.moveColumn(prefs, 'year', 'title').map((p) => p.id)).toEqual([
      'year',
      'title',
      'creators',
    ]);
    expect(columns.nudgeColumn(prefs, 'title', 1).map((p) => p.id)).toEqual(['creators', 'title', 'year']);
    expect(columns.nextSort({ field: 'title', direction: 'asc' }, 'title')).toEqual({
      field: 'title',
      direction: 'desc',
    });
    expect(columns.nextSort({ field: 'title', direction: 'asc' }, 'added')).toEqual({
      field: 'added',
      direction: 'desc',
    });
  });

  test('link buttons: only http(s), from links, the abstract and the identifiers, once each', async () => {
    const { itemLinkButtons } = (await lib('item-links')) as {
      itemLinkButtons: (item: unknown) => { label: string; url: string }[];
    };
    const buttons = itemLinkButtons({
      links: [{ kind: 'code', url: 'https://github.com/a/b' }],
      abstract:
        'Code: https://github.com/a/b. Also javascript:alert(1) and https://a.github.io/page, data:text/html,x.',
      doi: '10.1000/x',
      url: 'javascript:alert(1)',
    });
    expect(buttons.map((b) => `${b.label} ${b.url}`)).toEqual([
      'Code https://github.com/a/b',
      'Project page https://a.github.io/page',
      'DOI https://doi.org/10.1000/x',
    ]);
  });

  test('schema errors read as sentences', async () => {
    const { messageOf } = (await lib('errors')) as { messageOf: (error: unknown) => string };
    expect(
      messageOf(
        new Error(
          'Invalid arguments for items.update: ✖ dates are YYYY, YYYY-MM or YYYY-MM-DD\n  → at patch.date',
        ),
      ),
    ).toBe('Dates are YYYY, YYYY-MM or YYYY-MM-DD');
    expect(messageOf(new Error('The title cannot be empty.'))).toBe('The title cannot be empty.');
  });
});
