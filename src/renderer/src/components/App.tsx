// The window: sidebar, list (or notes), item pane, each behind its own error boundary;
// the sheets, menus and toasts over them.
import { useSheaf } from '../store';
import { useDocumentState } from './app/useDocumentState';
import { useGlobalShortcuts } from './app/useGlobalShortcuts';
import { useImportTriggers } from './app/useImportTriggers';
import { useLibraryEvents } from './app/useLibraryEvents';
import { ContextMenu } from './common/ContextMenu';
import { Dialog } from './common/Dialog';
import { ErrorBoundary } from './common/ErrorBoundary';
import { Icon } from './common/Icon';
import { Splitter } from './common/Splitter';
import { Toasts } from './common/Toasts';
import { BackupsDialog } from './backups/BackupsDialog';
import { ExportDialog } from './export/ExportDialog';
import { ImportSheet } from './import/ImportSheet';
import { ItemPane } from './item/ItemPane';
import { ItemsArea } from './list/ItemsArea';
import { NotesPane } from './notes/NotesPane';
import { NotesView } from './notes/NotesView';
import { Sidebar } from './sidebar/Sidebar';

/** The right pane, behind a boundary that resets when another item or note is shown. */
function RightPane({ notesView }: { notesView: boolean }) {
  const shown = useSheaf((s) => s.itemDetail?.id ?? s.activeNote?.id);
  return (
    <ErrorBoundary pane={notesView ? 'note' : 'item pane'} resetKey={shown}>
      {notesView ? <NotesPane /> : <ItemPane />}
    </ErrorBoundary>
  );
}

export function App() {
  useLibraryEvents();
  useGlobalShortcuts();
  useDocumentState();
  const draggingFiles = useImportTriggers();
  // Ready: the library is read and its changes will reach the page (tests rely on both).
  const ready = useSheaf((s) => s.info !== undefined && s.listening);
  const loadError = useSheaf((s) => s.loadError);
  const notesView = useSheaf((s) => s.view.kind === 'notes');
  const sidebarWidth = useSheaf((s) => s.preferences.sidebarWidth);
  const paneWidth = useSheaf((s) => s.preferences.itemPaneWidth);
  const setPaneWidth = useSheaf((s) => s.setPaneWidth);

  return (
    <div
      className="shell"
      data-ready={ready ? 'true' : 'false'}
      style={{ gridTemplateColumns: `${sidebarWidth}px 0 minmax(360px, 1fr) 0 ${paneWidth}px` }}
    >
      <ErrorBoundary pane="sidebar">
        <Sidebar />
      </ErrorBoundary>
      <Splitter
        label="Resize the sidebar"
        value={sidebarWidth}
        direction={1}
        onChange={(w) => setPaneWidth('sidebar', w)}
      />
      <main className="main-pane">
        {loadError ? (
          <div className="pane-error" role="alert">
            <Icon name="alert" size={20} />
            <p className="pane-error-title">The library could not be opened.</p>
            <p className="pane-error-detail">{loadError}</p>
          </div>
        ) : null}
        <ErrorBoundary pane={notesView ? 'notes list' : 'item list'}>
          {notesView ? <NotesView /> : <ItemsArea />}
        </ErrorBoundary>
      </main>
      <Splitter
        label="Resize the item pane"
        value={paneWidth}
        direction={-1}
        onChange={(w) => setPaneWidth('itemPane', w)}
      />
      <aside className="item-pane" aria-label={notesView ? 'Note' : 'Item'} data-pane="item">
        <RightPane notesView={notesView} />
      </aside>
      {draggingFiles ? (
        <div className="drop-overlay" aria-hidden="true">
          <Icon name="import" size={28} />
          <p>Drop to import</p>
        </div>
      ) : null}
      <ImportSheet />
      <ExportDialog />
      <BackupsDialog />
      <Dialog />
      <ContextMenu />
      <Toasts />
    </div>
  );
}
