// The right pane in the Notes view: the open note, or what to do.
import { useSheaf } from '../../store';
import { NoteEditorPane } from './NoteEditorPane';

export function NotesPane() {
  const note = useSheaf((s) => s.activeNote);
  if (!note)
    return (
      <div className="pane-placeholder">
        <p className="pane-placeholder-title">No note open</p>
        <p className="muted small">Choose a note from the list, or start one with New Note.</p>
      </div>
    );
  return <NoteEditorPane key={note.id} note={note} />;
}
