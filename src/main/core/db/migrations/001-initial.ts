// Schema version 1: the library. Zotero's proven shape (items with stable keys, ordered
// creators, nested collections with many-to-many membership, tags, notes) plus digests,
// soft-delete trash and the undo history.
//
// Every table that holds user data has a rowid: the undo history (history.ts) records
// row-level inverse operations by rowid. Derived data (sort keys, creators_text, the
// search index) is written by the same code path that writes the data it derives from.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial library schema',
  up: `
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  citekey TEXT NOT NULL UNIQUE COLLATE NOCASE,
  title TEXT NOT NULL,
  date TEXT,
  container TEXT,
  volume TEXT,
  issue TEXT,
  pages TEXT,
  publisher TEXT,
  doi TEXT,
  arxiv TEXT,
  url TEXT,
  language TEXT,
  creators_display TEXT NOT NULL DEFAULT '',
  creators_text TEXT NOT NULL DEFAULT '',
  title_sort TEXT NOT NULL DEFAULT '',
  creators_sort TEXT NOT NULL DEFAULT '',
  container_sort TEXT NOT NULL DEFAULT '',
  match_title TEXT NOT NULL DEFAULT '',
  match_hash INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  deleted INTEGER
);
CREATE INDEX items_by_title ON items(title_sort) WHERE deleted IS NULL;
CREATE INDEX items_by_creators ON items(creators_sort) WHERE deleted IS NULL;
CREATE INDEX items_by_date ON items(date) WHERE deleted IS NULL;
CREATE INDEX items_by_container ON items(container_sort) WHERE deleted IS NULL;
CREATE INDEX items_by_modified ON items(modified) WHERE deleted IS NULL;
CREATE INDEX items_in_trash ON items(deleted) WHERE deleted IS NOT NULL;
CREATE INDEX items_by_doi ON items(doi COLLATE NOCASE) WHERE doi IS NOT NULL;
CREATE INDEX items_by_arxiv ON items(arxiv) WHERE arxiv IS NOT NULL;
-- Duplicate candidates by title: an integer hash keeps this index small and cheap to insert into.
CREATE INDEX items_by_match_hash ON items(match_hash);

-- What lists do not show, kept out of the items rows so that list scans stay compact.
-- Creators and links are read and written whole with their item, so they are JSON
-- arrays here (one row per item) rather than rows of their own.
CREATE TABLE item_extra (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  creators TEXT NOT NULL DEFAULT '[]',
  links TEXT NOT NULL DEFAULT '[]',
  abstract TEXT,
  fields TEXT,
  origin TEXT
);

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES collections(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  deleted INTEGER
);
CREATE INDEX collections_by_parent ON collections(parent_id, position);

CREATE TABLE collection_items (
  id INTEGER PRIMARY KEY,
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  added INTEGER NOT NULL,
  UNIQUE (collection_id, item_id)
);
CREATE INDEX collection_items_by_item ON collection_items(item_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT
);

CREATE TABLE item_tags (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  UNIQUE (item_id, tag_id)
);
CREATE INDEX item_tags_by_tag ON item_tags(tag_id);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  deleted INTEGER
);
CREATE INDEX notes_by_item ON notes(item_id);
CREATE INDEX notes_by_modified ON notes(modified);

-- [[citekey]] references from notes; resolved to items by key so a note may name an
-- item that is imported later.
CREATE TABLE note_links (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  citekey TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX note_links_by_note ON note_links(note_id);
CREATE INDEX note_links_by_citekey ON note_links(citekey);

CREATE TABLE digests (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT,
  imported INTEGER NOT NULL,
  deleted INTEGER
);

CREATE TABLE digest_items (
  id INTEGER PRIMARY KEY,
  digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  UNIQUE (digest_id, position)
);
CREATE INDEX digest_items_by_item ON digest_items(item_id);

-- Live counts for the sidebar (library, trash, each collection and tag), kept by
-- triggers so a million-item library never counts rows to draw its sidebar. Derived
-- data: not tracked by the undo history, which replays the changes they count.
CREATE TABLE counts (
  scope TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counts VALUES ('items', 0), ('trash', 0);

CREATE TRIGGER count_item_insert AFTER INSERT ON items BEGIN
  UPDATE counts SET n = n + 1 WHERE scope = CASE WHEN NEW.deleted IS NULL THEN 'items' ELSE 'trash' END;
END;
CREATE TRIGGER count_item_delete AFTER DELETE ON items BEGIN
  UPDATE counts SET n = n - 1 WHERE scope = CASE WHEN OLD.deleted IS NULL THEN 'items' ELSE 'trash' END;
END;
CREATE TRIGGER count_item_trash AFTER UPDATE OF deleted ON items
  WHEN (OLD.deleted IS NULL) <> (NEW.deleted IS NULL)
BEGIN
  UPDATE counts SET n = n + (CASE WHEN NEW.deleted IS NULL THEN 1 ELSE -1 END)
    WHERE scope = 'items'
       OR scope IN (SELECT 'c' || collection_id FROM collection_items WHERE item_id = NEW.id)
       OR scope IN (SELECT 't' || tag_id FROM item_tags WHERE item_id = NEW.id);
  UPDATE counts SET n = n + (CASE WHEN NEW.deleted IS NULL THEN -1 ELSE 1 END) WHERE scope = 'trash';
END;
CREATE TRIGGER count_membership_insert AFTER INSERT ON collection_items
  WHEN (SELECT deleted FROM items WHERE id = NEW.item_id) IS NULL
BEGIN
  INSERT INTO counts VALUES ('c' || NEW.collection_id, 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER count_membership_delete AFTER DELETE ON collection_items
  WHEN (SELECT deleted FROM items WHERE id = OLD.item_id) IS NULL
BEGIN
  UPDATE counts SET n = n - 1 WHERE scope = 'c' || OLD.collection_id;
END;
CREATE TRIGGER count_collection_delete AFTER DELETE ON collections BEGIN
  DELETE FROM counts WHERE scope = 'c' || OLD.id;
END;
CREATE TRIGGER count_tagging_insert AFTER INSERT ON item_tags
  WHEN (SELECT deleted FROM items WHERE id = NEW.item_id) IS NULL
BEGIN
  INSERT INTO counts VALUES ('t' || NEW.tag_id, 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER count_tagging_delete AFTER DELETE ON item_tags
  WHEN (SELECT deleted FROM items WHERE id = OLD.item_id) IS NULL
BEGIN
  UPDATE counts SET n = n - 1 WHERE scope = 't' || OLD.tag_id;
END;
CREATE TRIGGER count_tag_delete AFTER DELETE ON tags BEGIN
  DELETE FROM counts WHERE scope = 't' || OLD.id;
END;

-- Undo history: one row per user-level step; its operations are row-level inverses,
-- phase 'u' (applied to undo) and 'r' (captured while undoing, applied to redo).
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  created INTEGER NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE history_ops (
  id INTEGER PRIMARY KEY,
  step INTEGER NOT NULL,
  phase TEXT NOT NULL,
  tbl TEXT NOT NULL,
  op TEXT NOT NULL,
  rid INTEGER NOT NULL,
  data TEXT
);
CREATE INDEX history_ops_by_step ON history_ops(step, phase, id);

-- The quick-search index. Contentless: the text lives in the tables above and is
-- (re)written per item by the indexer; contentless_delete lets us replace a row by rowid.
CREATE VIRTUAL TABLE search USING fts5(
  title, creators, abstract, notes, tags, ids, venue, year,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  -- One- and two-letter prefixes ("m", "tr": what a search box sees first) read a ready
  -- posting list instead of merging those of every word that starts with them.
  prefix = '1 2'
);
`,
};
