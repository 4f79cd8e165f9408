// Schema version 6: bookkeeping the undo history leaves alone. `last_modified` is the
// latest `modified` time handed to a changed item (library/items.ts modificationTime):
// undo puts an item's old time back, and the next change must still get a time that no
// version of the item has had, because exporters key rendered entries by it.
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'a mark of the last modification time handed out',
  up: `
CREATE TABLE marks (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO marks(name, value) SELECT 'last_modified', coalesce(max(modified), 0) FROM items;
`,
};
