// Windowed reads of any view, in any sort order, optionally filtered by a quick search,
// without loading the rest (ADR 0004). A search is answered one of two ways:
//  - walk: read the view in sort order and test each row in memory, which finds the
//    first page quickly when the words match much of the library ("model", "a");
//  - match set: let the full-text index find the few matching rows, then sort those.
// The walk comes first, with a row budget it abandons early when the hit rate is low; then
// a small match set is sorted; a large one means a longer walk will find the page.
// Deep windows (far down a long list) come from a cached id array per (view, search,
// sort), rebuilt when the library changes (deep-windows.ts).
import type Database from 'better-sqlite3';
import type { ListRow, SortSpec, ViewSpec, WindowRequest, WindowResult } from '../../../shared/views';
import { stmt } from '../db/statements';
import { DEEP_OFFSET, DeepWindows } from './deep-windows';
import type { BackgroundIdLists } from './id-lists';
import { ftsExpression } from './search/fts';
import { textMatchSet, yearMatchSet } from './search/match-sets';
import {
  attachNotesAndTags,
  documentColumns,
  SEARCH_COLUMNS,
  SEARCH_DOCUMENT_JOIN,
  type SearchColumn,
  type SearchDocument,
} from './search/indexer';
import { compileMatcher } from './search/matcher';
import { parseQuery, type Term, type TextTerm } from './search/query';
import { cheapTotal, indexCount } from './list-counts';
import { readListRows } from './list-rows';
import { scopeCount, selectSql, viewQuery, type ViewQuery } from './view-sql';

/**
 * Rows the first walk may test before handing over to the full-text index: reading and
 * testing a row's whole text costs about 25 µs (1M-item benchmark library), so the walk
 * pays only when the words match a large share of the view.
 */
const WALK_BUDGET = 1000;
/** Rows the first batch of a walk reads; the next ones follow the hit rate (nextBatch). */
const FIRST_BATCH = 200;
/** Next batches read this many times the rows the hit rate predicts, and at least MIN_BATCH. */
const BATCH_MARGIN = 1.3;
const MIN_BATCH = 50;
/** Rows the last walk may test, when the index found too many matches to sort. */
const DENSE_WALK_BUDGET = 4000;
/**
 * Reading an id from a sort index costs about this many times less than fetching and
 * sorting a row of a match set (measured on the 1M-item benchmark library: 3 ms to scan
 * 2,500 index entries, 115 ms to sort 30,000 matches by title).
 */
const SORT_COST_RATIO = 4;
/** How many times the expected number of index entries the id walk may read. */
const WALK_IDS_SLACK = 4;
/** Prefixes up to this length have an index of their own (the `prefix` option of `search`). */
const PREFIX_INDEXED = 2;
/** Past this many items in the trash, a search in date-added order does not stream past them. */
const MAX_TRASH_TO_SKIP = 50_000;

/** bm25 weights, in SEARCH_COLUMNS order: title, creators, abstract, notes, tags, ids, venue, year. */
const RELEVANCE = 'bm25(search, 10.0, 5.0, 1.0, 2.0, 5.0, 10.0, 2.0, 1.0)';

/** How far a walk got: the matches it found in the rows it read. */
export interface WalkProgress {
  found: number[];
  scanned: number;
  batch: number;
}

export class ListReader {
  private readonly deep: DeepWindows;

  constructor(
    private readonly db: Database.Database,
    /** Changes whenever the library does (ours or another process's writes). */
    generation: () => number,
    /** Builds deep windows' id arrays on a worker (long-lived hosts). */
    background?: BackgroundIdLists,
  ) {
    this.deep = new DeepWindows(
      db,
      generation,
      (query, offset, limit) => this.sqlWindow(query, offset, limit),
      background,
    );
  }

  window(request: WindowRequest): WindowResult {
    const ids = this.windowIds(request);
    return {
      rows: this.rows(ids, request.columns ?? []),
      offset: request.offset,
      end: ids.length < request.limit,
      ...cheapTotal(this.db, request.view, request.search),
    };
  }

