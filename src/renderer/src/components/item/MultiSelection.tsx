// The pane when several items are selected: what can be done to all of them.
import { count } from '../../lib/format';
import { modLabel } from '../../lib/keyboard';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';

export function MultiSelection({ size }: { size: number }) {
  const store = useSheaf.getState;
  const inTrash = useSheaf((s) => s.view.kind === 'items' && s.view.spec.kind === 'trash');
  return (
    <div className="pane-placeholder">
      <p className="pane-placeholder-title">{count(size)} items selected</p>
      <div className="stacked-actions">
        {inTrash ? (
          <button
            type="button"
            className="button"
            onClick={() => void store().restoreItems(store().selectedIds())}
          >
            <Icon name="restore" size={14} /> Restore to Library
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              onClick={() => void store().copyCitekeys(store().selectedIds())}
            >
              <Icon name="copy" size={14} /> Copy citation keys <kbd>{modLabel}⇧C</kbd>
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void store().copyBibtex(store().selectedIds())}
            >
              <Icon name="copy" size={14} /> Copy BibTeX <kbd>{modLabel}⇧B</kbd>
            </button>
            <button type="button" className="button" onClick={() => store().openExport('selection')}>
              <Icon name="export" size={14} /> Export…
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              onClick={() => void store().trashItems(store().selectedIds())}
            >
              <Icon name="trash" size={14} /> Move to Trash
            </button>
          </>
        )}
      </div>
      <p className="muted small">Drag them onto a collection or a tag in the sidebar.</p>
    </div>
  );
}
