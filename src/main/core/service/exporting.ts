// Exports: which items a scope means, in which order, rendered by a format.
import type { ExportResult, ExportScope } from '../../../shared/results';
import { mapFailure, SheafError } from '../errors';
import { exportFormat } from '../formats/registry';
import {
  assembleBib,
  bibEntryOptions,
  bibFrame,
  type BibtexBlocks,
  ENTRY_SEPARATOR,
} from '../formats/bibtex';
import { interleaved, textChunks, writeFileAtomicInSlices } from '../files/atomic-write';
import type { ExportFormat, ExportOptions } from '../formats/types';
import { readExportItems } from '../library/bulk-read';
import type { CslExportItem } from '../formats/csl';
import { collectionPath, itemCollections } from '../library/collections';
import { itemDigests, readDigest } from '../library/digests';
import { listNotes } from '../library/notes';
import type { Library } from '../library/library';
import { requireItems } from '../library/items';
import { bibtexBlocks } from './bibtex-blocks';
import {
  fileOrder,
  type Pause,
  type RenderedEntry,
  renderEntries,
  renderEntriesInSlices,
  UnstoredEntries,
} from './entry-cache';

/** The dialect of a BibTeX format id; undefined for the other formats. */
function bibDialect(formatId: string): 'bibtex' | 'biblatex' | undefined {
  return formatId === 'bibtex' || formatId === 'biblatex' ? formatId : undefined;
}

/** Item ids of a scope: digests in their own order, BibTeX by citation key, else as added. */
export function scopeItemIds(library: Library, scope: ExportScope, format: string): number[] {
  const sort = bibDialect(format)
    ? ({ field: 'citekey', direction: 'asc' } as const)
    : ({ field: 'added', direction: 'asc' } as const);
  const all = { offset: 0, limit: 100_000_000 };
  switch (scope.kind) {
    case 'items':
      requireItems(library.db, scope.ids);
      return [...new Set(scope.ids)];
    case 'digest':
      return library.lists.windowIds({ view: scope, sort: { field: 'position', direction: 'asc' }, ...all });
    case 'collection':
      return library.lists.windowIds({ view: scope, sort, ...all });
    case 'search':
      return library.lists.windowIds({ view: { kind: 'library' }, search: scope.query, sort, ...all });
    case 'library':
      return library.lists.windowIds({ view: { kind: 'library' }, sort, ...all });
  }
}

export function scopeLabel(library: Library, scope: ExportScope): string {
  switch (scope.kind) {
    case 'library':
      return library.info().name;
    case 'collection':
      return collectionPath(library.db, scope.id) || `collection ${scope.id}`;
    case 'digest':
      return readDigest(library.db, scope.id).title;
    case 'items':
      return scope.ids.length === 1 ? 'item' : `${scope.ids.length} items`;
    case 'search':
      return `search "${scope.query}"`;
  }
}

export function exportText(
  library: Library,
  scope: ExportScope,
  formatId: string,
  options: ExportOptions = {},
): ExportResult {
  const format = exportFormat(formatId);
  const dialect = bibDialect(format.id);
  if (dialect) {
    const { texts, blocks } = bibNow(library, scope, format, dialect, options);
    const text = assembleBib(texts, blocks);
    return result(format, options.title ?? scopeLabel(library, scope), { text, count: texts.length });
  }
  const ids = scopeItemIds(library, scope, format.id);
  const title = options.title ?? scopeLabel(library, scope);
  const items = format.id === 'csl-json' ? withRelations(library, ids) : readExportItems(library.db, ids);
  const digestDate = scope.kind === 'digest' ? readDigest(library.db, scope.id).date : undefined;
  const text = render(format, () =>
    format.export(items, {
      ...options,
      title,
      ...(digestDate && !options.date ? { date: digestDate } : {}),
    }),
  );
  return result(format, title, { text, count: items.length });
}

function result(
  format: ExportFormat,
  title: string,
  { text, count }: { text: string; count: number },
): ExportResult {
  return {
    text,
    count,
    format: format.id,
    filename: `${safeFileName(title)}.${format.extension}`,
    mediaType: format.mediaType,
  };
}

/** The entries of a .bib of `scope` in file order, each rendered once per item state (entry-cache.ts). */
function bibNow(
  library: Library,
  scope: ExportScope,
  format: ExportFormat,
  dialect: 'bibtex' | 'biblatex',
  options: ExportOptions,
): { texts: string[]; blocks: BibtexBlocks | undefined } {
  const ids = scopeItemIds(library, scope, format.id);
  return render(format, () => {
    const { entryOptions, blocks } = bibSetup(library, dialect, scope, options);
    return { texts: fileOrder(renderEntries(library.db, ids, entryOptions)), blocks };
  });
}

function bibSetup(
  library: Library,
  dialect: 'bibtex' | 'biblatex',
  scope: ExportScope,
  options: ExportOptions,
) {
  // A whole-library .bib gets back the @preamble/@string/@comment blocks its imports had.
  const blocks = scope.kind === 'library' ? bibtexBlocks(library) : undefined;
  const entryOptions = bibEntryOptions(dialect, { ...options, ...(blocks ? { blocks } : {}) });
  return { entryOptions, blocks };
}

function bibFile(
  entries: RenderedEntry[],
  blocks: BibtexBlocks | undefined,
): { text: string; count: number } {
  return { text: assembleBib(fileOrder(entries), blocks), count: entries.length };
}

/**
 * exportText as pieces, for a file or a stream (utf8Blocks): a .bib's entries are never
 * joined into one string (100 MB for 100k items; the join took 0.4-0.6 s, ADR 70).
 */
