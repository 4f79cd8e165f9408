// Importing is two steps, so that the user sees what will happen before it does:
// preview (decode, detect the format, parse, find duplicates; nothing written) and
// commit (one undoable step on a connection of its own, yielding between chunks so the
// app stays responsive, reporting progress, and rolling back whole if cancelled).
import { randomUUID } from 'node:crypto';
import type { InputIssue, ItemData } from '../../../shared/domain';
import type { ImportPreview, ImportReport, PreviewRecord } from '../../../shared/results';
import { SheafError } from '../errors';
import { stmt } from '../db/statements';
import { type DecodedText, decodeBytes, warnOfDecoding } from '../formats/encoding';
import { detectFormat, importFormat } from '../formats/registry';
import type { ImportFormat, ParseResult } from '../formats/types';
import { resolveCollectionPath, requireLiveCollection, addToCollection } from '../library/collections';
import { createDigest, findSameDigest, readDigest } from '../library/digests';
import { findDuplicate, isSameWork } from '../library/duplicates';
import { insertItem, readItem, replaceItemData, toItemData } from '../library/items';
import type { Library } from '../library/library';
import { fillMissing } from '../library/merge';
import { ParallelIndexBuild } from '../library/search/parallel-build';
import { deferIndexes } from '../library/sort-indexes';
import { attachTags, TagBatch } from '../library/tags';
import { saveBibtexBlocks } from './bibtex-blocks';

export interface ImportInput {
  text?: string;
  bytes?: Uint8Array;
  name?: string;
}

export interface ImportSession {
  id: string;
  format: ImportFormat;
  result: ParseResult;
  created: number;
}

/** Parsed imports waiting for the user's confirmation (a few, for a short while). */
export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  add(format: ImportFormat, result: ParseResult): ImportSession {
    const session = { id: randomUUID(), format, result, created: Date.now() };
    this.sessions.set(session.id, session);
    while (this.sessions.size > 8) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }

  take(id: string): ImportSession {
    const session = this.sessions.get(id);
    if (!session)
      throw new SheafError(
        'not-found',
        'That import preview has expired; open the file or paste the text again.',
      );
    return session;
  }

  drop(id: string): void {
    this.sessions.delete(id);
  }
}

export interface ParseOptions {
  format?: string;
  yearHint?: number;
  now?: Date;
}

