// Context menus of the sidebar's rows.
import type { Collection, Digest } from '../../../../shared/domain';
import { menuPositionOf } from '../common/ContextMenu';
import { useSheaf } from '../../store';
import type { MenuEntry } from '../../store/ui-slice';

function open(event: React.MouseEvent | React.KeyboardEvent, label: string, entries: MenuEntry[]) {
  const target = event.currentTarget as HTMLElement;
  const at = 'clientX' in event ? { x: event.clientX, y: event.clientY } : menuPositionOf(target);
  useSheaf.getState().openContextMenu({ ...at, label, entries, returnFocus: target });
}

export function collectionMenu(collection: Collection, event: React.MouseEvent | React.KeyboardEvent) {
  const store = useSheaf.getState();
  const view = { kind: 'items', spec: { kind: 'collection', id: collection.id } } as const;
  open(event, `Collection ${collection.name}`, [
    { label: 'New Subcollection…', run: () => store.startCreateCollection(collection.id) },
    { label: 'Rename…', shortcut: 'F2', run: () => store.startRenameCollection(collection.id) },
    'separator',
    {
      label: 'Export Collection…',
      run: () => {
        store.setView(view);
        store.openExport('collection');
      },
    },
    {
      label: 'Keep a .bib File Updated…',
      run: () => void store.keepBibUpdated({ kind: 'collection', id: collection.id }, collection.name),
    },
    'separator',
    {
      label: 'Move to Top Level',
      disabled: collection.parentId === null,
      run: () => void store.moveCollection(collection.id, null),
    },
    {
      label: 'Delete Collection',
      shortcut: 'Del',
      danger: true,
      run: () => void store.trashCollection(collection.id),
    },
  ]);
}

export function digestMenu(digest: Digest, event: React.MouseEvent | React.KeyboardEvent) {
  const store = useSheaf.getState();
  open(event, `Digest ${digest.title}`, [
    {
      label: 'Export Digest…',
      run: () => {
        store.setView({ kind: 'items', spec: { kind: 'digest', id: digest.id } });
        store.openExport('digest');
      },
    },
    'separator',
    { label: 'Delete Digest', danger: true, run: () => void store.trashDigest(digest.id) },
  ]);
}

export function trashMenu(event: React.MouseEvent | React.KeyboardEvent) {
  const store = useSheaf.getState();
  open(event, 'Trash', [{ label: 'Empty Trash…', danger: true, run: () => store.emptyTrash() }]);
}

export function libraryMenu(event: React.MouseEvent | React.KeyboardEvent) {
  const store = useSheaf.getState();
  open(event, 'My Library', [
    { label: 'New Collection…', run: () => store.startCreateCollection(null) },
    { label: 'Import…', run: () => store.openImport() },
    { label: 'Export Library…', run: () => store.openExport('library') },
  ]);
}
