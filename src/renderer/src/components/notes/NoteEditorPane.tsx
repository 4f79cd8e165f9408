// A note being edited: Markdown on top, its sanitised preview below; saved as you type.
import { lazy, Suspense, useState } from 'react';
import type { Note } from '../../../../shared/domain';
import { dateTime } from '../../lib/format';
import { useSheaf } from '../../store';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Icon } from '../common/Icon';
import { useNoteAutosave } from './useNoteAutosave';

// Loaded when a note is first opened: the editor and the Markdown renderer are most of the
// renderer's code and the list does not need them.
const CodeMirrorEditor = lazy(() => import('./CodeMirrorEditor'));
const NotePreview = lazy(() => import('./NotePreview'));

const SAVE_TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Edited', error: 'Not saved' } as const;

interface Props {
  note: Note;
  onBack?: () => void;
  backLabel?: string;
}

export function NoteEditorPane({ note, onBack, backLabel }: Props) {
  const [text, setText] = useState(note.body);
  const [showPreview, setShowPreview] = useState(true);
  const save = useSheaf((s) => s.noteSave);
  const saveError = useSheaf((s) => s.noteSaveError);
  const trashNote = useSheaf((s) => s.trashNote);
  const { changed, flush } = useNoteAutosave(note.id, note.body);

  return (
    <div className="note-pane" data-testid="note-editor" data-note-id={note.id}>
      <header className="note-header">
        {onBack ? (
          <button
            type="button"
            className="icon-button"
            aria-label={backLabel ?? 'Back'}
            title={backLabel}
            onClick={() => {
              flush();
              onBack();
            }}
          >
            <Icon name="back" />
          </button>
        ) : null}
        <div className="note-heading">
          <h2 className="note-title">{note.title}</h2>
          <p className="muted small">
            <span data-testid="note-save-state" title={saveError}>
              {SAVE_TEXT[save]}
            </span>{' '}
            · {dateTime(note.modified)}
          </p>
        </div>
        <button
          type="button"
          className="toolbar-button"
          aria-pressed={showPreview}
          onClick={() => setShowPreview((shown) => !shown)}
        >
          Preview
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Move the note to the trash"
          title="Move to Trash"
          onClick={() => void trashNote(note.id)}
        >
          <Icon name="trash" />
        </button>
      </header>
      <ErrorBoundary pane="note editor" resetKey={note.id}>
        <div className={showPreview ? 'note-body split' : 'note-body'}>
          <Suspense fallback={<div className="code-editor muted">Loading the editor…</div>}>
            <CodeMirrorEditor
              key={note.id}
              initial={note.body}
              label="Note text (Markdown)"
              autoFocus={!note.body}
              onChange={(body) => {
                setText(body);
                changed(body);
              }}
              onBlur={flush}
            />
          </Suspense>
          {showPreview ? (
            <Suspense fallback={<div className="note-preview muted">Loading the preview…</div>}>
              <NotePreview markdown={text} />
            </Suspense>
          ) : null}
        </div>
      </ErrorBoundary>
    </div>
  );
}
