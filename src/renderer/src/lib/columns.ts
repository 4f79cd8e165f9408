// The item list's columns: what each shows and sorts by, and the user's arrangement
// (order, widths, which are shown, open-map fields added as columns).
import type { ListRow, SortSpec, ViewSpec } from '../../../shared/views';
import { compactDate, yearOf } from './format';

export type ColumnId =
  | 'position'
  | 'title'
  | 'creators'
  | 'year'
  | 'container'
  | 'citekey'
  | 'added'
  | 'modified'
  | 'type'
  | `field:${string}`;

export interface ColumnPref {
  id: ColumnId;
  width: number;
  visible: boolean;
}

export interface ColumnDef {
  id: ColumnId;
  label: string;
  sort: SortSpec['field'];
  minWidth: number;
  /** A fixed width in pixels; other columns share the room in proportion to their widths. */
  fixed?: boolean;
  numeric?: boolean;
  text(row: ListRow, index: number): string;
}

const BUILT_IN: Record<Exclude<ColumnId, `field:${string}`>, Omit<ColumnDef, 'id'>> = {
  position: {
    label: '#',
    sort: 'position',
    minWidth: 36,
    fixed: true,
    numeric: true,
    text: (_row, index) => String(index + 1),
  },
  title: { label: 'Title', sort: 'title', minWidth: 160, text: (row) => row.title },
  creators: { label: 'Creators', sort: 'creators', minWidth: 80, text: (row) => row.creators },
  year: {
    label: 'Year',
    sort: 'date',
    minWidth: 48,
    fixed: true,
    numeric: true,
    text: (row) => yearOf(row.date),
  },
  container: { label: 'Venue', sort: 'container', minWidth: 80, text: (row) => row.container ?? '' },
  citekey: { label: 'Citation key', sort: 'citekey', minWidth: 80, text: (row) => row.citekey },
  added: { label: 'Added', sort: 'added', minWidth: 72, fixed: true, text: (row) => compactDate(row.added) },
  modified: {
    label: 'Modified',
    sort: 'modified',
    minWidth: 72,
    fixed: true,
    text: (row) => compactDate(row.modified),
  },
  type: { label: 'Type', sort: 'type', minWidth: 60, text: (row) => row.type },
};

export const BUILT_IN_COLUMNS = Object.keys(BUILT_IN) as Exclude<ColumnId, `field:${string}`>[];

/** Widths of proportional columns are shares of the room left by the fixed ones. */
export const DEFAULT_COLUMNS: ColumnPref[] = [
  { id: 'position', width: 44, visible: true },
  { id: 'title', width: 400, visible: true },
  { id: 'creators', width: 160, visible: true },
  { id: 'year', width: 64, visible: true },
  { id: 'container', width: 130, visible: true },
  { id: 'citekey', width: 150, visible: true },
  { id: 'added', width: 96, visible: true },
  { id: 'modified', width: 96, visible: false },
  { id: 'type', width: 100, visible: false },
];

export function fieldName(id: ColumnId): string | undefined {
  return id.startsWith('field:') ? id.slice('field:'.length) : undefined;
}

/** A cell shows one line: a title of a megabyte would cost layout for nothing. */
const CELL_CHARS = 500;
const clip = (text: string) => (text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text);

export function columnDef(id: ColumnId): ColumnDef {
  const name = fieldName(id);
  if (name !== undefined)
    return {
      id,
      label: name,
      sort: `field:${name}`,
      minWidth: 60,
      text: (row) => clip(row.extra?.[name] ?? ''),
    };
  const builtIn = BUILT_IN[id as keyof typeof BUILT_IN];
  return { id, ...builtIn, text: (row, index) => clip(builtIn.text(row, index)) };
}

/** The "#" column only means something in a digest, in the digest's own order, unfiltered. */
export function showsPosition(view: ViewSpec, sort: SortSpec, search: string): boolean {
  return view.kind === 'digest' && sort.field === 'position' && sort.direction === 'asc' && !search.trim();
}

