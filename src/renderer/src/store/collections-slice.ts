// Collections (create, rename inline, delete, re-parent, add or move items) and tags.
import { call } from '../api/client';
import { isWithin } from '../lib/collection-tree';
import { messageOf } from '../lib/errors';
import { plural } from '../lib/format';
import { LIBRARY_VIEW } from '../lib/views';
import type { Slice } from './types';

export type CollectionEdit = { kind: 'rename'; id: number } | { kind: 'create'; parentId: number | null };

export interface CollectionsSlice {
  editingCollection: CollectionEdit | null;
  startCreateCollection(parentId: number | null): void;
  startRenameCollection(id: number): void;
  stopEditingCollection(): void;
  createCollection(name: string, parentId: number | null): Promise<void>;
  renameCollection(id: number, name: string): Promise<void>;
  trashCollection(id: number): Promise<void>;
  moveCollection(id: number, parentId: number | null): Promise<void>;
  /** Adds items to a collection; with `from`, moves them out of that one. */
  putItemsInCollection(collectionId: number, itemIds: number[], from?: number): Promise<void>;
  removeItemsFromCollection(collectionId: number, itemIds: number[]): Promise<void>;
  tagItems(itemIds: number[], names: string[]): Promise<void>;
  untagItems(itemIds: number[], names: string[]): Promise<void>;
  /** Adds or removes a tag from the tag filter (several tags: items having all). */
  toggleTagFilter(name: string): void;
}

export const createCollectionsSlice: Slice<CollectionsSlice> = (set, get) => {
  const fail = (error: unknown) => get().toast(messageOf(error), { tone: 'error' });
  const nameOf = (id: number) => get().collections.find((c) => c.id === id)?.name ?? 'collection';

  return {
    editingCollection: null,
    startCreateCollection(parentId) {
      if (parentId !== null) get().setCollectionExpanded(parentId, true);
      set({ editingCollection: { kind: 'create', parentId } });
    },
    startRenameCollection: (id) => set({ editingCollection: { kind: 'rename', id } }),
    stopEditingCollection: () => set({ editingCollection: null }),
    async createCollection(name, parentId) {
      set({ editingCollection: null });
      if (!name.trim()) return;
      try {
        // Stay in the current view: the usual next step is dragging its items in.
        const created = await call('collections.create', { name: name.trim(), parentId });
        await get().refreshLibrary();
        get().toast(`Created the collection “${created.name}”. Drag items onto it to add them.`);
      } catch (error) {
        fail(error);
      }
    },
    async renameCollection(id, name) {
      set({ editingCollection: null });
      if (!name.trim() || name.trim() === nameOf(id)) return;
      try {
        await call('collections.rename', { id, name: name.trim() });
      } catch (error) {
        fail(error);
      }
    },
    async trashCollection(id) {
      const name = nameOf(id);
      try {
        await call('collections.trash', { id });
        const view = get().view;
        if (
          view.kind === 'items' &&
          view.spec.kind === 'collection' &&
          isWithin(get().collections, view.spec.id, id)
        )
          get().setView(LIBRARY_VIEW);
        get().toast(`Moved the collection “${name}” to the trash.`, {
          action: { label: 'Undo', run: () => void get().undo() },
        });
      } catch (error) {
        fail(error);
      }
    },
    async moveCollection(id, parentId) {
      const collections = get().collections;
      if (parentId !== null && isWithin(collections, parentId, id)) {
        get().toast('A collection cannot move into itself.', { tone: 'error' });
        return;
      }
      if (collections.find((c) => c.id === id)?.parentId === parentId) return;
      try {
        await call('collections.move', { id, parentId });
        if (parentId !== null) get().setCollectionExpanded(parentId, true);
      } catch (error) {
        fail(error);
      }
    },
    async putItemsInCollection(collectionId, itemIds, from) {
      if (!itemIds.length) return;
      try {
        if (from !== undefined && from !== collectionId) {
          const { moved } = await call('collections.moveItems', { from, to: collectionId, itemIds });
          get().toast(`Moved ${plural(itemIds.length, 'item')} to “${nameOf(collectionId)}”.`);
          void moved;
        } else {
          const { added } = await call('collections.addItems', { id: collectionId, itemIds });
          get().toast(
            added === itemIds.length
              ? `Added ${plural(added, 'item')} to “${nameOf(collectionId)}”.`
              : `Added ${plural(added, 'item')} to “${nameOf(collectionId)}” (${itemIds.length - added} already there).`,
          );
        }
      } catch (error) {
        fail(error);
      }
    },
    async removeItemsFromCollection(collectionId, itemIds) {
      try {
        await call('collections.removeItems', { id: collectionId, itemIds });
        get().toast(`Removed ${plural(itemIds.length, 'item')} from “${nameOf(collectionId)}”.`);
      } catch (error) {
        fail(error);
      }
    },
    async tagItems(itemIds, names) {
      const clean = names.map((n) => n.trim()).filter(Boolean);
      if (!itemIds.length || !clean.length) return;
      try {
        await call('tags.add', { itemIds, names: clean });
      } catch (error) {
        fail(error);
      }
    },
    async untagItems(itemIds, names) {
      try {
        await call('tags.remove', { itemIds, names });
      } catch (error) {
        fail(error);
      }
    },
    toggleTagFilter(name) {
      const view = get().view;
      const current = view.kind === 'items' && view.spec.kind === 'tags' ? view.spec.names : [];
      const names = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
      get().setView(names.length ? { kind: 'items', spec: { kind: 'tags', names } } : LIBRARY_VIEW);
    },
  };
};
