// Library-level state: what the library is and whether it is ready.
import { create } from 'zustand';
import type { LibraryInfo } from '../../../shared/results';
import { call } from '../api/client';

interface LibraryState {
  info?: LibraryInfo;
  error?: string;
  refresh(): Promise<void>;
}

export const useLibrary = create<LibraryState>((set) => ({
  async refresh() {
    try {
      set({ info: await call('library.info', {}), error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
