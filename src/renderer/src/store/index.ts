// The app's one store, assembled from its slices (see types.ts).
import { create } from 'zustand';
import { createCollectionsSlice } from './collections-slice';
import { createCommandsSlice } from './commands-slice';
import { createItemSlice } from './item-slice';
import { createJobsSlice } from './jobs-slice';
import { createLibrarySlice } from './library-slice';
import { createListSlice } from './list-slice';
import { createNotesSlice } from './notes-slice';
import { createPreferencesSlice } from './preferences-slice';
import { createSelectionSlice } from './selection-slice';
import type { SheafState } from './types';
import { createUiSlice } from './ui-slice';
import { createViewSlice } from './view-slice';

export const useSheaf = create<SheafState>()((...args) => ({
  ...createLibrarySlice(...args),
  ...createPreferencesSlice(...args),
  ...createViewSlice(...args),
  ...createListSlice(...args),
  ...createSelectionSlice(...args),
  ...createItemSlice(...args),
  ...createCollectionsSlice(...args),
  ...createNotesSlice(...args),
  ...createJobsSlice(...args),
  ...createCommandsSlice(...args),
  ...createUiSlice(...args),
}));

export type { SheafState };
