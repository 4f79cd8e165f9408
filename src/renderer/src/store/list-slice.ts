// The item list: a ListSource (lib/list-source) fed by the API, for the current view,
// search, sort and field columns. Components read rows with rowAt() and re-render on
// `list.version`.
import { call } from '../api/client';
import { takePrimedPage } from '../boot/first-page';
import { requestedFields } from '../lib/columns';
import { messageOf } from '../lib/errors';
import { ListSource, type ListQuery, type ListSnapshot } from '../lib/list-source';
import type { Slice } from './types';

export interface ListSlice {
  list: ListSnapshot;
  /** Makes the list show the current view, search, sort and columns. */
  syncList(): void;
  setVisibleRows(first: number, last: number): void;
  refreshList(): void;
  /** The query the list should show (undefined in the notes view). */
  listQuery(): ListQuery | undefined;
}

const source = new ListSource({
  window: (request) => takePrimedPage(request) ?? call('items.window', request),
  count: (view, search) => call('items.count', search ? { view, search } : { view }),
  describe: messageOf,
});

export const rowAt = (index: number) => source.row(index);
export const loadedIds = (from: number, to: number) => source.loadedIds(from, to);

export const createListSlice: Slice<ListSlice> = (set, get) => {
  source.subscribe(() => set({ list: source.snapshot() }));
  return {
    list: source.snapshot(),
    listQuery() {
      const { view, search, preferences, sortFor } = get();
      if (view.kind !== 'items') return undefined;
      return {
        view: view.spec,
        search,
        sort: sortFor(view.spec),
        columns: requestedFields(preferences.columns),
      };
    },
    syncList() {
      const query = get().listQuery();
      if (query) source.setQuery(query);
    },
    setVisibleRows: (first, last) => source.setVisible(first, last),
    refreshList: () => source.refresh(),
  };
};
