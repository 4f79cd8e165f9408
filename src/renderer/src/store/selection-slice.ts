// Which items are selected in the list, and the row with the keyboard focus.
import { call } from '../api/client';
import { queryKey } from '../lib/list-source';
import {
  EMPTY_SELECTION,
  intentFor,
  moveFocus,
  rangeBounds,
  selectRange,
  selectSingle,
  toggleOne,
  type Modifiers,
  type Selection,
} from '../lib/selection';
import { loadedIds, rowAt } from './list-slice';
import type { SheafState, Slice } from './types';

export interface SelectionSlice {
  selection: Selection;
  selectRow(index: number, id: number, mods: Modifiers): Promise<void>;
  /** Arrow keys, Page Up/Down, Home/End on the list. */
  moveListFocus(key: string, mods: Modifiers, pageRows: number): Promise<void>;
  /** Space: toggles the focused row. */
  toggleFocusedRow(): void;
  selectAll(): Promise<void>;
  selectIds(ids: number[]): void;
  clearSelection(): void;
  selectedIds(): number[];
}

/** Ids of rows from..to of the current list: from loaded pages, else from main. */
async function idsBetween(get: () => SheafState, from: number, to: number): Promise<number[] | undefined> {
  const loaded = loadedIds(from, to);
  if (loaded) return loaded;
  const query = get().listQuery();
  if (!query) return undefined;
  const key = queryKey(query);
  const ids = await call('items.ids', {
    view: query.view,
    ...(query.search.trim() ? { search: query.search.trim() } : {}),
    sort: query.sort,
    offset: from,
    limit: to - from + 1,
  });
  const now = get().listQuery();
  return now && queryKey(now) === key ? ids : undefined;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => {
  const apply = (selection: Selection) => {
    const before = get().selection;
    set({ selection });
    const single = selection.ids.size === 1 ? selection.ids.values().next().value : undefined;
    const wasSingle = before.ids.size === 1 ? before.ids.values().next().value : undefined;
    if (single !== wasSingle || (single !== undefined && !get().itemDetail)) {
      if (single === undefined) get().clearItem();
      else void get().loadItem(single);
    }
  };

  const range = async (anchor: number, index: number, keep: boolean) => {
    const [from, to] = rangeBounds(anchor, index);
    const ids = await idsBetween(get, from, to);
    if (ids) apply(selectRange(get().selection, anchor, index, ids, keep));
  };

  return {
    selection: EMPTY_SELECTION,
    async selectRow(index, id, mods) {
      const intent = intentFor(get().selection, index, id, mods);
      if (intent.kind === 'single') apply(selectSingle(index, id));
      else if (intent.kind === 'toggle') apply(toggleOne(get().selection, index, id));
      else await range(intent.anchor, intent.index, intent.keep);
    },
    async moveListFocus(key, mods, pageRows) {
      const { selection, list } = get();
      const index = moveFocus(key, selection.focus, list.count, pageRows);
      if (index === null) return;
      if (mods.shift) {
        await range(selection.anchor ?? selection.focus ?? index, index, mods.toggle);
        return;
      }
      if (mods.toggle) {
        set({ selection: { ...selection, focus: index } });
        return;
      }
      const id = rowAt(index)?.id ?? (await idsBetween(get, index, index))?.[0];
      if (id !== undefined) apply(selectSingle(index, id));
    },
    toggleFocusedRow() {
      const { focus } = get().selection;
      const row = focus === null ? undefined : rowAt(focus);
      if (row && focus !== null) apply(toggleOne(get().selection, focus, row.id));
    },
    async selectAll() {
      const { list } = get();
      let total = list.count;
      const query = get().listQuery();
      if (!query) return;
      if (!list.countKnown)
        total = await call('items.count', {
          view: query.view,
          ...(query.search.trim() ? { search: query.search.trim() } : {}),
        });
      if (total === 0) return;
      const ids = await idsBetween(get, 0, Math.min(total, 1_000_000) - 1);
      if (ids) apply({ ids: new Set(ids), anchor: 0, focus: get().selection.focus ?? 0 });
    },
    selectIds(ids) {
      apply({ ids: new Set(ids), anchor: null, focus: null });
    },
    clearSelection() {
      apply(EMPTY_SELECTION);
    },
    selectedIds: () => [...get().selection.ids],
  };
};
