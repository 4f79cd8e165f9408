// The right pane in item views: the selected item (or a note of it), a summary of a
// multiple selection, or what to do when nothing is selected.
import { useEffect } from 'react';
import { focusFirstField } from '../../lib/pane-focus';
import { useSheaf } from '../../store';
import { NoteEditorPane } from '../notes/NoteEditorPane';
import { ItemDetailView } from './ItemDetailView';
import { MultiSelection } from './MultiSelection';

export function ItemPane() {
  const size = useSheaf((s) => s.selection.ids.size);
  const detail = useSheaf((s) => s.itemDetail);
  const error = useSheaf((s) => s.itemError);
  const note = useSheaf((s) => s.activeNote);
  const closeNote = useSheaf((s) => s.closeNote);
  const focusFor = useSheaf((s) => s.paneFocusFor);
  const selected = useSheaf((s) =>
    s.selection.ids.size === 1 ? s.selection.ids.values().next().value : undefined,
  );

  // Enter pressed on a row before its details arrived: the focus follows them in, unless
  // the selection moved on meanwhile.
  useEffect(() => {
    if (focusFor === undefined) return;
    if (selected !== focusFor) useSheaf.getState().focusPaneWhenShown(undefined);
    else if (detail?.id === focusFor) {
      focusFirstField();
      useSheaf.getState().focusPaneWhenShown(undefined);
    }
  }, [focusFor, selected, detail]);

  if (note)
    return (
      <NoteEditorPane
        key={note.id}
        note={note}
        onBack={closeNote}
        backLabel={detail ? `Back to “${detail.title}”` : 'Back'}
      />
    );
  if (size > 1) return <MultiSelection size={size} />;
  if (size === 0 && !detail)
    return (
      <div className="pane-placeholder">
        <p className="pane-placeholder-title">No item selected</p>
        <p className="muted small">Select an item to see and edit its details, links, tags and notes.</p>
      </div>
    );
  if (error)
    return (
      <div className="pane-placeholder" role="alert">
        <p className="pane-placeholder-title">This item cannot be shown</p>
        <p className="muted small">{error}</p>
      </div>
    );
  if (!detail) return <div className="pane-placeholder muted">Loading…</div>;
  // Not keyed by item: moving to the next item updates the fields in place (much less
  // work than building the pane again); the fields follow their stored values.
  return <ItemDetailView item={detail} />;
}
