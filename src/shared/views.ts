// What a list shows: which items (the view), filtered how (the quick search), in which
// order (the sort), and which slice of it (the window).

export type ViewSpec =
  | { kind: 'library' }
  | { kind: 'unfiled' }
  | { kind: 'collection'; id: number; recursive?: boolean }
  | { kind: 'tags'; names: string[] }
  | { kind: 'digest'; id: number }
  | { kind: 'trash' };

export const SORT_FIELDS = [
  'title',
  'creators',
  'date',
  'container',
  'citekey',
  'added',
  'modified',
  'type',
  /** The order of a digest's papers. */
  'position',
  /** Best match first (only with a search). */
  'relevance',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface SortSpec {
  /** A built-in field, or "field:NAME" for a field of the open field map. */
  field: SortField | `field:${string}`;
  direction: 'asc' | 'desc';
}

export interface ListRow {
  id: number;
  key: string;
  citekey: string;
  type: string;
  title: string;
  creators: string;
  date?: string;
  container?: string;
  added: string;
  modified: string;
  /** Values of requested open-map fields. */
  extra?: Record<string, string>;
}

export interface WindowRequest {
  view: ViewSpec;
  search?: string;
  sort: SortSpec;
  offset: number;
  limit: number;
  /** Open-map fields to include in each row's `extra`. */
  columns?: string[];
}

export interface WindowResult {
  rows: ListRow[];
  offset: number;
  /** Total rows in the view, when it was known without extra work. */
  total?: number;
  /** True when the window reached the end of the view. */
  end: boolean;
}