export interface ShownColumn extends ColumnDef {
  width: number;
}

export function shownColumns(prefs: readonly ColumnPref[], withPosition: boolean): ShownColumn[] {
  return prefs
    .filter((pref) => pref.visible && (pref.id !== 'position' || withPosition))
    .map((pref) => ({ ...columnDef(pref.id), width: Math.max(pref.width, columnDef(pref.id).minWidth) }));
}

/** Open-map fields the list must ask main for. */
export function requestedFields(prefs: readonly ColumnPref[]): string[] {
  return prefs.filter((pref) => pref.visible).flatMap((pref) => fieldName(pref.id) ?? []);
}

export function gridTemplate(columns: readonly ShownColumn[]): string {
  return columns.map((c) => (c.fixed ? `${c.width}px` : `minmax(${c.minWidth}px, ${c.width}fr)`)).join(' ');
}

/** The narrowest the table can get before it scrolls sideways. */
export function minimumWidth(columns: readonly ShownColumn[]): number {
  return columns.reduce((sum, c) => sum + (c.fixed ? c.width : c.minWidth), 0);
}

/**
 * The width preference that makes a proportional column `delta` pixels wider on screen:
 * it is `rendered` px of `room` px shared by all proportional columns, whose other
 * widths add up to `othersWidth`.
 */
export function widthForResize(rendered: number, room: number, othersWidth: number, delta: number): number {
  const target = Math.max(1, Math.min(room - 40, rendered + delta));
  return (othersWidth * target) / Math.max(1, room - target);
}

export function moveColumn(
  prefs: readonly ColumnPref[],
  id: ColumnId,
  before: ColumnId | null,
): ColumnPref[] {
  const moving = prefs.find((pref) => pref.id === id);
  if (!moving || id === before) return [...prefs];
  const rest = prefs.filter((pref) => pref.id !== id);
  const at = before === null ? rest.length : rest.findIndex((pref) => pref.id === before);
  rest.splice(at < 0 ? rest.length : at, 0, moving);
  return rest;
}

/** Moves a column one place left (-1) or right (+1) among the shown ones. */
export function nudgeColumn(prefs: readonly ColumnPref[], id: ColumnId, step: -1 | 1): ColumnPref[] {
  const shown = prefs.filter((pref) => pref.visible);
  const index = shown.findIndex((pref) => pref.id === id);
  const target = shown[index + step];
  if (index < 0 || !target) return [...prefs];
  return step < 0 ? moveColumn(prefs, id, target.id) : moveColumn(prefs, target.id, id);
}

export function resizeColumn(prefs: readonly ColumnPref[], id: ColumnId, width: number): ColumnPref[] {
  const def = columnDef(id);
  const next = def.fixed ? Math.max(def.minWidth, Math.round(width)) : Math.max(10, Math.round(width));
  return prefs.map((pref) => (pref.id === id ? { ...pref, width: next } : pref));
}

export function toggleColumn(prefs: readonly ColumnPref[], id: ColumnId): ColumnPref[] {
  if (id === 'title') return [...prefs];
  return prefs.map((pref) => (pref.id === id ? { ...pref, visible: !pref.visible } : pref));
}

export function addFieldColumn(prefs: readonly ColumnPref[], name: string): ColumnPref[] {
  const id = `field:${name}` as ColumnId;
  if (prefs.some((pref) => pref.id === id))
    return prefs.map((p) => (p.id === id ? { ...p, visible: true } : p));
  return [...prefs, { id, width: 120, visible: true }];
}

/** Clicking a header: sort by it, or flip the direction when it already sorts. */
export function nextSort(current: SortSpec, field: SortSpec['field']): SortSpec {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const newestFirst = field === 'added' || field === 'modified' || field === 'date';
  return { field, direction: newestFirst ? 'desc' : 'asc' };
}
