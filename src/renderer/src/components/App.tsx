import { useEffect } from 'react';
import { subscribe } from '../api/client';
import { useLibrary } from '../store/library';

export function App() {
  const info = useLibrary((s) => s.info);
  const error = useLibrary((s) => s.error);
  const refresh = useLibrary((s) => s.refresh);

  useEffect(() => {
    void refresh();
    return subscribe('library.changed', () => void refresh());
  }, [refresh]);

  useEffect(() => {
    document.title = info ? `${info.name} — Sheaf` : 'Sheaf';
  }, [info]);

  return (
    <div className="shell" data-ready={info ? 'true' : 'false'}>
      <nav className="sidebar" aria-label="Library">
        <h1 className="library-name">{info?.name ?? 'Sheaf'}</h1>
        <button className="sidebar-row selected" type="button">
          <span>My Library</span>
          <span className="count" data-testid="library-count">
            {info?.itemCount ?? ''}
          </span>
        </button>
      </nav>
      <main className="item-list" aria-label="Items">
        {error ? (
          <p role="alert">{error}</p>
        ) : info && info.itemCount === 0 ? (
          <p>Paste a digest to begin.</p>
        ) : null}
      </main>
      <aside className="item-pane" aria-label="Item" />
    </div>
  );
}
