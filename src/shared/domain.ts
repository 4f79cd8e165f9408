// Domain types shared by main, preload and renderer. Pure data: no behaviour, no imports
// from Node, Electron or React, so every layer (and every format module) can use them.

export const ITEM_TYPES = [
  'article',
  'inproceedings',
  'incollection',
  'inbook',
  'book',
  'collection',
  'proceedings',
  'thesis',
  'report',
  'manual',
  'online',
  'preprint',
  'dataset',
  'software',
  'patent',
  'periodical',
  'unpublished',
  'misc',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const CREATOR_ROLES = [
  'author',
  'editor',
  'translator',
  'bookauthor',
  'contributor',
  'director',
  'inventor',
] as const;
export type CreatorRole = (typeof CREATOR_ROLES)[number];

/** A person (family/given/prefix/suffix) or an organisation (literal). */
export interface Creator {
  role: CreatorRole;
  family?: string;
  given?: string;
  /** Name particle, e.g. "van der" in "Johannes van der Waals". */
  prefix?: string;
  /** e.g. "Jr." */
  suffix?: string;
  /** A name that must not be split, e.g. "World Health Organization". */
  literal?: string;
}

export const LINK_KINDS = ['code', 'project', 'model', 'dataset', 'video', 'pdf', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** How a link of each kind is named when it has no label of its own. */
export const LINK_LABELS: Record<LinkKind, string> = {
  code: 'Code',
  project: 'Project page',
  model: 'Model',
  dataset: 'Dataset',
  video: 'Video',
  pdf: 'PDF',
  other: 'Link',
};

export interface ItemLink {
  kind: LinkKind;
  url: string;
  label?: string;
}

/**
 * How a record looked in the file it came from, so that an unchanged item exports the
 * same text it was imported with (BibTeX raw values, entry type, key...).
 */
export interface ItemOrigin {
  format: string;
  /** Original entry type as written, e.g. "ARTICLE" or "web_page". */
  entryType?: string;
  /** Original citation key as written, before any disambiguation. */
  key?: string;
  /**
   * Per field (lower-case name): the raw text as written in the file and the decoded
   * value Sheaf derived from it. Exporters reuse `raw` while the item's current value
   * still equals `value`.
   */
  fields?: Record<string, { raw: string; value: string }>;
}

/** Everything about an item that an importer produces or a user edits. */
export interface ItemData {
  type: ItemType;
  title: string;
  abstract?: string;
  /** Partial ISO date: "2017", "2017-06" or "2017-06-12". */
  date?: string;
  /** Journal, proceedings or book title. */
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  language?: string;
  creators: Creator[];
  links: ItemLink[];
  /** Open field map: every field of an imported record that has no column of its own. */
  fields: Record<string, string>;
  /** Tags the source gives the record (BibTeX keywords, RIS KW, CSL keyword...). */
  tags?: string[];
  /** Citation key requested by the source (kept if free, else disambiguated). */
  citekey?: string;
  origin?: ItemOrigin;
}

/** An item as stored in the library. */
export interface Item extends ItemData {
  id: number;
  /** Stable random key, never reused. */
  key: string;
  citekey: string;
  /** ISO timestamps. */
  added: string;
  modified: string;
  /** Set when the item is in the trash. */
  deleted?: string;
}

/** An item plus its relations, as the item pane and exporters need it. */
export interface ItemDetail extends Item {
  tags: string[];
  collections: { id: number; path: string }[];
  digests: { id: number; title: string; date?: string; position: number }[];
  notes: NoteSummary[];
  backlinks: NoteSummary[];
}

export interface Collection {
  id: number;
  key: string;
  parentId: number | null;
  name: string;
  position: number;
  itemCount: number;
}

export interface Tag {
  id: number;
  name: string;
  color?: string;
  itemCount: number;
}

export interface NoteSummary {
  id: number;
  key: string;
  itemId: number | null;
  title: string;
  modified: string;
}

export interface Note extends NoteSummary {
  body: string;
  created: string;
  /** Citation keys this note links to with [[key]]. */
  links: string[];
}

export interface Digest {
  id: number;
  key: string;
  /** Format it came from, e.g. "hf-text", "arxiv-email". */
  source: string;
  title: string;
  /** The digest's own date (partial ISO), when it has one. */
  date?: string;
  imported: string;
  itemCount: number;
}

/** A problem found in input, always with a position a user can go to. */
export interface InputIssue {
  line: number;
  column: number;
  message: string;
  /** The entry (citation key, title...) the problem belongs to, when known. */
  entry?: string;
}
