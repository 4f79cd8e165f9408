// Rendered BibTeX entries kept in the library between exports, the way Better BibTeX keeps
// them (ADR 0059). An entry is stored with the state of its item it shows (its stamp) and
// the writer variant that rendered it; an export reads every item's stamp beside its stored
// entry, takes the entries whose stamp still matches, and reads and renders only the others.
// Derived data: a library that cannot be written to still exports, without keeping them.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import {
  BIB_ENTRY_REVISION,
  type BibEntryOptions,
  bibEntry,
  bibEntryVariant,
  type CrossrefLink,
  crossrefParentsLast,
} from '../formats/bibtex';
import type { ExportItem } from '../formats/types';
import { BATCH, IN_BATCH, readExportItems, readExportItemsWith, sortedUnique } from '../library/bulk-read';

/** An item's entry text, the stamp of the state it shows, and its crossref link. */
export interface RenderedEntry extends CrossrefLink {
  stamp: string;
  text: string;
}

/** Entry texts in the order a .bib file needs: crossref parents after their children. */
export function fileOrder(entries: readonly RenderedEntry[]): string[] {
  return crossrefParentsLast(entries, (entry) => entry).map((entry) => entry.text);
}

/**
 * What an item's entry depends on besides its data: its `modified` time, which every change
 * to its data or citation key moves on to a time no version of it had (items.ts
 * modificationTime), and the names of its tags, which do not touch it.
 */
const STAMP = `i.modified || coalesce(char(30) || (SELECT group_concat(t.name, char(31) ORDER BY t.name)
  FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id), '')`;
// Two JSON arrays per batch rather than a row per item: the rows cost more than the query.
const STAMPS_SQL = `SELECT json_group_array(id), json_group_array(stamp)
  FROM (SELECT i.id, ${STAMP} AS stamp FROM items i WHERE i.id IN ${IN_BATCH})`;
const STORED_SQL = `SELECT i.id, ${STAMP}, c.stamp, c.citekey, c.crossref, c.text
  FROM items i LEFT JOIN entry_cache c ON c.item_id = i.id AND c.variant = ?
  WHERE i.id IN ${IN_BATCH}`;
// Only for items that still exist: a sliced export stores after the library may have changed.
const STORE_SQL = `INSERT OR REPLACE INTO entry_cache(item_id, variant, stamp, citekey, crossref, text)
  SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)`;
const REVISION_MARK = 'entry_cache_revision';
/** Marks a variant some entries were stored for, once (never cleared: a stale mark costs a lookup). */
const VARIANT_MARK = 'entry_cache_variant:';
/** Why a library may refuse to keep entries; any other failure is a bug and is thrown. */
const UNWRITABLE = ['SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_IOERR'];

type StoredRow = [
  id: number,
  stamp: string,
  storedStamp: string | null,
  citekey: string,
  crossref: string | null,
  text: string,
];

/**
 * The entries of `ids` that exist, in that order. `memory` (a caller that renders the same
 * scope again and again keeps one) is looked at before the library's store and is brought up
 * to date. Items whose entry is in neither, or shows an older state, are read and rendered,
 * and their entries stored.
 */
export function renderEntries(
  db: Database.Database,
  ids: readonly number[],
  options: BibEntryOptions,
  memory?: Map<number, RenderedEntry>,
): RenderedEntry[] {
  const { found, rendered } = renderUnstored(db, sortedUnique(ids), options, memory);
  storeEntries(db, options, [...rendered]);
  return inOrder(ids, found, memory);
}

/**
 * The entries of `sorted` (ids, ascending: neighbouring rows share pages), found or
 * rendered in one snapshot, by id; `rendered` holds those rendered now, for storeEntries.
 */
