// Preferences as kept in localStorage; read by the preferences slice and, before the app
// loads, by the first-page request (so it asks for the list the app will show).
import type { SortSpec } from '../../../shared/views';
import { DEFAULT_COLUMNS, requestedFields, type ColumnPref } from '../lib/columns';
import type { ListQuery } from '../lib/list-query';
import { defaultSort, sortMemoryKey } from '../lib/views';

export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  theme: Theme;
  columns: ColumnPref[];
  sorts: Record<string, SortSpec>;
  sidebarWidth: number;
  itemPaneWidth: number;
  expandedCollections: number[];
}

export const PREFERENCES_KEY = 'sheaf.preferences';

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  columns: DEFAULT_COLUMNS,
  sorts: {},
  sidebarWidth: 248,
  itemPaneWidth: 360,
  expandedCollections: [],
};

export function loadPreferences(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}') as Partial<Preferences>;
    return {
      ...DEFAULT_PREFERENCES,
      ...stored,
      columns: Array.isArray(stored.columns) ? stored.columns : DEFAULT_PREFERENCES.columns,
    };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

/** The list the app opens on: My Library, in the remembered sort, with its columns. */
export function initialListQuery(preferences: Preferences = loadPreferences()): ListQuery {
  const view = { kind: 'library' } as const;
  return {
    view,
    search: '',
    sort: preferences.sorts[sortMemoryKey(view)] ?? defaultSort(view),
    columns: requestedFields(preferences.columns),
  };
}
