// "Keep this .bib updated": a collection (or the library) bound to a file that is
// rewritten, atomically and debounced, whenever its entries change. Each entry is
// rendered once per version of its item (its stamp: modification time and tags), and only
// items whose stamp changed are read in full, so a change to one item reads and
// re-renders one entry, not the library.
import type { Binding, ExportScope } from '../../../shared/results';
import { mapFailure, SheafError } from '../errors';
import { stmt } from '../db/statements';
import { writeFileAtomic, writeFileAtomicInSlices } from '../files/atomic-write';
import { bibEntryOptions } from '../formats/bibtex';
import type { Library } from '../library/library';
import {
  fileOrder,
  type Pause,
  type RenderedEntry,
  renderEntries,
  renderEntriesInSlices,
  UnstoredEntries,
} from './entry-cache';
import {
  fileChunks,
  fileHolds,
  fileHoldsInSlices,
  fileText,
  readIfPresent,
  readIfPresentAsync,
} from './bound-file';
import { generationPause, scopeItemIds, scopeLabel, storeAfter } from './exporting';

export interface BindingRow {
  id: number;
  scope: string;
  path: string;
  format: 'bibtex' | 'biblatex';
  last_written: number | null;
  last_error: string | null;
}

function toBinding(library: Library, row: BindingRow): Binding {
  const scope = JSON.parse(row.scope) as ExportScope;
  let label: string;
  try {
    label = scopeLabel(library, scope);
  } catch {
    label = 'deleted collection';
  }
  return {
    id: row.id,
    scope,
    scopeLabel: label,
    path: row.path,
    format: row.format,
    ...(row.last_written ? { lastWritten: new Date(row.last_written).toISOString() } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}

export function listBindings(library: Library): Binding[] {
  const rows = stmt(library.db, 'SELECT * FROM bindings ORDER BY id').all() as BindingRow[];
  return rows.map((row) => toBinding(library, row));
}

export function createBinding(
  library: Library,
  scope: ExportScope,
  format: 'bibtex' | 'biblatex',
  path: string,
): Binding {
  const row = insertBinding(library, scope, format, path);
  new BindingWriter().write(library, row);
  return readBinding(library, row.id);
}

/**
 * createBinding with the first write in slices, for a host that must keep answering (the
 * first write of a big library renders every entry). If the library changes meanwhile, the
 * write is done again in one pass.
 */
export async function createBindingInSlices(
  library: Library,
  scope: ExportScope,
  format: 'bibtex' | 'biblatex',
  path: string,
): Promise<Binding> {
  const row = insertBinding(library, scope, format, path);
  const writer = new BindingWriter();
  if ((await writer.writeInSlices(library, row, generationPause(library))) === 'stale')
    writer.write(library, row);
  return readBinding(library, row.id);
}

function insertBinding(
  library: Library,
  scope: ExportScope,
  format: 'bibtex' | 'biblatex',
  path: string,
): BindingRow {
  if (scope.kind === 'items' || scope.kind === 'search') {
    throw new SheafError(
      'invalid-argument',
      'Only a collection, a digest or the whole library can be kept updated.',
    );
  }
  scopeLabel(library, scope); // the scope must exist
  stmt(
    library.db,
    `INSERT INTO bindings(scope, path, format, created) VALUES (?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET scope = excluded.scope, format = excluded.format`,
  ).run(JSON.stringify(scope), path, format, library.now());
  return stmt(library.db, 'SELECT * FROM bindings WHERE path = ?').get(path) as BindingRow;
}

function readBinding(library: Library, id: number): Binding {
  return toBinding(library, stmt(library.db, 'SELECT * FROM bindings WHERE id = ?').get(id) as BindingRow);
}

export function deleteBinding(library: Library, id: number): void {
  if (stmt(library.db, 'DELETE FROM bindings WHERE id = ?').run(id).changes === 0) {
    throw new SheafError('not-found', `binding ${id} does not exist`);
  }
}

/** Renders and writes bound files, caching rendered entries between writes. */
export class BindingWriter {
  /** Per format and scope: each item's last rendered entry and the stamp of the state it shows. */
  private readonly entries = new Map<string, Map<number, RenderedEntry>>();
  /** Per path, the entries last written there (the cache's own strings: no copy of the file). */
  private readonly written = new Map<string, readonly string[]>();

  /** Rewrites the binding's file if its text changed; returns true if written. */
  write(library: Library, row: BindingRow): boolean {
    return this.recording(library, row, () => {
      const parts = this.renderParts(library, scopeOf(row), row.format);
      const same = this.sameAsLast(row.path, parts) ?? fileHolds(readIfPresent(row.path), parts);
      if (same) {
        this.written.set(row.path, parts);
        return false;
      }
      writeFileAtomic(row.path, fileChunks(parts));
      this.wrote(library, row, parts);
      return true;
    });
  }

  /**
   * write() for a process that must keep answering: the entries are rendered in slices with
   * `pause` awaited between them, and the file is written a megabyte at a time off the event
   * loop. 'stale' when `pause` said the library changed: the slices may show different
   * states of it, so nothing is written. A change during the file write does not stop it
   * (the text shows one state); the write that change schedules follows.
   */
  async writeInSlices(
    library: Library,
    row: BindingRow,
    pause: Pause,
  ): Promise<'written' | 'same' | 'stale'> {
    return this.recording(library, row, async () => {
      const unstored = new UnstoredEntries(library.db, bibEntryOptions(row.format));
      try {
        const parts = await this.renderInSlices(library, scopeOf(row), row.format, pause, unstored);
        if (parts === undefined) return 'stale';
        const same =
          this.sameAsLast(row.path, parts) ??
          (await fileHoldsInSlices(await readIfPresentAsync(row.path), parts));
        if (same) {
          this.written.set(row.path, parts);
          return 'same';
        }
        await writeFileAtomicInSlices(row.path, fileChunks(parts));
        this.wrote(library, row, parts);
        return 'written';
      } finally {
        storeAfter(library, [unstored]);
      }
    });
  }

  /** Writes every binding whose file is out of date; returns the paths written. */
  writeAll(library: Library, onError?: (binding: BindingRow, error: unknown) => void): string[] {
    const written: string[] = [];
    for (const row of bindingRows(library)) {
      try {
        if (this.write(library, row)) written.push(row.path);
      } catch (error) {
        onError?.(row, error);
      }
    }
    return written;
  }

  /** The text of the scope's bound file. */
  render(library: Library, scope: ExportScope, formatId: 'bibtex' | 'biblatex'): string {
    return fileText(this.renderParts(library, scope, formatId));
  }

  /** The entries of the scope's bound file, in file order, rendered in slices; undefined when `pause` says to stop. */
  private async renderInSlices(
    library: Library,
    scope: ExportScope,
    formatId: 'bibtex' | 'biblatex',
    pause: Pause,
    unstored: UnstoredEntries,
  ): Promise<string[] | undefined> {
    const entries = this.scopeEntries(scope, formatId);
    const ids = scopeItemIds(library, scope, formatId);
    const present = await renderEntriesInSlices(
      library.db,
      ids,
      bibEntryOptions(formatId),
      pause,
      unstored,
      entries,
    );
    return present && this.order(present, entries);
  }

  private renderParts(library: Library, scope: ExportScope, formatId: 'bibtex' | 'biblatex'): string[] {
    const entries = this.scopeEntries(scope, formatId);
    const ids = scopeItemIds(library, scope, formatId);
    return this.order(renderEntries(library.db, ids, bibEntryOptions(formatId), entries), entries);
  }

  /** One cache per bound file's scope: pruning one scope's cache must not empty another's. */
  private scopeEntries(scope: ExportScope, formatId: string): Map<number, RenderedEntry> {
    const cacheKey = `${formatId}\u0000${JSON.stringify(scope)}`;
    let entries = this.entries.get(cacheKey);
    if (!entries) this.entries.set(cacheKey, (entries = new Map()));
    return entries;
  }

  private order(present: RenderedEntry[], entries: Map<number, RenderedEntry>): string[] {
    const parts = fileOrder(present);
    // Forget entries of items that are gone, so the cache stays the library's size.
    if (entries.size > parts.length * 2 + 1000) {
      const kept = new Set(present);
      for (const [id, entry] of entries) if (!kept.has(entry)) entries.delete(id);
    }
    return parts;
  }

  /**
   * Whether `parts` are what this writer last wrote at `path`; undefined the first time
   * round, when the file on disk (last written by any process) has to say.
   */
  private sameAsLast(path: string, parts: readonly string[]): boolean | undefined {
    const last = this.written.get(path);
    return last && sameParts(last, parts);
  }

  private wrote(library: Library, row: BindingRow, parts: readonly string[]): void {
    this.written.set(row.path, parts);
    stmt(library.db, 'UPDATE bindings SET last_written = ?, last_error = NULL WHERE id = ?').run(
      library.now(),
      row.id,
    );
  }

  /** Runs `work`, recording its failure on the binding (shown in the bindings list). */
  private recording<T>(library: Library, row: BindingRow, work: () => T): T {
    return mapFailure(work, (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (library.db.open)
        stmt(library.db, 'UPDATE bindings SET last_error = ? WHERE id = ?').run(message, row.id);
      return error;
    });
  }
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  // Unchanged entries are the cache's same strings: most comparisons are of one pointer.
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function scopeOf(row: BindingRow): ExportScope {
  return JSON.parse(row.scope) as ExportScope;
}

export function bindingRows(library: Library): BindingRow[] {
  return stmt(library.db, 'SELECT * FROM bindings').all() as BindingRow[];
}