function renderUnstored(
  db: Database.Database,
  sorted: readonly number[],
  options: BibEntryOptions,
  memory?: Map<number, RenderedEntry>,
): { found: Map<number, RenderedEntry>; rendered: Map<number, RenderedEntry> } {
  const variant = bibEntryVariant(options);
  // One snapshot: the stamps and the items read after them must agree.
  return db.transaction(() => {
    const found = new Map<number, RenderedEntry>();
    let unknown = sorted;
    // An empty memory (a bound file's first write) knows no stamps: reading them is waste.
    if (memory && memory.size > 0) {
      const changed: number[] = [];
      for (const [id, stamp] of readStamps(db, sorted)) {
        const known = memory.get(id);
        if (known?.stamp === stamp) found.set(id, known);
        else changed.push(id);
      }
      unknown = changed;
    }
    // Items are read and rendered a batch at a time: each batch's items are garbage before
    // the next is read, so a whole-library export never holds every item beside every entry
    // (ADR 72).
    const rendered = new Map<number, RenderedEntry>();
    const render = (batch: Iterable<[ExportItem, unknown]>) => {
      for (const [item, stamp] of batch) {
        const entry = {
          stamp: stamp as string,
          text: bibEntry(item, options),
          citekey: item.citekey,
          crossref: item.fields.crossref,
        };
        found.set(item.id, entry);
        rendered.set(item.id, entry);
      }
    };
    // A variant never kept in this library has nothing to compare: each item's stamp is
    // read with the item instead (ADR 70).
    if (mayHaveStored(db, variant)) {
      const stamps = new Map<number, string>();
      for (const [id, stamp, storedStamp, citekey, crossref, text] of readStored(db, variant, unknown)) {
        if (storedStamp === stamp) found.set(id, { stamp, text, citekey, crossref: crossref ?? undefined });
        else stamps.set(id, stamp);
      }
      const stale = [...stamps.keys()];
      for (let start = 0; start < stale.length; start += BATCH) {
        const items = readExportItems(db, stale.slice(start, start + BATCH));
        render(items.map((item) => [item, stamps.get(item.id)]));
      }
    } else {
      for (let start = 0; start < unknown.length; start += BATCH) {
        render(readExportItemsWith(db, unknown.slice(start, start + BATCH), STAMP));
      }
    }
    return { found, rendered };
  })();
}

/** The entries of `ids` in that order (ids without one skipped), `memory` brought up to date. */
function inOrder(
  ids: readonly number[],
  found: ReadonlyMap<number, RenderedEntry>,
  memory?: Map<number, RenderedEntry>,
): RenderedEntry[] {
  const entries: RenderedEntry[] = [];
  for (const id of ids) {
    const entry = found.get(id);
    if (entry === undefined) continue;
    entries.push(entry);
    memory?.set(id, entry);
  }
  return entries;
}

/** Between two slices of work: false when it should stop (the library changed meanwhile). */
export type Pause = () => Promise<boolean>;

/** Sliced work reads this many ids at a time (about 12 ms of reading and rendering)... */
const CHUNK = 250;
/** ...and awaits `pause` once its chunks have taken this long. */
const SLICE_MS = 15;
/** Entries kept after sliced work, per transaction: about 20 ms of writing each (ADR 66). */
const STORE_SLICE = 1000;

/**
 * Entries rendered by sliced work, kept in the library only once the work's file or text
 * is out: storing 100k entries took 2.1 s, a third of a first export (ADR 66). Stored a
 * slice at a time, so that the event loop keeps turning while they are written.
 */
export class UnstoredEntries {
  private readonly entries = new Map<number, RenderedEntry>();

  constructor(
    private readonly db: Database.Database,
    private readonly options: BibEntryOptions,
  ) {}

  add(rendered: ReadonlyMap<number, RenderedEntry>): void {
    for (const [id, entry] of rendered) this.entries.set(id, entry);
  }

  /**
   * Stores them, STORE_SLICE per transaction, yielding a turn of the event loop between.
   * Each entry carries the stamp of the state it shows, so one stored after its item
   * changed is only ever taken for that older state; stops if the library is closed.
   */
  async storeInSlices(): Promise<void> {
    const all = [...this.entries];
    this.entries.clear();
    for (let start = 0; start < all.length; start += STORE_SLICE) {
      // A turn of the event loop first: the caller's answer goes out before any store.
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.db.open) return;
      storeEntries(this.db, this.options, all.slice(start, start + STORE_SLICE));
    }
  }
}

/**
 * renderEntries in slices of about SLICE_MS, awaiting `pause` between them and after the
 * last, so that a host's event loop keeps turning. Undefined when `pause` says to stop: the
 * chunks may then show different states of the library. What was rendered goes into
 * `unstored` either way, for the caller to store once its output is out.
 */
