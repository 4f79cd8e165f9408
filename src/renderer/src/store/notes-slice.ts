// Notes: the Notes view's list (newest first, searchable) and the note being edited,
// in the Notes view or in the item pane.
import type { Note, NoteSummary } from '../../../shared/domain';
import { call } from '../api/client';
import { messageOf } from '../lib/errors';
import type { Slice } from './types';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface NotesSlice {
  notes: NoteSummary[];
  notesLoaded: boolean;
  notesError?: string;
  /** Citation keys of the items attached notes belong to, by item id. */
  noteItemKeys: Record<number, string>;
  activeNote?: Note;
  noteSave: SaveState;
  noteSaveError?: string;
  loadNotes(): Promise<void>;
  openNote(id: number): Promise<void>;
  closeNote(): void;
  createNote(itemId: number | null, body?: string): Promise<Note | undefined>;
  saveNote(id: number, body: string): Promise<void>;
  markNoteUnsaved(): void;
  trashNote(id: number): Promise<void>;
}

const NOTES_PAGE = 1000;
let listRequest = 0;

export const createNotesSlice: Slice<NotesSlice> = (set, get) => ({
  notes: [],
  notesLoaded: false,
  noteItemKeys: {},
  noteSave: 'saved',
  async loadNotes() {
    const request = ++listRequest;
    const text = get().view.kind === 'notes' ? get().search.trim() : '';
    try {
      const notes = await call('notes.list', { limit: NOTES_PAGE, ...(text ? { text } : {}) });
      const itemIds = [...new Set(notes.flatMap((n) => (n.itemId === null ? [] : [n.itemId])))];
      const keys = itemIds.length ? await call('items.citekeys', { ids: itemIds.slice(0, 10_000) }) : [];
      if (request !== listRequest) return;
      set({
        notes,
        notesLoaded: true,
        notesError: undefined,
        noteItemKeys: Object.fromEntries(itemIds.map((id, i) => [id, keys[i] ?? ''])),
      });
    } catch (error) {
      if (request === listRequest) set({ notesError: messageOf(error), notesLoaded: true });
    }
  },
  async openNote(id) {
    try {
      const note = await call('notes.get', { id });
      set({ activeNote: note, noteSave: 'saved', noteSaveError: undefined });
    } catch (error) {
      get().toast(messageOf(error), { tone: 'error' });
    }
  },
  closeNote: () => set({ activeNote: undefined }),
  async createNote(itemId, body = '') {
    try {
      const note = await call('notes.create', { itemId, body });
      set({ activeNote: note, noteSave: 'saved' });
      return note;
    } catch (error) {
      get().toast(messageOf(error), { tone: 'error' });
      return undefined;
    }
  },
  async saveNote(id, body) {
    set({ noteSave: 'saving' });
    try {
      const note = await call('notes.update', { id, body });
      // The editor keeps its own text (the user may have typed on); `saving` turned
      // into `unsaved` if they did, and another save follows.
      if (get().activeNote?.id === id)
        set((state) => ({
          activeNote: note,
          noteSave: state.noteSave === 'saving' ? 'saved' : state.noteSave,
          noteSaveError: undefined,
        }));
    } catch (error) {
      set({ noteSave: 'error', noteSaveError: messageOf(error) });
    }
  },
  markNoteUnsaved: () => set({ noteSave: 'unsaved' }),
  async trashNote(id) {
    try {
      await call('notes.trash', { id });
      if (get().activeNote?.id === id) set({ activeNote: undefined });
      get().toast('Moved the note to the trash.');
    } catch (error) {
      get().toast(messageOf(error), { tone: 'error' });
    }
  },
});
