// The item list's context menu (also Shift+F10 / the context-menu key on the focused row).
import { modLabel } from '../../lib/keyboard';
import { plural } from '../../lib/format';
import { useSheaf } from '../../store';
import type { MenuEntry } from '../../store/ui-slice';

export function openItemMenu(at: { x: number; y: number }, returnFocus: HTMLElement | null) {
  const store = useSheaf.getState();
  const ids = store.selectedIds();
  if (!ids.length) return;
  const view = store.view.kind === 'items' ? store.view.spec : undefined;
  const many = ids.length > 1;
  const entries: MenuEntry[] = [];
  if (view?.kind === 'trash') {
    entries.push({
      label: many ? `Restore ${plural(ids.length, 'Item')}` : 'Restore to Library',
      run: () => void store.restoreItems(ids),
    });
  } else {
    entries.push(
      {
        label: many ? 'Copy Citation Keys' : 'Copy Citation Key',
        shortcut: `${modLabel}⇧C`,
        run: () => void store.copyCitekeys(ids),
      },
      { label: 'Copy BibTeX', shortcut: `${modLabel}⇧B`, run: () => void store.copyBibtex(ids) },
      'separator',
      {
        label: many ? `Export ${plural(ids.length, 'Item')}…` : 'Export Item…',
        run: () => store.openExport('selection'),
      },
    );
    if (!many)
      entries.push({
        label: 'Add Note',
        run: () => void store.createNote(ids[0]!, ''),
      });
    if (view?.kind === 'collection') {
      const collectionId = view.id;
      entries.push('separator', {
        label: 'Remove from Collection',
        run: () => void store.removeItemsFromCollection(collectionId, ids),
      });
    }
    entries.push('separator', {
      label: many ? `Move ${plural(ids.length, 'Item')} to Trash` : 'Move to Trash',
      shortcut: 'Del',
      danger: true,
      run: () => void store.trashItems(ids),
    });
  }
  store.openContextMenu({ ...at, label: 'Item actions', entries, returnFocus });
}