/** Decodes and parses; never writes. */
export function parseInput(
  input: ImportInput,
  options: ParseOptions = {},
): { format: ImportFormat; result: ParseResult } {
  let text = input.text;
  let decoded: DecodedText | undefined;
  if (text === undefined) {
    if (!input.bytes) throw new SheafError('invalid-argument', 'Nothing to import.');
    try {
      decoded = decodeBytes(input.bytes);
      text = decoded.text;
    } catch (error) {
      throw new SheafError('bad-input', error instanceof Error ? error.message : String(error));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const format =
    options.format && options.format !== 'auto'
      ? importFormat(options.format)
      : detectFormat(text, input.name);
  const result = format.parse(text, {
    ...(options.yearHint ? { yearHint: options.yearHint } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (decoded) {
    result.encoding ??= decoded.encoding;
    warnOfDecoding(result.warnings, decoded);
  }
  return { format, result };
}

export function previewImport(
  library: Library,
  sessions: ImportSessions,
  input: ImportInput,
  options: ParseOptions,
): ImportPreview {
  const { format, result } = parseInput(input, options);
  const session = sessions.add(format, result);
  let duplicates = 0;
  const records: PreviewRecord[] = result.records.map((record, index) => {
    const data = record.data;
    const duplicateId = findDuplicate(library.db, data);
    const preview: PreviewRecord = {
      index,
      title: data.title,
      creators: data.creators
        .slice(0, 3)
        .map((c) => c.literal ?? c.family ?? '')
        .join(', '),
      line: record.line,
      links: data.links.length,
    };
    const year = data.date?.slice(0, 4);
    if (year) preview.year = year;
    if (data.citekey) preview.citekey = data.citekey;
    if (duplicateId !== undefined) {
      duplicates++;
      preview.duplicateOf = { id: duplicateId, title: readItem(library.db, duplicateId).title };
    }
    return preview;
  });
  return {
    id: session.id,
    format: format.id,
    formatLabel: format.label,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    records,
    errors: result.errors,
    warnings: result.warnings,
    ...(result.digest ? { digest: { ...result.digest, title: digestTitle(result, format) } } : {}),
    duplicates,
  };
}

const DIGEST_NAMES: Record<string, string> = {
  'hf-text': 'Hugging Face papers',
  'hf-json': 'Hugging Face daily papers',
  'hf-html': 'Hugging Face papers',
  'arxiv-email': 'arXiv listing',
  feed: 'Feed',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Hugging Face papers, 17 Jun 2026": the digest's own title, else its source and date. */
function digestTitle(result: ParseResult, format: ImportFormat, date = result.digest?.date): string {
  const digest = result.digest;
  if (digest?.title) return digest.title;
  const name = DIGEST_NAMES[digest?.source ?? ''] ?? format.label;
  const [year, month, day] = (date ?? '').split('-');
  if (!year) return name;
  const when = [day ? String(Number(day)) : '', month ? MONTHS[Number(month) - 1] : '', year]
    .filter(Boolean)
    .join(' ');
  return `${name}, ${when}`;
}

export interface CommitOptions {
  /** Indices of records the user unticked. */
  exclude?: number[];
  collectionId?: number;
  /** "Parent/Child": created if missing. */
  collectionPath?: string;
  digestDate?: string;
  onProgress?: (phase: 'writing' | 'indexing', done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function commitImport(
  library: Library,
  session: ImportSession,
  options: CommitOptions = {},
): Promise<ImportReport> {
  const { result, format } = session;
  const excluded = new Set(options.exclude ?? []);
  const records = result.records.filter((_, index) => !excluded.has(index));
  const noun = result.digest ? 'papers' : records.length === 1 ? 'item' : 'items';
  const label = result.digest
    ? `Import digest "${digestTitle(result, format)}" (${records.length} ${noun})`
    : `Import ${records.length} ${noun} (${format.label})`;
  const report: ImportReport = {
    added: 0,
    duplicates: 0,
    updated: 0,
    skipped: excluded.size,
    errors: [...result.errors],
    warnings: [...result.warnings],
    format: format.id,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    itemIds: [],
  };
  // Small imports (a day's digest) are one quick transaction on the library's own
  // connection; big ones run on a second connection and yield between chunks (ADR 0005).
  const chunked = records.length > CHUNKED_ABOVE && library.file !== ':memory:';
  const writer = chunked ? library.openSibling() : library;
  // A big import inserts into a dozen indexes at random places: keep their pages in memory.
  if (chunked) writer.db.pragma('cache_size = -262144');
  const steps = (lookups: boolean) => writeRecords(writer, session, records, report, options, lookups);
  let indexBuild: ParallelIndexBuild | undefined;
  try {
    if (!chunked) {
      library.write(label, () => {
        for (const _ of steps(looksForCopies(library.db))) void _;
      });
      return report;
    }
    const checkpoint = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) {
        throw new SheafError('cancelled', 'Import cancelled; the library was not changed.');
      }
    };
    await writer.writeInChunks(
      label,
      async (yieldNow) => {
        // One answer for both: the lookup indexes go only when no lookup will read them.
        const lookups = looksForCopies(writer.db);
        const rebuildIndexes = deferIndexes(writer.db, records.length, lookups);
        // Into an empty library, the search index is built on a worker as the rows are written.
        indexBuild = ParallelIndexBuild.start(writer.db, writer.file, writer.workerDriver());
        for (const _ of steps(lookups)) {
          indexBuild?.sendTouched();
          await yieldNow();
        }
        // The worker commits its index while the set-aside indexes are built again.
        const indexed = indexBuild?.finish();
        try {
          rebuildIndexes();
        } finally {
          await indexed;
        }
      },
      checkpoint,
    );
  } finally {
    if (chunked) writer.close();
    indexBuild?.dispose();
  }
  library.changedBy(label);
  return report;
}

/** Above this many records an import is written in chunks on a second connection. */
const CHUNKED_ABOVE = 2000;

/** Writes an import's records, yielding every 500 so a caller can pause between chunks. */
function* writeRecords(
  writer: Library,
  session: ImportSession,
  records: ParseResult['records'],
  report: ImportReport,
  options: CommitOptions,
  /** Whether records are looked up as copies of earlier items (looksForCopies). */
  lookups: boolean,
): Generator<void> {
  const { result, format } = session;
  const db = writer.db;
  const now = writer.now();
  const formula = writer.citekeyFormula();
  // Items this import adds get ids from here on (AUTOINCREMENT): they are not copies of
  // anything the library had.
  const firstNewId = stmt(db, 'SELECT coalesce(max(id), 0) + 1 FROM items').pluck().get() as number;
  const tags = new TagBatch();
  for (const [i, record] of records.entries()) {
    const duplicate = lookups ? existingCopy(db, record.data, firstNewId) : undefined;
    if (duplicate !== undefined) {
      report.duplicates++;
      report.itemIds.push(duplicate);
      if (mergeInto(db, duplicate, record.data, now)) report.updated++;
    } else {
      const inserted = insertItem(db, record.data, { now, formula, keepCitekey: true, tags });
      report.added++;
      report.itemIds.push(inserted.id);
      if (inserted.citekeyChanged) {
        report.warnings.push(renamedKey(record.line, record.data.citekey!, inserted.citekey));
      }
    }
    if (i % 500 === 499) {
      tags.attach(db);
      options.onProgress?.('writing', i + 1, records.length);
      yield;
    }
  }
  tags.attach(db);
  options.onProgress?.('writing', records.length, records.length);
  const collectionId =
    options.collectionId ??
    (options.collectionPath
      ? resolveCollectionPath(db, options.collectionPath, { create: true, now })
      : undefined);
  if (collectionId !== undefined) {
    requireLiveCollection(db, collectionId);
    addToCollection(db, collectionId, report.itemIds, now);
    report.collectionId = collectionId;
  }
  if (result.digest) {
    const date = options.digestDate ?? result.digest.date;
    const input = {
      source: result.digest.source,
      title: digestTitle(result, format, date),
      ...(date ? { date } : {}),
    };
    const papers = [...new Set(report.itemIds)];
    // Importing the same digest again adds no second record of it.
    const digestId = findSameDigest(db, input, papers) ?? createDigest(db, input, papers, now);
    report.digest = readDigest(db, digestId);
  }
  saveBibtexBlocks(writer, result);
  options.onProgress?.('indexing', 0, records.length);
}

/** Into a library with no live item (a first import), nothing can be a copy: no lookups. */
function looksForCopies(db: Library['db']): boolean {
  return stmt(db, 'SELECT EXISTS (SELECT 1 FROM items WHERE deleted IS NULL)').pluck().get() === 1;
}

/**
 * The library item an incoming record is a copy of, if any: the same work already in the
 * library (same DOI, arXiv id, or title and year). Two records of one import are never
 * merged with each other: a .bib file's entries are distinct to the documents that cite
 * them, even when they share a title. A record whose citation key names a stored item
 * that is another work is not a copy of it (it gets a new key).
 */
function existingCopy(db: Library['db'], data: ItemData, firstNewId: number): number | undefined {
  const key = data.citekey?.trim();
  if (key) {
    const id = stmt(db, 'SELECT id FROM items WHERE citekey = ? AND deleted IS NULL').pluck().get(key) as
      number | undefined;
    if (id !== undefined && id < firstNewId && isSameWork(db, id, data)) return id;
  }
  return findDuplicate(db, data, firstNewId);
}

/** Adds what an incoming duplicate knows and the stored item lacks; true if anything. */
function mergeInto(
  db: Library['db'],
  id: number,
  incoming: ParseResult['records'][number]['data'],
  now: number,
): boolean {
  const existing = toItemData(readItem(db, id));
  const changed = fillMissing(existing, incoming);
  if (changed) replaceItemData(db, id, existing, now);
  const tagged = incoming.tags?.length ? attachTags(db, [id], incoming.tags) > 0 : false;
  return changed || tagged;
}

function renamedKey(line: number, wanted: string, got: string): InputIssue {
  return {
    line,
    column: 1,
    entry: wanted,
    message: `citation key "${wanted}" is already used in the library; imported as "${got}"`,
  };
}
