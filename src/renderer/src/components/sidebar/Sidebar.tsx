// The left pane: the library's views, digests (newest first), collections and tags, as
// one tree navigable with the arrow keys.
import { useSheaf } from '../../store';
import { count } from '../../lib/format';
import { dragged, endDrag } from '../../lib/drag';
import { viewKey, type AppView } from '../../lib/views';
import { Icon } from '../common/Icon';
import { CollectionTree } from './CollectionTree';
import { DigestList } from './DigestList';
import { libraryMenu, trashMenu } from './sidebar-menus';
import { SidebarRow } from './SidebarRow';
import { TagList } from './TagList';

const LIBRARY: AppView = { kind: 'items', spec: { kind: 'library' } };
const UNFILED: AppView = { kind: 'items', spec: { kind: 'unfiled' } };
const TRASH: AppView = { kind: 'items', spec: { kind: 'trash' } };
const NOTES: AppView = { kind: 'notes' };

/** Arrow keys move between the tree's rows in the order they are shown. */
function onTreeKeyDown(event: React.KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const index = rows.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
  rows[next]?.focus();
  event.preventDefault();
}

export function Sidebar() {
  const name = useSheaf((s) => s.info?.name ?? 'Sheaf');
  const itemCount = useSheaf((s) => s.info?.itemCount);
  const trashCount = useSheaf((s) => s.info?.trashCount);
  const current = useSheaf((s) => viewKey(s.view));
  const setView = useSheaf((s) => s.setView);
  const hasDigests = useSheaf((s) => s.digests.length > 0);
  const hasTags = useSheaf((s) => s.tags.length > 0);
  const startCreate = useSheaf((s) => s.startCreateCollection);
  const moveCollection = useSheaf((s) => s.moveCollection);

  const row = (view: AppView) => ({
    selected: current === viewKey(view),
    onActivate: () => setView(view),
  });

  return (
    <nav className="sidebar" aria-label="Library">
      <header className="sidebar-header">
        <h1 className="library-name" title={name}>
          {name}
        </h1>
      </header>
      <div
        className="sidebar-tree"
        role="tree"
        aria-label="Views, digests, collections and tags"
        onKeyDown={onTreeKeyDown}
      >
        <div role="group" aria-label="Library views" className="sidebar-section">
          <SidebarRow
            icon="library"
            label="My Library"
            count={itemCount === undefined ? '' : count(itemCount)}
            countTestId="library-count"
            testId="view-library"
            onContextMenu={libraryMenu}
            {...row(LIBRARY)}
          />
          <SidebarRow icon="unfiled" label="Unfiled Items" testId="view-unfiled" {...row(UNFILED)} />
          <SidebarRow icon="note" label="Notes" testId="view-notes" {...row(NOTES)} />
          <SidebarRow
            icon="trash"
            label="Trash"
            count={trashCount ? count(trashCount) : undefined}
            testId="view-trash"
            onContextMenu={trashMenu}
            drop={{
              accept: (event) => (dragged(event, 'items') ? 'move' : undefined),
              drop(event) {
                const payload = dragged(event, 'items');
                if (payload?.kind === 'items') void useSheaf.getState().trashItems(payload.ids);
                endDrag();
              },
            }}
            {...row(TRASH)}
          />
        </div>

        {hasDigests ? (
          <div role="group" aria-labelledby="digests-heading" className="sidebar-section">
            <h2 className="section-heading" id="digests-heading">
              Digests
            </h2>
            <DigestList />
          </div>
        ) : null}

        <div role="group" aria-labelledby="collections-heading" className="sidebar-section">
          <div
            className="section-heading-row"
            onDragOver={(event) => {
              if (dragged(event, 'collection')) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
              }
            }}
            onDrop={(event) => {
              const payload = dragged(event, 'collection');
              if (payload?.kind === 'collection') {
                event.preventDefault();
                void moveCollection(payload.id, null);
              }
              endDrag();
            }}
          >
            <h2 className="section-heading" id="collections-heading">
              Collections
            </h2>
            <button
              type="button"
              className="icon-button small"
              aria-label="New collection"
              title="New collection"
              onClick={() => startCreate(null)}
            >
              <Icon name="plus" size={14} />
            </button>
          </div>
          <CollectionTree />
        </div>

        {hasTags ? (
          <div role="group" aria-labelledby="tags-heading" className="sidebar-section">
            <h2 className="section-heading" id="tags-heading">
              Tags
            </h2>
            <TagList />
          </div>
        ) : null}
      </div>
    </nav>
  );
}
