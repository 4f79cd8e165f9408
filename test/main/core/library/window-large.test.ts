// Windows of a library larger than the search walk's budget (2,000 rows) and the deep
// window threshold (offset 5,000): rare words are found through the index and still
// come in sort order; deep windows are right, and follow changes made here or elsewhere.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { insertItem, readItem, replaceItemData, toItemData } from '../../../../src/main/core/library/items';
import { trashItems } from '../../../../src/main/core/library/trash';
import { addToCollection, createCollection } from '../../../../src/main/core/library/collections';
import { attachTags } from '../../../../src/main/core/library/tags';
import type { Library } from '../../../../src/main/core/library/library';
import { BackgroundIdLists } from '../../../../src/main/core/library/id-lists';
import { ListReader } from '../../../../src/main/core/library/window';
import type { SortSpec, ViewSpec } from '../../../../src/shared/views';
import { paper } from '../../../support/items';
import { tempLibraries } from '../../../support/temp-library';

const temp = tempLibraries('window-large');
const N = 5200;
let library: Library;

const title = (n: number) => `Paper ${String(n).padStart(5, '0')} common words`;
/** Items whose titles also carry a rare word, all far past the first 2,000 in title order. */
const ZYGOTE = [3000, 4000, 5100];

beforeAll(() => {
  library = temp.open();
  // Inserted in a shuffled (seeded) order, so that insertion order says nothing about title order.
  const order = Array.from({ length: N }, (_, i) => i + 1);
  let seed = 12345;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  library.write('Add papers', () => {
    for (const n of order) {
      const words = ZYGOTE.includes(n) ? `${title(n)} zygote` : title(n);
      insertItem(library.db, paper({ title: words, date: String(1900 + (n % 100)) }), {
        now: n,
        formula: library.citekeyFormula(),
      });
    }
  });
});

function titles(search: string | undefined, sort: SortSpec, offset: number, limit: number): string[] {
  const ids = library.lists.windowIds({
    view: { kind: 'library' },
    ...(search ? { search } : {}),
    sort,
    offset,
    limit,
  });
  return library.lists.rows(ids, []).map((row) => row.title.replace(' zygote', ''));
}

const ASC = { field: 'title', direction: 'asc' } as const;
const DESC = { field: 'title', direction: 'desc' } as const;
const range = (from: number, count: number, step = 1) =>
  Array.from({ length: count }, (_, i) => title(from + i * step));

describe('a library past the walk budget and the deep-window threshold', () => {
  it('gives deep windows in either direction', () => {
    expect(titles(undefined, ASC, 5100, 50)).toEqual(range(5101, 50));
    expect(titles(undefined, DESC, 5150, 50)).toEqual(range(50, 50, -1));
    expect(titles(undefined, ASC, 5190, 50)).toEqual(range(5191, 10));
    expect(titles(undefined, ASC, 4990, 20)).toEqual(range(4991, 20));
  });

  it('finds a rare word through the index once the walk gives up, in sort order', () => {
    const matchSet = vi.spyOn(
      ListReader.prototype as unknown as { matchSetQuery: () => unknown },
      'matchSetQuery',
    );
    try {
      expect(titles('zygote', ASC, 0, 10)).toEqual(ZYGOTE.map(title));
      expect(titles('zygote', DESC, 0, 10)).toEqual([...ZYGOTE].reverse().map(title));
      expect(titles('zygote', ASC, 1, 1)).toEqual([title(4000)]);
      expect(matchSet).toHaveBeenCalled();
    } finally {
      matchSet.mockRestore();
    }
    expect(library.lists.count({ kind: 'library' }, 'zygote')).toBe(3);
  });

  it('finds a frequent word by walking, and deep windows of it through the index', () => {
    expect(titles('common', ASC, 0, 3)).toEqual(range(1, 3));
    expect(titles('comm', DESC, 0, 3)).toEqual(range(5200, 3, -1));
    expect(titles('common', ASC, 5000, 100)).toEqual(range(5001, 100));
    // Without the two rare-word papers before this point, everything moves up by two.
    expect(titles('common -zygote', ASC, 4990, 20)).toEqual(range(4993, 20));
    expect(titles('paper year:1999', ASC, 0, 3)).toEqual([title(99), title(199), title(299)]);
  });

  it('rebuilds deep windows after a change made here', () => {
    expect(titles(undefined, ASC, 5198, 5)).toEqual(range(5199, 2));
    const last = library.lists.windowIds({
      view: { kind: 'library' },
      sort: ASC,
      offset: 5199,
      limit: 1,
    })[0]!;
    library.write('Edit title', () =>
      replaceItemData(library.db, last, { ...toItemData(readItem(library.db, last)), title: 'Aardvark' }, 1),
    );
    expect(titles(undefined, ASC, 5198, 5)).toEqual(range(5198, 2));
    expect(titles(undefined, ASC, 0, 1)).toEqual(['Aardvark']);
    library.undo();
    expect(titles(undefined, ASC, 5198, 5)).toEqual(range(5199, 2));
  });

  it('rebuilds deep windows after a change made by another connection', () => {
    expect(titles(undefined, ASC, 5195, 10)).toHaveLength(5);
    const other = temp.open(library.file);
    const doomed = other.db
      .prepare("SELECT id FROM items WHERE title LIKE 'Paper 0519%' OR title LIKE 'Paper 05200%'")
      .pluck()
      .all() as number[];
    expect(doomed).toHaveLength(11);
    other.write('Trash', () => trashItems(other.db, doomed, 1));
    other.close();
    expect(titles(undefined, ASC, 5185, 10)).toEqual(range(5186, 4));
  });
});

