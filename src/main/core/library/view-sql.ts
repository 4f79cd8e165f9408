// SQL for a view: which items belong to it, filtered by the non-text parts of a query,
// in a sort order. Text search is layered on top by window.ts, either by walking this
// query in order or by starting from a set of candidate ids (`source`).
import type Database from 'better-sqlite3';
import type { SortSpec, ViewSpec } from '../../../shared/views';
import { SheafError } from '../errors';
import { stmt } from '../db/statements';
import { type Term, yearBounds } from './search/query';
import { tagId } from './tags';

interface Clause {
  sql: string;
  params: unknown[];
}

export interface ViewQuery {
  /** Rows to start from (the items table `i` is joined to them); none: all items. */
  source?: Clause;
  /** Joins after `items i`. */
  joins: Clause[];
  where: Clause[];
  order: Clause;
}

const SORT_COLUMNS: Record<string, string> = {
  title: 'i.title_sort',
  creators: 'i.creators_sort',
  date: 'i.date',
  container: 'i.container_sort',
  citekey: 'i.citekey COLLATE NOCASE',
  modified: 'i.modified',
  type: 'i.type',
};

/** A membership at most this share of the library is read from the membership side. */
const SMALL_SHARE = 0.05;

/**
 * The view in sort order. With `candidates` (a subquery yielding ids as `id`), rows come
 * from the candidates instead of from the whole library.
 */
export function viewQuery(
  db: Database.Database,
  view: ViewSpec,
  sort: SortSpec,
  terms: Term[],
  candidates?: Clause,
): ViewQuery {
  const query: ViewQuery = { joins: [], where: [], order: { sql: '', params: [] } };
  if (candidates) query.source = candidates;
  addView(db, query, view);
  for (const term of terms) addFilter(db, query, term, sort);
  query.order = orderBy(view, sort);
  return query;
}

/** A trigger-maintained count: 'items' (the live library), 'trash', 'c<id>', 't<id>'. */
export function scopeCount(db: Database.Database, scope: string): number {
  return (stmt(db, 'SELECT n FROM counts WHERE scope = ?').pluck().get(scope) as number | undefined) ?? 0;
}

function addView(db: Database.Database, query: ViewQuery, view: ViewSpec): void {
  const where = (sql: string, ...params: unknown[]) => query.where.push({ sql, params });
  switch (view.kind) {
    case 'library':
      where('i.deleted IS NULL');
      return;
    case 'trash':
      where('i.deleted IS NOT NULL');
      return;
    case 'unfiled':
      where('i.deleted IS NULL');
      // In no live collection: one under a trashed parent is in the trash too. (`+`: look the
      // item's memberships up by item, then test each against the set of live collections.)
      where(`NOT EXISTS (SELECT 1 FROM collection_items ci WHERE ci.item_id = i.id AND +ci.collection_id IN (
               WITH RECURSIVE live(id) AS (
                 SELECT id FROM collections WHERE parent_id IS NULL AND deleted IS NULL
                 UNION ALL SELECT c.id FROM collections c JOIN live ON c.parent_id = live.id WHERE c.deleted IS NULL
               ) SELECT id FROM live))`);
      return;
    case 'collection': {
      const ids = JSON.stringify(view.recursive ? collectionSubtree(db, view.id) : [view.id]);
      const members = (view.recursive ? collectionSubtree(db, view.id) : [view.id]).reduce(
        (n, id) => n + scopeCount(db, `c${id}`),
        0,
      );
      where('i.deleted IS NULL');
      if (!query.source && members <= SMALL_SHARE * scopeCount(db, 'items')) {
        // Few members: start from them and sort, rather than walk the whole library.
        query.source = {
          sql: 'SELECT DISTINCT item_id AS id FROM collection_items WHERE collection_id IN (SELECT value FROM json_each(?))',
          params: [ids],
        };
      } else {
        where(
          `EXISTS (SELECT 1 FROM collection_items ci WHERE ci.item_id = i.id
                     AND ci.collection_id IN (SELECT value FROM json_each(?)))`,
          ids,
        );
      }
      return;
    }
    case 'tags':
      where('i.deleted IS NULL');
      for (const name of view.names)
        addFilter(db, query, { kind: 'tag', name, prefix: false, negated: false });
      return;
    case 'digest':
      if (!query.source)
        query.source = {
          sql: 'SELECT item_id AS id FROM digest_items WHERE digest_id = ?',
          params: [view.id],
        };
      query.joins.push({
        sql: 'JOIN digest_items di ON di.item_id = i.id AND di.digest_id = ?',
        params: [view.id],
      });
      where('i.deleted IS NULL');
      return;
  }
}