  /** Ids of the window, in order. */
  windowIds(request: WindowRequest): number[] {
    const { view, sort, offset, limit } = request;
    const terms = parseQuery(request.search ?? '');
    const text = terms.filter((t): t is TextTerm => t.kind === 'text');
    if (text.length > 0 && sort.field === 'relevance')
      return this.byRelevance(view, terms, text, offset, limit);
    if (offset + limit > DEEP_OFFSET) return this.deepWindow(view, sort, terms, text, offset, limit);
    if (text.length === 0) {
      const years = yearMatchSet(this.db, view, sort, terms);
      if (!years) return this.sqlWindow(viewQuery(this.db, view, sort, terms), offset, limit);
      // Membership in the set is the year filter: the walk reads only the sort index.
      const hits = this.walkIds(view, sort, [], [], years, offset + limit);
      if (hits) return hits.slice(offset, offset + limit);
      return this.sqlWindow(this.matchSetQuery(view, sort, terms, [], years), offset, limit);
    }
    const needed = offset + limit;
    const indexed = this.indexOrder(view, sort, terms, text, needed);
    if (indexed) return indexed.slice(offset, offset + limit);
    // Words that match much of the view are found by walking it; the walk gives up within a
    // few hundred rows when they do not, at a cost far below a broad prefix's index merge.
    const progress: WalkProgress = { found: [], scanned: 0, batch: FIRST_BATCH };
    const walked = this.walk(view, sort, terms, text, needed, WALK_BUDGET, progress);
    if (walked) return walked.slice(offset, offset + limit);
    const small = textMatchSet(this.db, text);
    if (small) {
      const hits = this.walkIds(view, sort, terms, text, small, needed);
      if (hits) return hits.slice(offset, offset + limit);
      return this.sqlWindow(this.matchSetQuery(view, sort, terms, text, small), offset, limit);
    }
    // More than SMALL_SHARE of the library matches (or a three-letter prefix was not
    // counted): a longer walk, on from where the first stopped, finds the page, unless the
    // view itself holds few of them.
    const dense = this.walk(view, sort, terms, text, needed, DENSE_WALK_BUDGET, progress);
    if (dense) return dense.slice(offset, offset + limit);
    return this.sqlWindow(this.matchSetQuery(view, sort, terms, text), offset, limit);
  }

