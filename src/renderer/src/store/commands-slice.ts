// Library-wide commands the menus, shortcuts and buttons share: undo and redo, the trash,
// copying keys and BibTeX, keeping a .bib file updated; and re-reading what is shown
// when the library changes (here, in another window, or from the CLI).
import type { ExportScope } from '../../../shared/results';
import { call, transportKind } from '../api/client';
import { copyText } from '../api/platform';
import { collectionPath } from '../lib/collection-tree';
import { messageOf } from '../lib/errors';
import { plural } from '../lib/format';
import { modLabel } from '../lib/keyboard';
import type { Slice } from './types';

export interface CommandsSlice {
  undo(): Promise<void>;
  redo(): Promise<void>;
  trashItems(ids: number[]): Promise<void>;
  restoreItems(ids: number[]): Promise<void>;
  emptyTrash(): void;
  restoreCollection(id: number): Promise<void>;
  restoreNote(id: number): Promise<void>;
  restoreDigest(id: number): Promise<void>;
  trashDigest(id: number): Promise<void>;
  copyCitekeys(ids: number[]): Promise<void>;
  copyBibtex(ids: number[]): Promise<void>;
  keepBibUpdated(scope: ExportScope, label: string): Promise<void>;
  /** Re-reads everything on screen (coalesced: a burst of changes costs one refresh). */
  libraryChanged(): void;
}

/** BibTeX first, BibLaTeX when only that exists. */
const BIBTEX_IDS = ['bibtex', 'biblatex'];

export const createCommandsSlice: Slice<CommandsSlice> = (set, get) => {
  const fail = (error: unknown) => get().toast(messageOf(error), { tone: 'error' });
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      fail(error);
    }
  };
  let refreshQueued = false;

  return {
    undo: () =>
      run(async () => {
        const step = await call('history.undo', {});
        if (!step) get().toast('Nothing to undo.');
        else
          get().toast(`Undone: ${step.label}`, { action: { label: 'Redo', run: () => void get().redo() } });
      }),
    redo: () =>
      run(async () => {
        const step = await call('history.redo', {});
        if (!step) get().toast('Nothing to redo.');
        else
          get().toast(`Redone: ${step.label}`, { action: { label: 'Undo', run: () => void get().undo() } });
      }),
    trashItems: (ids) =>
      run(async () => {
        if (!ids.length) return;
        const { count } = await call('items.trash', { ids });
        get().clearSelection();
        get().toast(`Moved ${plural(count, 'item')} to the trash.`, {
          action: { label: 'Undo', run: () => void get().undo() },
        });
      }),
    restoreItems: (ids) =>
      run(async () => {
        if (!ids.length) return;
        const { count } = await call('items.restore', { ids });
        get().clearSelection();
        get().toast(`Restored ${plural(count, 'item')}.`);
      }),
    emptyTrash() {
      const trash = get().trash;
      const count = get().info?.trashCount ?? trash?.itemCount ?? 0;
      get().openDialog({
        title: 'Empty the trash?',
        body: `${plural(count, 'item')} and everything else in the trash will be deleted. You can still undo this with ${modLabel}Z for a while.`,
        confirmLabel: 'Empty Trash',
        danger: true,
        onConfirm: () =>
          void run(async () => {
            const result = await call('trash.empty', {});
            get().toast(`Deleted ${plural(result.items, 'item')} for good.`);
          }),
      });
    },
    restoreCollection: (id) => run(async () => void (await call('collections.restore', { id }))),
    restoreNote: (id) => run(async () => void (await call('notes.restore', { id }))),
    restoreDigest: (id) => run(async () => void (await call('digests.restore', { id }))),
    trashDigest: (id) =>
      run(async () => {
        await call('digests.trash', { id });
        const view = get().view;
        if (view.kind === 'items' && view.spec.kind === 'digest' && view.spec.id === id)
          get().setView({ kind: 'items', spec: { kind: 'library' } });
        get().toast('Moved the digest to the trash (its papers stay in the library).', {
          action: { label: 'Undo', run: () => void get().undo() },
        });
      }),
    copyCitekeys: (ids) =>
      run(async () => {
        if (!ids.length) return;
        const keys = await call('items.citekeys', { ids: ids.slice(0, 10_000) });
        await copyText(keys.join(','));
        get().toast(
          keys.length === 1 ? `Copied ${keys[0]}.` : `Copied ${plural(keys.length, 'citation key')}.`,
        );
      }),
    copyBibtex: (ids) =>
      run(async () => {
        if (!ids.length) return;
        const formats = get().exportFormats.map((f) => f.id);
        const format = BIBTEX_IDS.find((id) => formats.includes(id));
        if (!format) {
          get().toast('BibTeX export is not available in this version of Sheaf.', { tone: 'error' });
          return;
        }
        const result = await call('export.text', { scope: { kind: 'items', ids }, format });
        await copyText(result.text);
        get().toast(`Copied BibTeX for ${plural(result.count, 'item')}.`);
      }),
    keepBibUpdated: (scope, label) =>
      run(async () => {
        if (transportKind() !== 'desktop') {
          const path = scope.kind === 'collection' ? collectionPath(get().collections, scope.id) : '';
          get().openDialog({
            title: 'Keep a .bib file updated',
            body:
              `Choosing where to save a file needs the Sheaf desktop app. From a terminal, this keeps ` +
              `${label} up to date in a .bib file:\n\nsheaf export --format bibtex` +
              `${path ? ` --collection "${path}"` : ''} --output ${label.replace(/[^\w.-]+/g, '-')}.bib --watch`,
          });
          return;
        }
        const binding = await call('bindings.create', { scope, format: 'bibtex' });
        if (binding) get().toast(`Sheaf keeps ${binding.path} updated.`);
      }),
    libraryChanged() {
      if (refreshQueued) return;
      refreshQueued = true;
      queueMicrotask(() => {
        refreshQueued = false;
        const state = get();
        void state.refreshLibrary();
        state.refreshList();
        if (state.itemDetail || state.itemError) void state.reloadItem();
        if (state.view.kind === 'notes') void state.loadNotes();
        if (state.view.kind === 'items' && state.view.spec.kind === 'trash') void state.refreshTrash();
      });
    },
  };
};
