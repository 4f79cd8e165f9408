// Schema version 7: rendered export entries, kept between exports (service/entry-cache.ts).
// Derived data, never user data: outside the undo history, and any row may be dropped.
// `stamp` is the state of the item the text shows (service/entry-cache.ts), `variant`
// the writer and its options; a row is used only when both match. Rows go with their item.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'a cache of rendered export entries',
  up: `
CREATE TABLE entry_cache (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  variant TEXT NOT NULL,
  stamp TEXT NOT NULL,
  citekey TEXT NOT NULL,
  crossref TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (item_id, variant)
);
`,
};