export async function renderEntriesInSlices(
  db: Database.Database,
  ids: readonly number[],
  options: BibEntryOptions,
  pause: Pause,
  unstored: UnstoredEntries,
  memory?: Map<number, RenderedEntry>,
): Promise<RenderedEntry[] | undefined> {
  // Chunks in id order, not list order: each reads neighbouring rows. Chunks of ids in
  // citation-key order read rows from all over the file (a rewrite took 0.8-1.0 s, not 0.5-0.7).
  const sorted = sortedUnique(ids);
  const found = new Map<number, RenderedEntry>();
  let sliceStarted = performance.now();
  for (let start = 0; start < sorted.length || start === 0; start += CHUNK) {
    const chunk = renderUnstored(db, sorted.slice(start, start + CHUNK), options, memory);
    for (const [id, entry] of chunk.found) found.set(id, entry);
    unstored.add(chunk.rendered);
    if (performance.now() - sliceStarted >= SLICE_MS) {
      if (!(await pause())) return undefined;
      sliceStarted = performance.now();
    }
  }
  const entries = inOrder(ids, found, memory);
  // The last pause: another process may have written since the last check.
  return (await pause()) ? entries : undefined;
}

function* readStamps(db: Database.Database, sorted: readonly number[]): Generator<[number, string]> {
  const query = stmt(db, STAMPS_SQL).raw(true);
  for (let start = 0; start < sorted.length; start += BATCH) {
    const [idList, stampList] = query.get(JSON.stringify(sorted.slice(start, start + BATCH))) as [
      string,
      string,
    ];
    const found = JSON.parse(idList) as number[];
    const stamps = JSON.parse(stampList) as string[];
    for (let index = 0; index < found.length; index++) yield [found[index]!, stamps[index]!];
  }
}

/** Each item's stamp beside its stored entry (nulls when none is stored for `variant`). */
function* readStored(
  db: Database.Database,
  variant: string,
  sorted: readonly number[],
): Generator<StoredRow> {
  const query = stmt(db, STORED_SQL).raw(true);
  for (let start = 0; start < sorted.length; start += BATCH) {
    yield* query.all(variant, JSON.stringify(sorted.slice(start, start + BATCH))) as StoredRow[];
  }
}

/** Keeps rendered entries in the library, when it can be written to now. */
function storeEntries(
  db: Database.Database,
  options: BibEntryOptions,
  entries: readonly (readonly [id: number, entry: RenderedEntry])[],
): void {
  if (entries.length === 0) return;
  const variant = bibEntryVariant(options);
  // Storing is worth no wait: while another connection writes, this export keeps nothing.
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => {
      forgetOtherRevisions(db);
      stmt(db, 'INSERT OR IGNORE INTO marks(name, value) VALUES (?, 1)').run(VARIANT_MARK + variant);
      const store = stmt(db, STORE_SQL);
      for (const [id, entry] of entries) {
        store.run(id, variant, entry.stamp, entry.citekey, entry.crossref ?? null, entry.text, id);
      }
    })();
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (!UNWRITABLE.some((kind) => code === kind || code.startsWith(`${kind}_`))) throw error;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * False when no entry of `variant` can be in the library: it has no mark, and either
 * other variants do or the store is empty (a library whose entries were kept before the
 * marks, ADR 70, has entries and no marks at all).
 */
function mayHaveStored(db: Database.Database, variant: string): boolean {
  const marks = stmt(db, 'SELECT name FROM marks WHERE name >= ? AND name < ?')
    .pluck()
    .all(VARIANT_MARK, `${VARIANT_MARK}\uffff`) as string[];
  if (marks.includes(VARIANT_MARK + variant)) return true;
  return marks.length === 0 && stmt(db, 'SELECT 1 FROM entry_cache LIMIT 1').get() !== undefined;
}

/** Entries rendered by an earlier revision of the writer are never read again: dropped once. */
function forgetOtherRevisions(db: Database.Database): void {
  const mark = stmt(db, 'SELECT value FROM marks WHERE name = ?').pluck().get(REVISION_MARK);
  if (mark === BIB_ENTRY_REVISION) return;
  stmt(db, 'DELETE FROM entry_cache').run();
  stmt(db, 'INSERT OR REPLACE INTO marks(name, value) VALUES (?, ?)').run(REVISION_MARK, BIB_ENTRY_REVISION);
}
