// Which view the main area shows, and the quick search applied to it. The box shows
// `searchDraft` at once; the list follows `search`, applied SEARCH_DELAY_MS after the
// last keystroke (ADR 0041: short, because the list source never has more than one
// first page in flight and always sends the latest text next).
import { LIBRARY_VIEW, sameView, type AppView } from '../lib/views';
import { EMPTY_SELECTION } from '../lib/selection';
import type { Slice } from './types';

export const SEARCH_DELAY_MS = 20;

export interface ViewSlice {
  view: AppView;
  /** What the search box shows. */
  searchDraft: string;
  /** The search the list (or the notes list) is filtered by. */
  search: string;
  setView(view: AppView, search?: string): void;
  setSearchDraft(text: string): void;
  /** Applies the draft now (Enter). */
  applySearch(): void;
}

export const createViewSlice: Slice<ViewSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    clearTimeout(timer);
    const text = get().searchDraft;
    if (text === get().search) return;
    set({ search: text });
    if (get().view.kind === 'notes') void get().loadNotes();
    else get().syncList();
  };
  return {
    view: LIBRARY_VIEW,
    searchDraft: '',
    search: '',
    setView(view, search = '') {
      clearTimeout(timer);
      if (sameView(view, get().view) && search === get().search) return;
      set({
        view,
        search,
        searchDraft: search,
        selection: EMPTY_SELECTION,
        itemDetail: undefined,
        itemError: undefined,
        activeNote: undefined,
      });
      if (view.kind === 'notes') void get().loadNotes();
      else {
        if (view.spec.kind === 'trash') void get().refreshTrash();
        get().syncList();
      }
    },
    setSearchDraft(text) {
      set({ searchDraft: text });
      clearTimeout(timer);
      timer = setTimeout(apply, SEARCH_DELAY_MS);
    },
    applySearch: apply,
  };
};
