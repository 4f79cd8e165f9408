// Saves a note shortly after the user stops typing, and when they leave the editor or the
// note (one undo step per pause, not per keystroke).
import { useCallback, useEffect, useRef } from 'react';
import { useSheaf } from '../../store';

const SAVE_DELAY_MS = 600;

export function useNoteAutosave(noteId: number, initial: string) {
  const saveNote = useSheaf((s) => s.saveNote);
  const markUnsaved = useSheaf((s) => s.markNoteUnsaved);
  const pending = useRef<string | null>(null);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const body = pending.current;
    pending.current = null;
    if (body !== null && body !== saved.current) {
      saved.current = body;
      void saveNote(noteId, body);
    }
  }, [noteId, saveNote]);

  const changed = useCallback(
    (body: string) => {
      pending.current = body;
      markUnsaved();
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush, markUnsaved],
  );

  useEffect(() => flush, [flush]);
  return { changed, flush };
}
