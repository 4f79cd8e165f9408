// Exports: which items a scope means, in which order, rendered by a format.
import type { ExportResult, ExportScope } from '../../../shared/results';
import { SheafError } from '../errors';
import { exportFormat } from '../formats/registry';
import type { ExportFormat, ExportOptions } from '../formats/types';
import { readExportItems } from '../library/bulk-read';
import type { CslExportItem } from '../formats/csl';
import { collectionPath, itemCollections } from '../library/collections';
import { itemDigests, readDigest } from '../library/digests';
import { listNotes } from '../library/notes';
import type { Library } from '../library/library';
import { requireItems } from '../library/items';
import { bibtexBlocks } from './bibtex-blocks';

const BIB_FORMATS = new Set(['bibtex', 'biblatex']);

/** Item ids of a scope: digests in their own order, BibTeX by citation key, else as added. */
export function scopeItemIds(library: Library, scope: ExportScope, format: string): number[] {
  const sort = BIB_FORMATS.has(format)
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
  const ids = scopeItemIds(library, scope, format.id);
  const items = format.id === 'csl-json' ? withRelations(library, ids) : readExportItems(library.db, ids);
  const title = options.title ?? scopeLabel(library, scope);
  const digestDate = scope.kind === 'digest' ? readDigest(library.db, scope.id).date : undefined;
  // A whole-library .bib gets back the @preamble/@string/@comment blocks its imports had.
  const blocks =
    BIB_FORMATS.has(format.id) && scope.kind === 'library' ? { blocks: bibtexBlocks(library) } : {};
  const text = render(format, items, {
    ...blocks,
    ...options,
    title,
    ...(digestDate && !options.date ? { date: digestDate } : {}),
  });
  return {
    text,
    count: items.length,
    format: format.id,
    filename: `${safeFileName(title)}.${format.extension}`,
    mediaType: format.mediaType,
  };
}

function render(
  format: ExportFormat,
  items: Parameters<ExportFormat['export']>[0],
  options: ExportOptions,
): string {
  try {
    return format.export(items, options);
  } catch (error) {
    throw new SheafError('internal', `The ${format.label} export failed: ${(error as Error).message}`);
  }
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
