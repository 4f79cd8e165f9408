// The library as a whole: its info, and what the sidebar lists (collections, tags,
// digests, the trash's other contents) and the formats main offers.
import type { Collection, Digest, Tag } from '../../../shared/domain';
import type { FormatInfo, LibraryInfo, TrashContents } from '../../../shared/results';
import { call } from '../api/client';
import { messageOf } from '../lib/errors';
import type { Slice } from './types';

export interface LibrarySlice {
  info?: LibraryInfo;
  /** Set when the library cannot be read at all. */
  loadError?: string;
  collections: Collection[];
  tags: Tag[];
  digests: Digest[];
  trash?: TrashContents;
  importFormats: FormatInfo[];
  exportFormats: FormatInfo[];
  /** Main's change events reach the page (until then a change could go unnoticed). */
  listening: boolean;
  setListening(listening: boolean): void;
  refreshLibrary(): Promise<void>;
  refreshTrash(): Promise<void>;
  loadFormats(): Promise<void>;
}

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  collections: [],
  tags: [],
  digests: [],
  importFormats: [],
  exportFormats: [],
  listening: false,
  setListening: (listening) => set({ listening }),
  async refreshLibrary() {
    try {
      const [info, collections, tags, digests] = await Promise.all([
        call('library.info', {}),
        call('collections.list', {}),
        call('tags.list', {}),
        call('digests.list', {}),
      ]);
      set({ info, collections, tags, digests, loadError: undefined });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },
  async refreshTrash() {
    try {
      set({ trash: await call('trash.contents', {}) });
    } catch {
      // The trash list is secondary; the item list shows its own errors.
    }
  },
  async loadFormats() {
    const [importFormats, exportFormats] = await Promise.all([
      call('import.formats', {}),
      call('export.formats', {}),
    ]);
    set({ importFormats, exportFormats });
  },
});
