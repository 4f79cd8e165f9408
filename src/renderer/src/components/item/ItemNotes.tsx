// The item's own notes, and notes elsewhere that link to it with [[citekey]].
import type { ItemDetail, NoteSummary } from '../../../../shared/domain';
import { shortDate } from '../../lib/format';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';

function NoteLink({ note }: { note: NoteSummary }) {
  const openNote = useSheaf((s) => s.openNote);
  return (
    <li>
      <button type="button" className="relation" onClick={() => void openNote(note.id)}>
        <Icon name="note" size={14} />
        <span className="relation-title">{note.title}</span>
        <span className="muted small">{shortDate(note.modified)}</span>
      </button>
    </li>
  );
}

export function ItemNotes({ item }: { item: ItemDetail }) {
  const createNote = useSheaf((s) => s.createNote);
  return (
    <>
      <section className="pane-section" aria-labelledby="notes-heading">
        <div className="pane-section-heading">
          <h3 id="notes-heading">Notes</h3>
          <button type="button" className="link-button" onClick={() => void createNote(item.id, '')}>
            <Icon name="plus" size={12} /> Add note
          </button>
        </div>
        {item.notes.length ? (
          <ul className="relation-list" data-testid="item-notes">
            {item.notes.map((note) => (
              <NoteLink key={note.id} note={note} />
            ))}
          </ul>
        ) : (
          <p className="muted small">No notes yet.</p>
        )}
      </section>
      <section className="pane-section" aria-labelledby="backlinks-heading">
        <div className="pane-section-heading">
          <h3 id="backlinks-heading">Linked from</h3>
        </div>
        {item.backlinks.length ? (
          <ul className="relation-list" data-testid="backlinks">
            {item.backlinks.map((note) => (
              <NoteLink key={note.id} note={note} />
            ))}
          </ul>
        ) : (
          <p className="muted small">
            No note links here yet. Write <code>[[{item.citekey}]]</code> in a note to link it.
          </p>
        )}
      </section>
    </>
  );
}
