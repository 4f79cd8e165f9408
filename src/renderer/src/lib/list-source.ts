// The rows of the item list, read from main one window (page) at a time, for any view,
// search and sort, at any size. Only what is near the screen is requested; at most
// MAX_PAGES pages are kept. A new query's first page is requested at once, with at most
// one first page in flight: while it runs, newer queries replace each other and only the
// latest is sent next; answers to anything but the latest query are dropped. The rows
// of the previous query stay on screen until the new first page arrives (no flashing).
// The count is a separate, later request, so it never delays the first rows.
import type { ListRow, ViewSpec, WindowRequest, WindowResult } from '../../../shared/views';
import { countDelay, PAGE_SIZE, pageRequest, queryKey, type ListQuery } from './list-query';

export { countDelay, PAGE_SIZE, pageRequest, queryKey, type ListQuery };

const MAX_PAGES = 80;
const CONCURRENT_PAGES = 2;

export interface ListFetchers {
  window(request: WindowRequest): Promise<WindowResult>;
  count(view: ViewSpec, search: string): Promise<number>;
  /** Error text for the list area. */
  describe(error: unknown): string;
  delay?: (fn: () => void, ms: number) => unknown;
}

export interface ListSnapshot {
  /** The query whose rows are shown; undefined until the first page arrives. */
  query?: ListQuery;
  key?: string;
  /** A newer query than the shown one is being read. */
  loading: boolean;
  /** Rows to lay out: exact when `countKnown`, else what is loaded plus one more page. */
  count: number;
  countKnown: boolean;
  error?: string;
  /** Bumps on every change (rows arrived, count known...). */
  version: number;
}

interface Shown {
  query: ListQuery;
  key: string;
  /** Map order is least-recently-used first. */
  pages: Map<number, ListRow[]>;
  /** Pages read before the last library change: shown until re-read. */
  stale: Set<number>;
  inFlight: Set<number>;
  total?: number;
  totalStale: boolean;
  /** No rows at or past this index (an empty page said so) while the total is unknown. */
  limit?: number;
  loadedEnd: number;
  generation: number;
  countRequested: boolean;
}

export class ListSource {
  private shown?: Shown;
  private wanted?: { query: ListQuery; key: string };
  private firstInFlight = false;
  private visible: [number, number] = [0, PAGE_SIZE - 1];
  private error?: string;
  private version = 0;
  private listeners = new Set<() => void>();
  private snapshotCache?: ListSnapshot;