export function exportChunks(
  library: Library,
  scope: ExportScope,
  formatId: string,
  options: ExportOptions = {},
): { chunks: Iterable<string>; count: number } {
  const format = exportFormat(formatId);
  const dialect = bibDialect(format.id);
  if (!dialect) {
    const { text, count } = exportText(library, scope, formatId, options);
    return { chunks: textChunks(text), count };
  }
  const { texts, blocks } = bibNow(library, scope, format, dialect, options);
  return { chunks: bibChunks(texts, blocks), count: texts.length };
}

/**
 * exportText for a host that must keep answering while it works (the app, the browser
 * mode): BibTeX entries are read and rendered in slices with the event loop turning in
 * between (entry-cache.ts).
 */
export async function exportTextInSlices(
  library: Library,
  scope: ExportScope,
  formatId: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const format = exportFormat(formatId);
  const dialect = bibDialect(format.id);
  if (!dialect) return exportText(library, scope, formatId, options);
  const { entries, blocks, unstored } = await bibEntriesInSlices(library, scope, format, dialect, options);
  const text = result(format, options.title ?? scopeLabel(library, scope), bibFile(entries, blocks));
  storeAfter(library, unstored);
  return text;
}

/**
 * exportTextInSlices written to `path` as it goes (atomic-write.ts), for the desktop's
 * save: a .bib is written entry by entry and never held as one text. Returns the count.
 */
export async function saveExportInSlices(
  library: Library,
  scope: ExportScope,
  formatId: string,
  path: string,
  options: ExportOptions = {},
): Promise<number> {
  const format = exportFormat(formatId);
  const dialect = bibDialect(format.id);
  if (!dialect) {
    const { text, count } = exportText(library, scope, formatId, options);
    await writeFileAtomicInSlices(path, textChunks(text));
    return count;
  }
  const { entries, blocks, unstored } = await bibEntriesInSlices(library, scope, format, dialect, options);
  try {
    await writeFileAtomicInSlices(path, bibChunks(fileOrder(entries), blocks));
  } finally {
    storeAfter(library, unstored);
  }
  return entries.length;
}

/** assembleBib(texts, blocks) as pieces, for a writer that never joins them. */
function* bibChunks(texts: readonly string[], blocks: BibtexBlocks | undefined): Generator<string> {
  const { head, tail } = bibFrame(blocks);
  yield head;
  yield* interleaved(texts, ENTRY_SEPARATOR, ENTRY_SEPARATOR);
  yield tail;
}

/** The file name an export of `scope` is offered under. */
export function exportFileName(library: Library, scope: ExportScope, formatId: string): string {
  return `${safeFileName(scopeLabel(library, scope))}.${exportFormat(formatId).extension}`;
}

/** A write that changed the library this many times during one export ends the slicing. */
const SLICED_ATTEMPTS = 3;

/**
 * The entries of a .bib export, rendered in slices. A change to the library during the
 * slices starts them over, so the file shows one state of it; after SLICED_ATTEMPTS, one
 * synchronous pass, so that a library that never stops changing still gets its export.
 */
async function bibEntriesInSlices(
  library: Library,
  scope: ExportScope,
  format: ExportFormat,
  dialect: 'bibtex' | 'biblatex',
  options: ExportOptions,
): Promise<{ entries: RenderedEntry[]; blocks: BibtexBlocks | undefined; unstored: UnstoredEntries[] }> {
  // Entries of an attempt that was started over still show their items' states then.
  const unstored: UnstoredEntries[] = [];
  for (let attempt = 0; attempt < SLICED_ATTEMPTS; attempt++) {
    const pause = generationPause(library);
    const ids = scopeItemIds(library, scope, format.id);
    const { entryOptions, blocks } = bibSetup(library, dialect, scope, options);
    const rendered = new UnstoredEntries(library.db, entryOptions);
    unstored.push(rendered);
    const entries = await render(format, () =>
      renderEntriesInSlices(library.db, ids, entryOptions, pause, rendered),
    );
    if (entries) return { entries, blocks, unstored };
  }
  const ids = scopeItemIds(library, scope, format.id);
  const { entryOptions, blocks } = bibSetup(library, dialect, scope, options);
  return { entries: render(format, () => renderEntries(library.db, ids, entryOptions)), blocks, unstored };
}

/** Keeps the entries a sliced export rendered, once its text or file is out (ADR 66). */
export function storeAfter(library: Library, unstored: readonly UnstoredEntries[]): void {
  library.runAfter(
    (async () => {
      for (const entries of unstored) await entries.storeInSlices();
    })(),
  );
}

/**
 * A Pause (entry-cache.ts) that yields one turn of the event loop, then says to go on
 * unless the library changed since it was made (by this process or another) or `stopped`.
 */
export function generationPause(library: Library, stopped: () => boolean = () => false): Pause {
  const generation = library.generation();
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return !stopped() && library.db.open && library.generation() === generation;
  };
}

function render<T>(format: ExportFormat, work: () => T): T {
  return mapFailure(work, (error) =>
    error instanceof SheafError
      ? error
      : new SheafError('internal', `The ${format.label} export failed: ${(error as Error).message}`),
  );
}

/**
 * Items with their collections, digests and note count: what Sheaf's CSL-JSON carries
 * under `sheaf` (the documented shape of `sheaf list --json`).
 */
export function withRelations(library: Library, ids: readonly number[]): CslExportItem[] {
  const db = library.db;
  return readExportItems(db, ids).map((item) => ({
    ...item,
    collections: itemCollections(db, item.id),
    digests: itemDigests(db, item.id),
    notes: listNotes(db, { itemId: item.id, limit: 100_000 }).length,
  }));
}

export function safeFileName(name: string): string {
  const clean = name
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 100);
  return clean || 'sheaf-export';
}
