// The item shown in the item pane, and edits to it.
import type { ItemData, ItemDetail } from '../../../shared/domain';
import { call } from '../api/client';
import { messageOf } from '../lib/errors';
import { LIBRARY_VIEW } from '../lib/views';
import type { Slice } from './types';

export interface ItemSlice {
  itemDetail?: ItemDetail;
  itemError?: string;
  /** Messages from failed edits, by field key ("title", "creators", "field:note"...). */
  fieldErrors: Record<string, string>;
  /**
   * The item whose first field takes the focus once the pane shows it: Enter on a row
   * that was selected a moment ago, before its details arrived.
   */
  paneFocusFor?: number;
  focusPaneWhenShown(id: number | undefined): void;
  loadItem(id: number): Promise<void>;
  clearItem(): void;
  reloadItem(): Promise<void>;
  /** Stores a change; false (and a message under `fieldKey`) when main refuses it. */
  updateItem(patch: Partial<ItemData>, fieldKey: string): Promise<boolean>;
  setFieldError(fieldKey: string, message: string | undefined): void;
  /** Shows the item a `[[citekey]]` link names. */
  openCitekey(citekey: string): Promise<void>;
}

let requested: number | undefined;

export const createItemSlice: Slice<ItemSlice> = (set, get) => ({
  fieldErrors: {},
  focusPaneWhenShown: (id) => set({ paneFocusFor: id }),
  async loadItem(id) {
    requested = id;
    try {
      const detail = await call('items.get', { id });
      if (requested === id) set({ itemDetail: detail, itemError: undefined, fieldErrors: {} });
    } catch (error) {
      if (requested === id) set({ itemDetail: undefined, itemError: messageOf(error) });
    }
  },
  clearItem() {
    requested = undefined;
    set({ itemDetail: undefined, itemError: undefined, fieldErrors: {}, activeNote: undefined });
  },
  async reloadItem() {
    const id = get().itemDetail?.id ?? requested;
    if (id === undefined) return;
    try {
      const detail = await call('items.get', { id });
      if (requested === id) set({ itemDetail: detail, itemError: undefined });
    } catch (error) {
      // Gone (emptied from the trash, undone): the pane says so.
      if (requested === id) set({ itemDetail: undefined, itemError: messageOf(error) });
    }
  },
  async updateItem(patch, fieldKey) {
    const item = get().itemDetail;
    if (!item) return false;
    try {
      const detail = await call('items.update', { id: item.id, patch });
      if (requested === item.id)
        set((state) => ({ itemDetail: detail, fieldErrors: { ...state.fieldErrors, [fieldKey]: '' } }));
      return true;
    } catch (error) {
      set((state) => ({ fieldErrors: { ...state.fieldErrors, [fieldKey]: messageOf(error) } }));
      return false;
    }
  },
  setFieldError: (fieldKey, message) =>
    set((state) => ({ fieldErrors: { ...state.fieldErrors, [fieldKey]: message ?? '' } })),
  async openCitekey(citekey) {
    const matches = await call('items.completeCitekey', { prefix: citekey, limit: 10 });
    const match = matches.find((m) => m.citekey.toLowerCase() === citekey.toLowerCase());
    if (!match) {
      get().toast(`No item has the citation key "${citekey}".`, { tone: 'error' });
      return;
    }
    get().setView(LIBRARY_VIEW, `key:${match.citekey}`);
    get().selectIds([match.id]);
  },
});