describe('deep windows in a long-lived host (their id arrays built on a worker)', () => {
  const ALL = [undefined, 'common'];
  const SORTS = [ASC, DESC];
  /** The window as a reader without a worker gives it, its array built on the spot. */
  const expected = (on: Library, search: string | undefined, sort: SortSpec, offset: number) => {
    let generation = 0;
    const plain = new ListReader(on.db, () => ++generation);
    return plain.windowIds({
      view: { kind: 'library' },
      ...(search ? { search } : {}),
      sort,
      offset,
      limit: 30,
    });
  };
  const deep = (on: Library, search: string | undefined, sort: SortSpec, offset: number) =>
    on.lists.windowIds({ view: { kind: 'library' }, ...(search ? { search } : {}), sort, offset, limit: 30 });

  /** Every deep window agrees with the plain reader; returns how many were read with OFFSET. */
  function checkAll(on: Library): number {
    const offsetReads = vi.spyOn(
      ListReader.prototype as unknown as { sqlWindow: () => number[] },
      'sqlWindow',
    );
    try {
      for (const search of ALL)
        for (const sort of SORTS)
          for (const offset of [5000, 5100, 5170])
            expect(deep(on, search, sort, offset)).toEqual(expected(on, search, sort, offset));
      return offsetReads.mock.calls.length;
    } finally {
      offsetReads.mockRestore();
    }
  }

  it('reads stale ones with OFFSET until the worker has built the array, then from it', async () => {
    const host = temp.open(library.file, { backgroundWorkers: true });
    await host.backgroundSettled();
    expect(checkAll(host)).toBe(12); // nothing built yet: every window read with OFFSET
    await host.backgroundSettled();
    expect(checkAll(host)).toBe(0); // all four lists built

    const id = deep(host, undefined, ASC, 5100)[0]!;
    host.write('Edit title', () =>
      replaceItemData(host.db, id, { ...toItemData(readItem(host.db, id)), title: 'Aardvark' }, 1),
    );
    expect(checkAll(host)).toBe(12);
    await host.backgroundSettled();
    expect(checkAll(host)).toBe(0);
    host.undo();
    expect(checkAll(host)).toBe(12);
    await host.backgroundSettled();
    expect(checkAll(host)).toBe(0);
    host.close();
  });

  it('follow a change made by another connection', async () => {
    const host = temp.open(library.file, { backgroundWorkers: true });
    await host.backgroundSettled();
    checkAll(host);
    await host.backgroundSettled();
    const other = temp.open(library.file);
    const last = deep(other, undefined, ASC, 5170);
    other.write('Trash', () => trashItems(other.db, last.slice(0, 5), 1));
    other.close();
    expect(deep(host, undefined, ASC, 5170)).not.toEqual(last);
    checkAll(host);
    await host.backgroundSettled();
    expect(checkAll(host)).toBe(0);
    host.close();
  });

  it('read a stale window in the far half of a list from its other end, in every order', async () => {
    const host = temp.open(library.file, { backgroundWorkers: true });
    await host.backgroundSettled();
    const offsetReads = vi.spyOn(
      ListReader.prototype as unknown as { sqlWindow: (query: unknown, offset: number) => number[] },
      'sqlWindow',
    );
    const views: ViewSpec[] = [{ kind: 'library' }];
    let reads = 0;
    let steps = 0; // writes made here, undone at the end
    try {
      // A collection of all but ten papers, and a trash of 5,050: lists with totals kept too.
      const collection = host.write('File', () => {
        const id = createCollection(host.db, 'Nearly all', null, 1);
        const ids = host.db.prepare('SELECT id FROM items ORDER BY id LIMIT -1 OFFSET 10').pluck().all();
        addToCollection(host.db, id, ids as number[], 1);
        attachTags(host.db, ids.slice(5) as number[], ['bulk']);
        return id;
      });
      steps++;
      // The tag named as a person might type it: the view and its kept total agree on it.
      views.push({ kind: 'collection', id: collection }, { kind: 'tags', names: ['  bulk '] });
      for (const view of views) {
        const total = host.lists.count(view);
        expect(total).toBeGreaterThan(5100);
        for (const field of [
          'added',
          'title',
          'creators',
          'date',
          'container',
          'citekey',
          'modified',
          'type',
        ])
          for (const direction of ['asc', 'desc'] as const)
            for (const offset of [4990, total - 45, total - 30, total - 1, total, total + 20]) {
              const request = { view, sort: { field, direction } as SortSpec, offset, limit: 30 };
              offsetReads.mockClear();
              let generation = 0;
              const plain = new ListReader(host.db, () => ++generation).windowIds(request);
              expect(plain.length).toBe(Math.max(0, Math.min(30, total - offset)));
              expect(host.lists.windowIds(request)).toEqual(plain);
              // Never past more than half the list: read from whichever end is nearer.
              for (const [, skipped] of offsetReads.mock.calls)
                expect(skipped).toBeLessThanOrEqual(total / 2);
              reads += offsetReads.mock.calls.length;
            }
      }
      expect(reads).toBeGreaterThan(100);
      const trash = host.db.prepare('SELECT id FROM items ORDER BY id LIMIT 5050').pluck().all() as number[];
      host.write('Trash', () => trashItems(host.db, trash, 7));
      steps++;
      const sort = { field: 'added', direction: 'desc' } as const;
      for (const offset of [5000, 5020, 5049]) {
        const request = { view: { kind: 'trash' } as const, sort, offset, limit: 30 };
        let generation = 0;
        expect(host.lists.windowIds(request)).toEqual(
          new ListReader(host.db, () => ++generation).windowIds(request),
        );
      }
    } finally {
      offsetReads.mockRestore();
      for (; steps > 0; steps--) host.undo();
      host.close();
    }
  });

  it('are built on the spot, as without a worker, when the worker cannot start', async () => {
    const lists = new BackgroundIdLists(library.file, { driver: `${temp.dir}/no-such-driver.cjs` });
    await lists.settled();
    let generation = 0;
    const reader = new ListReader(library.db, () => ++generation, lists);
    const offsetReads = vi.spyOn(
      ListReader.prototype as unknown as { sqlWindow: () => number[] },
      'sqlWindow',
    );
    try {
      expect(lists.running).toBe(false);
      const request = { view: { kind: 'library' as const }, sort: ASC, offset: 5100, limit: 30 };
      expect(reader.windowIds(request)).toEqual(expected(library, undefined, ASC, 5100));
      expect(offsetReads).not.toHaveBeenCalled();
    } finally {
      offsetReads.mockRestore();
      lists.close();
    }
  });
});
