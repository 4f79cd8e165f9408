// Schema version 2: .bib files kept in sync with a collection or the whole library.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'kept-updated export bindings',
  up: `
CREATE TABLE bindings (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_written INTEGER,
  last_error TEXT
);
`,
};
