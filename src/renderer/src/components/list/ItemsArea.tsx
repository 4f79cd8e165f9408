// The middle pane for item views: toolbar (title, search, import, export), the list, the
// status bar; in the trash, the trash's own actions.
import { searchPlaceholder } from '../../lib/views';
import { useSheaf } from '../../store';
import { AppMenuButton } from '../common/AppMenu';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Icon } from '../common/Icon';
import { useViewTitle } from '../common/useViewTitle';
import { ItemTable } from './ItemTable';
import { SearchBox } from './SearchBox';
import { StatusBar } from './StatusBar';
import { TrashBar } from './TrashBar';

export function ItemsArea() {
  const title = useViewTitle();
  const view = useSheaf((s) => s.view);
  const isTrash = view.kind === 'items' && view.spec.kind === 'trash';
  const viewKey = useSheaf((s) => s.list.key);
  const openImport = useSheaf((s) => s.openImport);
  const openExport = useSheaf((s) => s.openExport);
  return (
    <section className="items-area" aria-label={title}>
      <header className="toolbar">
        {/* Not a heading: the library's name is the window's one heading (foundation test). */}
        <div className="view-title" title={title} data-testid="view-title">
          {title}
        </div>
        <div className="toolbar-actions">
          <SearchBox placeholder={searchPlaceholder(view, title)} />
          <button
            type="button"
            className="toolbar-button"
            onClick={openImport}
            title="Import a digest or a file"
          >
            <Icon name="import" size={15} />
            <span>Import</span>
          </button>
          <button
            type="button"
            className="toolbar-button"
            onClick={() => openExport()}
            title="Export to a file or the clipboard"
          >
            <Icon name="export" size={15} />
            <span>Export</span>
          </button>
          <AppMenuButton />
        </div>
      </header>
      {isTrash ? <TrashBar /> : null}
      <ErrorBoundary pane="item list" resetKey={viewKey}>
        <ItemTable />
      </ErrorBoundary>
      <StatusBar />
    </section>
  );
}
