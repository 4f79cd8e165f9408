// "Keep this .bib updated": a collection (or the library) bound to a file that is
// rewritten, atomically and debounced, whenever its entries change. Each entry is
// rendered once per version of its item (its stamp: modification time and tags), and only
// items whose stamp changed are read in full, so a change to one item reads and
// re-renders one entry, not the library.
import fs from 'node:fs';
import type { Binding, ExportScope } from '../../../shared/results';
import { mapFailure, SheafError } from '../errors';
import { stmt } from '../db/statements';
import { writeFileAtomic } from '../files/atomic-write';
import { bibEntryOptions, crossrefParentsLast } from '../formats/bibtex';
import type { Library } from '../library/library';
import { type Pause, type RenderedEntry, renderEntries, renderEntriesInSlices } from './entry-cache';
import { generationPause, scopeItemIds, scopeLabel } from './exporting';

interface BindingRow {
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
  private readonly lastText = new Map<string, string>();

  /** Rewrites the binding's file if its text changed; returns true if written. */
  write(library: Library, row: BindingRow): boolean {
    return this.recording(library, row, () =>
      this.save(library, row, this.render(library, scopeOf(row), row.format)),
    );
  }

  /**
   * write() with the entries rendered in slices and `pause` awaited between them: the
   * app's main process answers the window in the meantime. 'stale' when `pause` said the
   * library changed: the slices may show different states of it, so nothing is written.
   */
  async writeInSlices(
    library: Library,
    row: BindingRow,
    pause: Pause,
  ): Promise<'written' | 'same' | 'stale'> {
    const scope = scopeOf(row);
    const text = await this.recording(library, row, () =>
      this.renderInSlices(library, scope, row.format, pause),
    );
    if (text === undefined) return 'stale';
    return this.recording(library, row, () => this.save(library, row, text)) ? 'written' : 'same';
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

  render(library: Library, scope: ExportScope, formatId: 'bibtex' | 'biblatex'): string {
    const entries = this.scopeEntries(scope, formatId);
    const ids = scopeItemIds(library, scope, formatId);
    return this.assemble(renderEntries(library.db, ids, bibEntryOptions(formatId), entries), entries);
  }

  /** render() in slices; undefined when `pause` says to stop. */
  async renderInSlices(
    library: Library,
    scope: ExportScope,
    formatId: 'bibtex' | 'biblatex',
    pause: Pause,
  ): Promise<string | undefined> {
    const entries = this.scopeEntries(scope, formatId);
    const ids = scopeItemIds(library, scope, formatId);
    const present = await renderEntriesInSlices(library.db, ids, bibEntryOptions(formatId), pause, entries);
    return present && this.assemble(present, entries);
  }

  /** One cache per bound file's scope: pruning one scope's cache must not empty another's. */
  private scopeEntries(scope: ExportScope, formatId: string): Map<number, RenderedEntry> {
    const cacheKey = `${formatId}\u0000${JSON.stringify(scope)}`;
    let entries = this.entries.get(cacheKey);
    if (!entries) this.entries.set(cacheKey, (entries = new Map()));
    return entries;
  }

  private assemble(present: RenderedEntry[], entries: Map<number, RenderedEntry>): string {
    const parts = crossrefParentsLast(present, (entry) => entry).map((entry) => entry.text);
    // Forget entries of items that are gone, so the cache stays the library's size.
    if (entries.size > parts.length * 2 + 1000) {
      const kept = new Set(present);
      for (const [id, entry] of entries) if (!kept.has(entry)) entries.delete(id);
    }
    return parts.length ? `${parts.join('\n\n')}\n` : '';
  }

  /** Writes `text` unless the file already holds it; true if written. */
  private save(library: Library, row: BindingRow, text: string): boolean {
    // The first time round, the file on disk is what was last written (by any process).
    if ((this.lastText.get(row.path) ?? readIfPresent(row.path)) === text) {
      this.lastText.set(row.path, text);
      return false;
    }
    writeFileAtomic(row.path, text);
    this.lastText.set(row.path, text);
    stmt(library.db, 'UPDATE bindings SET last_written = ?, last_error = NULL WHERE id = ?').run(
      library.now(),
      row.id,
    );
    return true;
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

function scopeOf(row: BindingRow): ExportScope {
  return JSON.parse(row.scope) as ExportScope;
}

function bindingRows(library: Library): BindingRow[] {
  return stmt(library.db, 'SELECT * FROM bindings').all() as BindingRow[];
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Keeps bound files current: call `changed()` on every library change. Writes are
 * debounced and done in slices, yielding to the event loop between them; a change during a
 * write stops it unwritten, and the write that change schedules starts over.
 */
export class BindingsSync {
  private readonly writer = new BindingWriter();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly library: () => Library,
    private readonly onWritten: (id: number, path: string, error?: string) => void,
    private readonly delayMs = 400,
  ) {}

  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref?.();
  }

  /** Brings every bound file up to date now; resolves when they are (or a change stopped it). */
  flush(): Promise<void> {
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.writeAll();
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async writeAll(): Promise<void> {
    const library = this.library();
    if (this.stopped || !library.db.open) return;
    const pause = generationPause(library, () => this.stopped);
    for (const row of bindingRows(library)) {
      try {
        const result = await this.writer.writeInSlices(library, row, pause);
        // The change that made the slices stale has scheduled the next write.
        if (result === 'stale') return;
        if (result === 'written') this.onWritten(row.id, row.path);
      } catch (error) {
        if (!library.db.open) return;
        this.onWritten(row.id, row.path, error instanceof Error ? error.message : String(error));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
