// The collections as a tree: select, expand, rename inline, drag to re-parent, and drop
// items on a collection to add them (Shift or Ctrl/Cmd: move them from the collection
// being viewed).
import { useMemo } from 'react';
import { buildTree, isWithin, visibleNodes, type CollectionNode } from '../../lib/collection-tree';
import { dragged, endDrag, isMoveGesture, startDrag } from '../../lib/drag';
import { useSheaf } from '../../store';
import { collectionMenu } from './sidebar-menus';
import { CollectionNameInput } from './CollectionNameInput';
import { SidebarRow, type DropHandlers } from './SidebarRow';

export function CollectionTree() {
  const collections = useSheaf((s) => s.collections);
  const expandedList = useSheaf((s) => s.preferences.expandedCollections);
  const editing = useSheaf((s) => s.editingCollection);
  const viewKey = useSheaf((s) =>
    s.view.kind === 'items' && s.view.spec.kind === 'collection' ? s.view.spec.id : null,
  );
  const rows = useMemo(
    () => visibleNodes(buildTree(collections), new Set(expandedList)),
    [collections, expandedList],
  );

  const creating = editing?.kind === 'create' ? editing : null;
  const createRow = (parentId: number | null, level: number) => (
    <CollectionNameInput
      key={`new-${parentId}`}
      initial="New Collection"
      label="Name of the new collection"
      level={level}
      onDone={(name) =>
        name === null
          ? useSheaf.getState().stopEditingCollection()
          : void useSheaf.getState().createCollection(name, parentId)
      }
    />
  );

  return (
    <>
      {rows.map((node) => (
        <CollectionRow
          key={node.collection.id}
          node={node}
          selected={viewKey === node.collection.id}
          expanded={expandedList.includes(node.collection.id)}
          renaming={editing?.kind === 'rename' && editing.id === node.collection.id}
          createChild={
            creating?.parentId === node.collection.id ? createRow(node.collection.id, node.depth + 2) : null
          }
        />
      ))}
      {creating && creating.parentId === null ? createRow(null, 1) : null}
    </>
  );
}

interface RowProps {
  node: CollectionNode;
  selected: boolean;
  expanded: boolean;
  renaming: boolean;
  createChild: React.ReactNode;
}

function CollectionRow({ node, selected, expanded, renaming, createChild }: RowProps) {
  const { collection, depth, children } = node;
  const level = depth + 1;

  if (renaming) {
    return (
      <CollectionNameInput
        initial={collection.name}
        label={`New name for ${collection.name}`}
        level={level}
        onDone={(name) =>
          name === null
            ? useSheaf.getState().stopEditingCollection()
            : void useSheaf.getState().renameCollection(collection.id, name)
        }
      />
    );
  }

  const drop: DropHandlers = {
    accept(event) {
      const payload = dragged(event, 'items', 'collection');
      if (!payload) return undefined;
      if (payload.kind === 'collection')
        return isWithin(useSheaf.getState().collections, collection.id, payload.id) ? undefined : 'move';
      return payload.fromCollection !== undefined &&
        payload.fromCollection !== collection.id &&
        isMoveGesture(event)
        ? 'move'
        : 'copy';
    },
    drop(event) {
      const payload = dragged(event, 'items', 'collection');
      const store = useSheaf.getState();
      if (payload?.kind === 'collection') void store.moveCollection(payload.id, collection.id);
      else if (payload?.kind === 'items') {
        const from = isMoveGesture(event) ? payload.fromCollection : undefined;
        void store.putItemsInCollection(collection.id, payload.ids, from);
      }
      endDrag();
    },
  };

  return (
    <>
      <SidebarRow
        icon="folder"
        label={collection.name}
        title={collection.name}
        count={collection.itemCount || undefined}
        selected={selected}
        level={level}
        testId={`collection-${collection.name}`}
        {...(children.length
          ? {
              expanded,
              onToggle: () => useSheaf.getState().setCollectionExpanded(collection.id, !expanded),
            }
          : {})}
        onActivate={() =>
          useSheaf.getState().setView({ kind: 'items', spec: { kind: 'collection', id: collection.id } })
        }
        onContextMenu={(event) => collectionMenu(collection, event)}
        onKeyDown={(event) => {
          if (event.key === 'F2') {
            event.preventDefault();
            useSheaf.getState().startRenameCollection(collection.id);
          } else if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            void useSheaf.getState().trashCollection(collection.id);
          }
        }}
        drop={drop}
        dragProps={{
          draggable: true,
          onDragStart: (event) =>
            startDrag(event, { kind: 'collection', id: collection.id }, collection.name),
          onDragEnd: endDrag,
        }}
      />
      {createChild}
    </>
  );
}
