// Windows far down a list (ADR 64): from an array of every id of the list in order, cached
// per list until the library changes. With a background builder, a stale array is built on
// its worker, and windows asked for meanwhile are read with LIMIT/OFFSET, from whichever end
// of the list is nearer when its total is kept (ADR 69).
import type Database from 'better-sqlite3';
import type { SortSpec, ViewSpec } from '../../../shared/views';
import type { BackgroundIdLists } from './id-lists';
import { cheapTotal } from './list-counts';
import type { Term } from './search/query';
import { selectSql, viewQuery, type ViewQuery } from './view-sql';

/** Beyond this offset a window comes from the cached id array. */
export const DEEP_OFFSET = 5000;
/** Id arrays kept, the most recently read last. */
const CACHE_ENTRIES = 6;

/** One list: the request's view, order and non-text terms, and how to read its ids. */
export interface DeepList {
  view: ViewSpec;
  sort: SortSpec;
  terms: Term[];
  /** The list in order; undefined when only `allIds` can give its order (relevance). */
  query: ViewQuery | undefined;
  /** Every id of a list without a query, in order. */
  allIds: () => number[];
}

/** A LIMIT/OFFSET read of `query` (the list reader's own, so that every such read is one). */
export type OffsetRead = (query: ViewQuery, offset: number, limit: number) => number[];

export class DeepWindows {
  private readonly cache = new Map<string, { generation: number; ids: Int32Array }>();

  constructor(
    private readonly db: Database.Database,
    /** Changes whenever the library does (ours or another process's writes). */
    private readonly generation: () => number,
    private readonly read: OffsetRead,
    /** Builds id arrays on a worker (long-lived hosts). */
    private readonly background?: BackgroundIdLists,
  ) {}

  /**
   * The window at `offset` of `list`: 40-210 ms at the end of a 1M-item list with OFFSET,
   * where building the array on this thread took 220-1,080 ms (ADR 64).
   */
  window(list: DeepList, offset: number, limit: number): number[] {
    const key = JSON.stringify([list.view, list.sort, list.terms]);
    const generation = this.generation();
    const cached = this.cache.get(key);
    if (cached && cached.generation === generation) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return slice(cached.ids, offset, limit);
    }
    let ids: Int32Array;
    if (list.query) {
      const { sql, params } = selectSql(list.query, { columns: 'i.id' });
      const built = this.background?.take(key, generation, sql, params);
      if (built) ids = built;
      else if (this.background?.running) return this.offsetWindow(list, list.query, offset, limit);
      else
        ids = Int32Array.from(
          this.db
            .prepare(sql)
            .pluck()
            .all(...params) as number[],
        );
    } else {
      ids = Int32Array.from(list.allIds());
    }
    this.cache.set(key, { generation, ids });
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return slice(ids, offset, limit);
  }

  /**
   * A window read with LIMIT/OFFSET while its list's id array is being built. OFFSET steps
   * through every row before the window, so a window in the far half of a list whose total
   * is kept (no search) is read from the other end in the reverse order, then turned round:
   * every order ends in a unique column, so reversing each direction reverses it exactly.
   * The end of a 1M-item list then costs what its start does.
   */
  private offsetWindow(list: DeepList, query: ViewQuery, offset: number, limit: number): number[] {
    const { view, sort, terms } = list;
    if (terms.length > 0 || sort.field === 'relevance') return this.read(query, offset, limit);
    // One snapshot: the total and the rows counted back from it must agree.
    return this.db.transaction(() => {
      const { total } = cheapTotal(this.db, view);
      if (total === undefined || offset <= total / 2) return this.read(query, offset, limit);
      const end = Math.min(offset + limit, total);
      if (end <= offset) return [];
      const backwards = { ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' } as const;
      return this.read(viewQuery(this.db, view, backwards, terms), total - end, end - offset).reverse();
    })();
  }
}

function slice(ids: Int32Array, offset: number, limit: number): number[] {
  return Array.from(ids.subarray(offset, offset + limit));
}
