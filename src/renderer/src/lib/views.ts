// What the main area shows: a list of items (one of the library's views) or the notes.
// Keys and titles for views, without React.
import type { Collection, Digest } from '../../../shared/domain';
import type { SortSpec, ViewSpec } from '../../../shared/views';
import { calendarDate } from './format';

export type AppView = { kind: 'items'; spec: ViewSpec } | { kind: 'notes' };

export const LIBRARY_VIEW: AppView = { kind: 'items', spec: { kind: 'library' } };

export function viewKey(view: AppView): string {
  if (view.kind === 'notes') return 'notes';
  const spec = view.spec;
  switch (spec.kind) {
    case 'collection':
      return `collection:${spec.id}`;
    case 'digest':
      return `digest:${spec.id}`;
    case 'tags':
      return `tags:${[...spec.names].sort().join('\u0000')}`;
    default:
      return spec.kind;
  }
}

export function sameView(a: AppView, b: AppView): boolean {
  return viewKey(a) === viewKey(b);
}

export interface ViewNames {
  collections: ReadonlyMap<number, Collection>;
  digests: ReadonlyMap<number, Digest>;
}

/** The digest's title without the date it often repeats ("… digest (text) 2026-06-17"). */
export function digestName(digest: Pick<Digest, 'title' | 'date'>): string {
  const name = (digest.date ? digest.title.replace(digest.date, '') : digest.title)
    .replace(/\s+/g, ' ')
    .trim();
  return name || digest.title;
}

/** "Jun 17, 2026 · Hugging Face papers digest (text)". */
export function digestLabel(digest: Pick<Digest, 'title' | 'date'>): string {
  return digest.date ? `${calendarDate(digest.date)} · ${digestName(digest)}` : digest.title;
}

export function viewTitle(view: AppView, names: ViewNames): string {
  if (view.kind === 'notes') return 'Notes';
  const spec = view.spec;
  switch (spec.kind) {
    case 'library':
      return 'My Library';
    case 'unfiled':
      return 'Unfiled Items';
    case 'trash':
      return 'Trash';
    case 'tags':
      return spec.names.map((name) => `#${name}`).join(' + ');
    case 'collection':
      return names.collections.get(spec.id)?.name ?? 'Collection';
    case 'digest': {
      const digest = names.digests.get(spec.id);
      return digest ? digestLabel(digest) : 'Digest';
    }
  }
}

/** The sort a view starts with: digests in their own order, everything else newest first. */
export function defaultSort(spec: ViewSpec): SortSpec {
  return spec.kind === 'digest'
    ? { field: 'position', direction: 'asc' }
    : { field: 'added', direction: 'desc' };
}

/** Sorts are remembered per kind of view (a digest's order makes no sense for the library). */
export function sortMemoryKey(spec: ViewSpec): string {
  return spec.kind === 'digest' ? 'digest' : spec.kind === 'trash' ? 'trash' : 'items';
}

/** The search box's hint for a view. */
export function searchPlaceholder(view: AppView, title: string): string {
  if (view.kind === 'notes') return 'Search notes';
  switch (view.spec.kind) {
    case 'library':
      return 'Search My Library';
    case 'collection':
      return `Search “${title}”`;
    case 'digest':
      return 'Search this digest';
    case 'tags':
      return 'Search tagged items';
    case 'unfiled':
      return 'Search unfiled items';
    case 'trash':
      return 'Search the trash';
  }
}
