// The store is one zustand store made of slices, one per feature; each slice file owns
// its state and the actions that change it. Slices reach each other through get().
import type { StateCreator } from 'zustand';
import type { CollectionsSlice } from './collections-slice';
import type { CommandsSlice } from './commands-slice';
import type { ItemSlice } from './item-slice';
import type { JobsSlice } from './jobs-slice';
import type { LibrarySlice } from './library-slice';
import type { ListSlice } from './list-slice';
import type { NotesSlice } from './notes-slice';
import type { PreferencesSlice } from './preferences-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';
import type { ViewSlice } from './view-slice';

export type SheafState = LibrarySlice &
  ViewSlice &
  ListSlice &
  SelectionSlice &
  ItemSlice &
  CollectionsSlice &
  NotesSlice &
  JobsSlice &
  CommandsSlice &
  PreferencesSlice &
  UiSlice;

export type Slice<T> = StateCreator<SheafState, [], [], T>;
