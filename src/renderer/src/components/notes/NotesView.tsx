// The Notes view's list: every note, standalone and attached, newest first, searchable.
import { count, shortDate } from '../../lib/format';
import { useSheaf } from '../../store';
import { AppMenuButton } from '../common/AppMenu';
import { Icon } from '../common/Icon';
import { SearchBox } from '../list/SearchBox';

const NOTES_LIMIT = 1000;

export function NotesView() {
  const notes = useSheaf((s) => s.notes);
  const loaded = useSheaf((s) => s.notesLoaded);
  const error = useSheaf((s) => s.notesError);
  const keys = useSheaf((s) => s.noteItemKeys);
  const activeId = useSheaf((s) => s.activeNote?.id);
  const search = useSheaf((s) => s.search);
  const openNote = useSheaf((s) => s.openNote);
  const createNote = useSheaf((s) => s.createNote);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = notes.findIndex((n) => n.id === activeId);
    const next = notes[Math.max(0, Math.min(notes.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      void openNote(next.id);
      document.getElementById(`note-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <section className="items-area" aria-label="Notes">
      <header className="toolbar">
        <div className="view-title" data-testid="view-title">
          Notes
        </div>
        <div className="toolbar-actions">
          <SearchBox placeholder="Search notes" />
          <button type="button" className="toolbar-button" onClick={() => void createNote(null, '')}>
            <Icon name="plus" size={15} />
            <span>New Note</span>
          </button>
          <AppMenuButton />
        </div>
      </header>
      <div
        className="notes-list"
        role="listbox"
        aria-label="Notes, newest first"
        tabIndex={0}
        aria-activedescendant={activeId ? `note-${activeId}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="notes-list"
      >
        {notes.map((note) => (
          <div
            key={note.id}
            id={`note-${note.id}`}
            role="option"
            aria-selected={note.id === activeId}
            className={note.id === activeId ? 'note-row selected' : 'note-row'}
            onClick={() => void openNote(note.id)}
          >
            <Icon name="note" className="row-icon" />
            <div className="note-row-text">
              <span className="note-row-title">{note.title}</span>
              <span className="note-row-meta">
                {shortDate(note.modified)}
                {note.itemId !== null ? (
                  <span className="note-row-item">@{keys[note.itemId] ?? 'item'}</span>
                ) : (
                  <span>Standalone</span>
                )}
              </span>
            </div>
          </div>
        ))}
        {error ? (
          <div className="list-message" role="alert">
            <p>{error}</p>
          </div>
        ) : loaded && notes.length === 0 ? (
          <div className="list-message" data-testid="empty-state">
            <p className="list-message-title">
              {search.trim() ? `No notes match “${search.trim()}”` : 'No notes yet'}
            </p>
            <p>Write a note about a paper from its pane, or start a standalone note with New Note.</p>
          </div>
        ) : null}
      </div>
      <footer className="status-bar">
        <span data-testid="status-count">
          {notes.length >= NOTES_LIMIT
            ? `The ${count(NOTES_LIMIT)} most recent notes; search to find older ones`
            : `${count(notes.length)} ${notes.length === 1 ? 'note' : 'notes'}`}
        </span>
      </footer>
    </section>
  );
}
