// Preferences the user sets by using the app (theme, columns, sort per kind of view,
// pane widths, open collections), kept in localStorage.
import type { SortSpec, ViewSpec } from '../../../shared/views';
import {
  addFieldColumn,
  moveColumn,
  nudgeColumn,
  resizeColumn,
  toggleColumn,
  type ColumnId,
} from '../lib/columns';
import { defaultSort, sortMemoryKey } from '../lib/views';
import { loadPreferences, PREFERENCES_KEY, type Preferences, type Theme } from './stored-preferences';
import type { Slice } from './types';

export type { Preferences, Theme } from './stored-preferences';

export interface PreferencesSlice {
  preferences: Preferences;
  setTheme(theme: Theme): void;
  setSort(view: ViewSpec, sort: SortSpec): void;
  sortFor(view: ViewSpec): SortSpec;
  moveColumn(id: ColumnId, before: ColumnId | null): void;
  nudgeColumn(id: ColumnId, step: -1 | 1): void;
  resizeColumn(id: ColumnId, width: number): void;
  toggleColumn(id: ColumnId): void;
  addFieldColumn(name: string): void;
  setPaneWidth(pane: 'sidebar' | 'itemPane', width: number): void;
  setCollectionExpanded(id: number, expanded: boolean): void;
}

// Column drags change preferences on every pointer move: write them a moment later, and
// at once when the page goes away (a reload, closing the window).
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let unsaved: Preferences | undefined;
function write(): void {
  clearTimeout(saveTimer);
  if (!unsaved) return;
  try {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify(unsaved));
  } catch {
    // Private mode or a full quota: preferences last for this session only.
  }
  unsaved = undefined;
}
function save(preferences: Preferences): void {
  unsaved = preferences;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(write, 200);
}
if (typeof window !== 'undefined') window.addEventListener('pagehide', write);

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const createPreferencesSlice: Slice<PreferencesSlice> = (set, get) => {
  const update = (change: (preferences: Preferences) => Partial<Preferences>) => {
    const preferences = { ...get().preferences, ...change(get().preferences) };
    set({ preferences });
    save(preferences);
  };
  return {
    preferences: loadPreferences(),
    setTheme: (theme) => update(() => ({ theme })),
    sortFor: (view) => get().preferences.sorts[sortMemoryKey(view)] ?? defaultSort(view),
    setSort(view, sort) {
      update((p) => ({ sorts: { ...p.sorts, [sortMemoryKey(view)]: sort } }));
      get().syncList();
    },
    moveColumn: (id, before) => update((p) => ({ columns: moveColumn(p.columns, id, before) })),
    nudgeColumn: (id, step) => update((p) => ({ columns: nudgeColumn(p.columns, id, step) })),
    resizeColumn: (id, width) => update((p) => ({ columns: resizeColumn(p.columns, id, width) })),
    toggleColumn(id) {
      update((p) => ({ columns: toggleColumn(p.columns, id) }));
      get().syncList();
    },
    addFieldColumn(name) {
      update((p) => ({ columns: addFieldColumn(p.columns, name) }));
      get().syncList();
    },
    setPaneWidth: (pane, width) =>
      update(() =>
        pane === 'sidebar'
          ? { sidebarWidth: clamp(width, 180, 480) }
          : { itemPaneWidth: clamp(width, 300, 720) },
      ),
    setCollectionExpanded: (id, expanded) =>
      update((p) => {
        const ids = new Set(p.expandedCollections);
        if (expanded) ids.add(id);
        else ids.delete(id);
        return { expandedCollections: [...ids] };
      }),
  };
};