function addFilter(db: Database.Database, query: ViewQuery, term: Term, sort?: SortSpec): void {
  const not = term.negated ? 'NOT ' : '';
  const where = (sql: string, ...params: unknown[]) => query.where.push({ sql, params });
  switch (term.kind) {
    case 'tag':
      if (term.prefix) {
        where(
          `${not}EXISTS (SELECT 1 FROM item_tags it JOIN tags t ON t.id = it.tag_id
                           WHERE it.item_id = i.id AND t.name LIKE ? ESCAPE '\\')`,
          `${term.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        );
      } else {
        where(
          `${not}EXISTS (SELECT 1 FROM item_tags it WHERE it.item_id = i.id AND it.tag_id = ?)`,
          tagId(db, term.name, false) ?? -1,
        );
      }
      return;
    case 'year': {
      const { first, last, after } = yearBounds(term);
      // coalesce: an item without a date is outside every year range.
      where(`${not}coalesce(substr(i.date, 1, 4) BETWEEN ? AND ?, 0)`, first, last);
      // Sorted by date, the same range as bounds on the date index: a range scan, not a
      // walk of every later date. (For other sorts the planner does better without it.)
      if (!term.negated && sort?.field === 'date') {
        where('i.date >= ?', first);
        if (after) where('i.date < ?', after);
      }
      return;
    }
    case 'type':
      where(`${not}(i.type = ?)`, term.type);
      return;
    case 'text':
      return;
  }
}

function orderBy(view: ViewSpec, sort: SortSpec): Clause {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const field = sort.field === 'relevance' ? 'added' : sort.field;
  if (field === 'position') {
    return { sql: view.kind === 'digest' ? `di.position ${dir}` : `i.id ${dir}`, params: [] };
  }
  if (field === 'added') {
    return { sql: view.kind === 'trash' ? `i.deleted ${dir}, i.id ${dir}` : `i.id ${dir}`, params: [] };
  }
  const column = SORT_COLUMNS[field];
  if (column) return { sql: `${column} ${dir}, i.id ${dir}`, params: [] };
  if (field.startsWith('field:')) {
    const name = field.slice('field:'.length).toLowerCase();
    if (!/^[\w.-]{1,100}$/.test(name))
      throw new SheafError('invalid-argument', `cannot sort by field "${name}"`);
    return {
      sql: `(SELECT lower(json_extract(x.fields, ?)) FROM item_extra x WHERE x.item_id = i.id) ${dir}, i.id ${dir}`,
      params: [`$."${name}"`],
    };
  }
  throw new SheafError('invalid-argument', `cannot sort by "${sort.field}"`);
}

function collectionSubtree(db: Database.Database, id: number): number[] {
  return stmt(
    db,
    `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM collections c JOIN sub ON c.parent_id = sub.id
       WHERE c.deleted IS NULL) SELECT id FROM sub`,
  )
    .pluck()
    .all(id) as number[];
}

export interface SelectOptions {
  columns: string;
  where?: Clause[];
  order?: boolean;
  limit?: { limit: number; offset: number };
}

/** SELECT ... FROM ... WHERE ... ORDER BY ... LIMIT ..., with its parameters in order. */
export function selectSql(query: ViewQuery, options: SelectOptions): Clause {
  const params: unknown[] = [];
  // CROSS JOIN keeps SQLite from reordering: the (small) source drives the loop.
  let sql = `SELECT ${options.columns} FROM `;
  if (query.source) {
    sql += `(${query.source.sql}) src CROSS JOIN items i ON i.id = src.id`;
    params.push(...query.source.params);
  } else {
    sql += 'items i';
  }
  for (const join of query.joins) {
    sql += ` ${join.sql}`;
    params.push(...join.params);
  }
  const where = [...query.where, ...(options.where ?? [])];
  if (where.length) {
    sql += ` WHERE ${where.map((w) => `(${w.sql})`).join(' AND ')}`;
    for (const w of where) params.push(...w.params);
  }
  if (options.order !== false) {
    sql += ` ORDER BY ${query.order.sql}`;
    params.push(...query.order.params);
  }
  if (options.limit) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(options.limit.limit, options.limit.offset);
  }
  return { sql, params };
}