  /** Number of rows in the view with the search applied. */
  count(view: ViewSpec, search = ''): number {
    const cheap = cheapTotal(this.db, view, search);
    if (cheap.total !== undefined) return cheap.total;
    const terms = parseQuery(search);
    const text = terms.filter((t): t is TextTerm => t.kind === 'text');
    if (view.kind === 'library' && text.length === terms.length) {
      const counted = indexCount(this.db, text);
      if (counted !== undefined) return counted;
    }
    const query = text.length
      ? this.matchSetQuery(view, { field: 'added', direction: 'asc' }, terms, text)
      : viewQuery(this.db, view, { field: 'added', direction: 'asc' }, terms);
    const { sql, params } = selectSql(query, { columns: 'count(*)', order: false });
    return this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  private sqlWindow(query: ViewQuery, offset: number, limit: number): number[] {
    const { sql, params } = selectSql(query, { columns: 'i.id', limit: { limit, offset } });
    return stmt(this.db, sql)
      .pluck()
      .all(...params) as number[];
  }

  /**
   * Reads the view in order, testing rows in memory, until `needed` matches are found
   * (or the view ends). Gives up, returning undefined, after `budget` rows, or earlier when
   * the hit rate so far says the budget will not be enough. A walk given the `progress` of
   * an abandoned one goes on from where that stopped.
   */
  private walk(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    needed: number,
    budget: number,
    progress: WalkProgress = { found: [], scanned: 0, batch: FIRST_BATCH },
  ): number[] | undefined {
    const matches = compileMatcher(text);
    const query = viewQuery(this.db, view, sort, terms);
    query.joins.push({ sql: SEARCH_DOCUMENT_JOIN, params: [] });
    // Only the columns the words look in: "author:ka" need not read abstracts.
    const wanted = new Set<SearchColumn>(text.flatMap((term) => term.columns ?? SEARCH_COLUMNS));
    const columns = documentColumns(wanted);
    const { found } = progress;
    while (progress.scanned < budget) {
      const batch = Math.min(progress.batch, budget - progress.scanned);
      // The view in order, with each row's search text: one query per batch.
      const { sql, params } = selectSql(query, {
        columns,
        limit: { limit: batch, offset: progress.scanned },
      });
      const read = stmt(this.db, sql).all(...params) as SearchDocument[];
      const documents = attachNotesAndTags(this.db, read, wanted);
      for (const doc of documents) if (matches(doc)) found.push(doc.id);
      progress.scanned += documents.length;
      if (found.length >= needed || documents.length < batch) return found;
      // Give up early when the hit rate so far says the budget will not be enough.
      if ((progress.scanned * needed) / Math.max(found.length, 0.5) > 1.5 * budget) return undefined;
      progress.batch = nextBatch(batch, progress.scanned, found.length, needed);
    }
    return undefined;
  }

  /**
   * The whole library in date-added order is the full-text index's own order (its rowid
   * is the item id), so the matches stream from FTS5, newest or oldest first, and the query
   * stops at the page without evaluating every match: 1.5 ms against 101 ms for a phrase
   * that 1% of a million items hold. Undefined where streaming could read far more than the
   * page: other views and filters (which may hold few of the matches), a large trash, and
   * prefixes longer than the prefix index's (FTS5 merges the posting lists of every word
   * that starts with one before it returns a row: 220 ms for "model" at a million items).
   */
  private indexOrder(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    needed: number,
  ): number[] | undefined {
    if (view.kind !== 'library' || sort.field !== 'added' || terms.length !== text.length) return undefined;
    if (text.some((t) => t.prefix && t.tokens.at(-1)!.length > PREFIX_INDEXED)) return undefined;
    const { positive, negative } = ftsExpression(text);
    if (!positive || scopeCount(this.db, 'trash') > MAX_TRASH_TO_SKIP) return undefined;
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    return stmt(
      this.db,
      `SELECT s.rowid FROM search s CROSS JOIN items i ON i.id = s.rowid
         WHERE search MATCH ? AND i.deleted IS NULL ORDER BY s.rowid ${direction} LIMIT ?`,
    )
      .pluck()
      .all(negative ? `(${positive}) NOT (${negative})` : positive, needed) as number[];
  }

  /**
   * With the match set in hand, reads only the ids of the view in sort order (an index
   * scan) and keeps those in the set, when that reads fewer rows than sorting the set would
   * (the set is large, so its members are dense in the view). Undefined when it is not
   * worth it, or when the view turns out to hold fewer of them than the library does.
   */
  private walkIds(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    ids: number[],
    needed: number,
  ): number[] | undefined {
    if (ftsExpression(text).negative) return undefined;
    const libraryItems = scopeCount(this.db, 'items');
    const expectedRows = (needed * libraryItems) / Math.max(ids.length, 1);
    if (expectedRows > SORT_COST_RATIO * ids.length) return undefined;
    // Room for the view holding the matches less densely than the library does.
    const budget = Math.ceil(WALK_IDS_SLACK * expectedRows) + needed;
    const members = new Set(ids);
    const { sql, params } = selectSql(viewQuery(this.db, view, sort, terms), {
      columns: 'i.id',
      limit: { limit: budget, offset: 0 },
    });
    const found: number[] = [];
    let scanned = 0;
    for (const id of stmt(this.db, sql)
      .pluck()
      .iterate(...params) as IterableIterator<number>) {
      scanned++;
      if (members.has(id)) found.push(id);
      if (found.length >= needed) return found;
    }
    // The view ended: every match is found. The budget ran out: sort the set instead.
    return scanned < budget ? found : undefined;
  }

  /** The view restricted to the index's matches (and without its negative matches). */
  private matchSetQuery(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    known?: number[],
  ): ViewQuery {
    const { positive, negative } = ftsExpression(text);
    const candidates = known
      ? { sql: 'SELECT value AS id FROM json_each(?)', params: [JSON.stringify(known)] }
      : positive
        ? { sql: 'SELECT rowid AS id FROM search WHERE search MATCH ?', params: [positive] }
        : undefined;
    const query = viewQuery(this.db, view, sort, terms, candidates);
    if (negative) {
      query.where.push({
        sql: 'i.id NOT IN (SELECT rowid FROM search WHERE search MATCH ?)',
        params: [negative],
      });
    }
    return query;
  }

  private byRelevance(
    view: ViewSpec,
    terms: Term[],
    text: TextTerm[],
    offset: number,
    limit: number,
  ): number[] {
    const { positive, negative } = ftsExpression(text);
    if (!positive)
      return this.windowIds({ view, sort: { field: 'added', direction: 'desc' }, offset, limit });
    const query = viewQuery(this.db, view, { field: 'added', direction: 'asc' }, terms, {
      sql: `SELECT rowid AS id, ${RELEVANCE} AS score FROM search WHERE search MATCH ?`,
      params: [positive],
    });
    if (negative) {
      query.where.push({
        sql: 'i.id NOT IN (SELECT rowid FROM search WHERE search MATCH ?)',
        params: [negative],
      });
    }
    query.order = { sql: 'src.score, i.id', params: [] };
    return this.sqlWindow(query, offset, limit);
  }

  /** A window far down the list (deep-windows.ts). */
  private deepWindow(
    view: ViewSpec,
    sort: SortSpec,
    terms: Term[],
    text: TextTerm[],
    offset: number,
    limit: number,
  ): number[] {
    const query =
      sort.field === 'relevance' && text.length
        ? undefined
        : text.length
          ? this.matchSetQuery(view, sort, terms, text)
          : viewQuery(this.db, view, sort, terms);
    const allIds = () => this.byRelevance(view, terms, text, 0, -1);
    return this.deep.window({ view, sort, terms, query, allIds }, offset, limit);
  }

  /** List rows for `ids`, in that order. */
  rows(ids: readonly number[], columns: readonly string[]): ListRow[] {
    return readListRows(this.db, ids, columns);
  }
}

/**
 * The rows a walk's next batch reads: as many as the hit rate so far says the missing
 * matches need, with a margin, and never more than twice the last batch. Reading each row
 * costs tens of microseconds, so a batch of the doubling size that overshoots the page by
 * hundreds of rows costs more than the odd extra query of a batch that falls short.
 */
function nextBatch(batch: number, scanned: number, found: number, needed: number): number {
  if (found === 0) return batch * 2;
  const expected = ((needed - found) * scanned) / found;
  return Math.min(batch * 2, Math.max(MIN_BATCH, Math.ceil(expected * BATCH_MARGIN)));
}