  constructor(private readonly fetchers: ListFetchers) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): ListSnapshot {
    if (this.snapshotCache) return this.snapshotCache;
    const shown = this.shown;
    const countKnown = shown?.total !== undefined;
    const count = shown
      ? (shown.total ??
        Math.min(shown.limit ?? Infinity, shown.loadedEnd + (shown.pages.size > 0 ? PAGE_SIZE : 0)))
      : 0;
    this.snapshotCache = {
      ...(shown ? { query: shown.query, key: shown.key } : {}),
      loading: this.wanted !== undefined,
      count,
      countKnown,
      ...(this.error ? { error: this.error } : {}),
      version: this.version,
    };
    return this.snapshotCache;
  }

  /** The row at `index`, when its page is loaded. */
  row(index: number): ListRow | undefined {
    return this.shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Ids of rows `from`..`to` (inclusive), when all are loaded. */
  loadedIds(from: number, to: number): number[] | undefined {
    const ids: number[] = [];
    for (let index = from; index <= to; index++) {
      const row = this.row(index);
      if (!row) return undefined;
      ids.push(row.id);
    }
    return ids;
  }

  /** Shows `query`; a no-op when it is already shown or on its way. */
  setQuery(query: ListQuery): void {
    const key = queryKey(query);
    if (this.wanted?.key === key) return;
    if (this.shown?.key === key && !this.error) {
      if (this.wanted) {
        this.wanted = undefined;
        this.changed();
        this.scheduleCount();
      }
      return;
    }
    this.wanted = { query, key };
    this.changed();
    this.pumpFirst();
  }

  /** The rows on screen changed: read the pages they need. */
  setVisible(first: number, last: number): void {
    this.visible = [Math.max(0, first), Math.max(first, last)];
    const shown = this.shown;
    if (shown) {
      // Mark the visible pages recently used.
      for (let page = this.firstPage(); page <= this.lastPage(); page++) {
        const rows = shown.pages.get(page);
        if (rows) {
          shown.pages.delete(page);
          shown.pages.set(page, rows);
        }
      }
    }
    this.pumpPages();
  }

  /** The library changed: re-read what is shown (old rows stay until replaced). */
  refresh(): void {
    const shown = this.shown;
    if (!shown) return;
    shown.generation++;
    shown.stale = new Set(shown.pages.keys());
    shown.inFlight.clear();
    shown.totalStale = true;
    shown.limit = undefined;
    shown.countRequested = false;
    this.pumpPages();
  }

  private changed(): void {
    this.version++;
    this.snapshotCache = undefined;
    for (const listener of this.listeners) listener();
  }

  private firstPage(): number {
    return Math.floor(this.visible[0] / PAGE_SIZE);
  }

  private lastPage(): number {
    return Math.floor(this.visible[1] / PAGE_SIZE);
  }

  private request(query: ListQuery, page: number): Promise<WindowResult> {
    return this.fetchers.window(pageRequest(query, page));
  }

  private pumpFirst(): void {
    if (this.firstInFlight || !this.wanted) return;
    this.pumpFirstOf(this.wanted.query, this.wanted.key);
  }

  private pumpFirstOf(query: ListQuery, key: string): void {
    this.firstInFlight = true;
    this.request(query, 0).then(
      (result) => {
        this.firstInFlight = false;
        if (this.wanted?.key === key || (!this.wanted && this.shown?.key === key))
          this.install(query, key, result);
        this.pumpFirst();
      },
      (error: unknown) => {
        this.firstInFlight = false;
        if (this.wanted?.key === key) {
          this.wanted = undefined;
          this.shown = undefined;
          this.error = this.fetchers.describe(error);
          this.changed();
        }
        this.pumpFirst();
      },
    );
  }

  private install(query: ListQuery, key: string, first: WindowResult): void {
    const same = this.shown?.key === key;
    const shown: Shown = {
      query,
      key,
      pages: new Map([[0, first.rows]]),
      stale: new Set(),
      inFlight: new Set(),
      totalStale: false,
      loadedEnd: first.rows.length,
      generation: same ? this.shown!.generation + 1 : 0,
      countRequested: false,
    };
    if (first.total !== undefined) shown.total = first.total;
    else if (first.end) shown.total = first.rows.length;
    this.shown = shown;
    this.wanted = undefined;
    this.error = undefined;
    if (!same) this.visible = [0, PAGE_SIZE - 1];
    this.changed();
    this.pumpPages();
  }

  private pumpPages(): void {
    const shown = this.shown;
    if (!shown) return;
    const last = this.lastPage() + 1; // one page ahead
    for (let page = this.firstPage(); page <= last; page++) {
      if (shown.inFlight.size >= CONCURRENT_PAGES) break;
      if (shown.total !== undefined && !shown.totalStale && page * PAGE_SIZE >= shown.total) break;
      if (shown.limit !== undefined && page * PAGE_SIZE >= shown.limit) break;
      if (shown.inFlight.has(page) || (shown.pages.has(page) && !shown.stale.has(page))) continue;
      this.readPage(shown, page);
    }
    this.scheduleCount();
  }

  private readPage(shown: Shown, page: number): void {
    const generation = shown.generation;
    shown.inFlight.add(page);
    this.request(shown.query, page).then(
      (result) => {
        if (this.shown !== shown || shown.generation !== generation) return;
        shown.inFlight.delete(page);
        this.storePage(shown, page, result);
        this.changed();
        this.pumpPages();
      },
      (error: unknown) => {
        if (this.shown !== shown || shown.generation !== generation) return;
        shown.inFlight.delete(page);
        this.error = this.fetchers.describe(error);
        this.changed();
      },
    );
  }

  private storePage(shown: Shown, page: number, result: WindowResult): void {
    shown.pages.delete(page);
    shown.stale.delete(page);
    const offset = page * PAGE_SIZE;
    if (result.end) {
      // Pages beyond the end (read before a change) no longer exist.
      for (const key of [...shown.pages.keys()]) if (key > page) shown.pages.delete(key);
    }
    if (result.rows.length || page === 0) shown.pages.set(page, result.rows);
    if (result.total !== undefined) {
      shown.total = result.total;
      shown.totalStale = false;
    } else if (result.end && (result.rows.length || page === 0)) {
      shown.total = offset + result.rows.length;
      shown.totalStale = false;
    } else if (result.end && (shown.total === undefined || shown.total > offset)) {
      // An empty page past the end says only that the list is shorter: count it.
      shown.total = undefined;
      shown.limit = offset;
      shown.countRequested = false;
    }
    if (shown.total !== undefined) shown.limit = undefined;
    shown.loadedEnd = 0;
    for (const [key, rows] of shown.pages)
      shown.loadedEnd = Math.max(shown.loadedEnd, key * PAGE_SIZE + rows.length);
    this.evict(shown);
  }

  private evict(shown: Shown): void {
    if (shown.pages.size <= MAX_PAGES) return;
    const keep = new Set<number>();
    for (let page = this.firstPage(); page <= this.lastPage() + 1; page++) keep.add(page);
    for (const page of shown.pages.keys()) {
      if (shown.pages.size <= MAX_PAGES) break;
      if (!keep.has(page)) shown.pages.delete(page);
    }
  }

  private scheduleCount(): void {
    const shown = this.shown;
    if (!shown || shown.countRequested) return;
    if (shown.total !== undefined && !shown.totalStale) return;
    shown.countRequested = true;
    const generation = shown.generation;
    const delay = this.fetchers.delay ?? ((fn, ms) => setTimeout(fn, ms));
    delay(() => {
      if (this.shown !== shown || shown.generation !== generation) return;
      if (this.wanted) {
        // The user is still typing: count the query they settle on instead.
        shown.countRequested = false;
        return;
      }
      if (shown.total !== undefined && !shown.totalStale) return;
      this.fetchers.count(shown.query.view, shown.query.search.trim()).then(
        (count) => {
          if (this.shown !== shown || shown.generation !== generation) return;
          shown.total = count;
          shown.totalStale = false;
          this.changed();
        },
        () => {
          // The count is optional: the list still works without it.
        },
      );
    }, countDelay(shown.query.search));
  }
}
