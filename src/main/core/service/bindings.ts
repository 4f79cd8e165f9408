// "Keep this .bib updated": a collection (or the library) bound to a file that is
// rewritten, atomically and debounced, whenever its entries change. Each entry is
// rendered once per version of its item (its stamp: modification time and tags), and only
// items whose stamp changed are read in full, so a change to one item reads and
// re-renders one entry, not the library.
import fs from 'node:fs';
import type { Binding, ExportScope } from '../../../shared/results';
import { SheafError } from '../errors';
import { stmt } from '../db/statements';
import { writeFileAtomic } from '../files/atomic-write';
import { bibEntryOptions, crossrefParentsLast } from '../formats/bibtex';
import type { Library } from '../library/library';
import { type RenderedEntry, renderEntries } from './entry-cache';
import { scopeItemIds, scopeLabel } from './exporting';

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
  if (scope.kind === 'items' || scope.kind === 'search') {
    throw new SheafError(
      'invalid-argument',
      'Only a collection, a digest or the whole library can be kept updated.',
    );
  }
  scopeLabel(library, scope); // the scope must exist
  const id = Number(
    stmt(
      library.db,
      `INSERT INTO bindings(scope, path, format, created) VALUES (?, ?, ?, ?)
         ON CONFLICT(path) DO UPDATE SET scope = excluded.scope, format = excluded.format`,
    ).run(JSON.stringify(scope), path, format, library.now()).lastInsertRowid,
  );
  const row = stmt(library.db, 'SELECT * FROM bindings WHERE path = ?').get(path) as BindingRow;
  new BindingWriter().write(library, row);
  return toBinding(library, {
    ...(stmt(library.db, 'SELECT * FROM bindings WHERE id = ?').get(row.id ?? id) as BindingRow),
  });
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
    const scope = JSON.parse(row.scope) as ExportScope;
    try {
      const text = this.render(library, scope, row.format);
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
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      stmt(library.db, 'UPDATE bindings SET last_error = ? WHERE id = ?').run(message, row.id);
      throw error;
    }
  }

  /** Writes every binding whose file is out of date; returns the paths written. */
  writeAll(library: Library, onError?: (binding: BindingRow, error: unknown) => void): string[] {
    const written: string[] = [];
    for (const row of stmt(library.db, 'SELECT * FROM bindings').all() as BindingRow[]) {
      try {
        if (this.write(library, row)) written.push(row.path);
      } catch (error) {
        onError?.(row, error);
      }
    }
    return written;
  }

  render(library: Library, scope: ExportScope, formatId: 'bibtex' | 'biblatex'): string {
    // One cache per bound file's scope: pruning one scope's cache must not empty another's.
    const cacheKey = `${formatId}\u0000${JSON.stringify(scope)}`;
    let entries = this.entries.get(cacheKey);
    if (!entries) this.entries.set(cacheKey, (entries = new Map()));
    const ids = scopeItemIds(library, scope, formatId);
    const present = renderEntries(library.db, ids, bibEntryOptions(formatId), entries);
    const parts = crossrefParentsLast(present, (entry) => entry).map((entry) => entry.text);
    // Forget entries of items that are gone, so the cache stays the library's size.
    if (entries.size > parts.length * 2 + 1000) {
      const kept = new Set(present);
      for (const [id, entry] of entries) if (!kept.has(entry)) entries.delete(id);
    }
    return parts.length ? `${parts.join('\n\n')}\n` : '';
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Keeps bound files current: call `changed()` on every library change. */
export class BindingsSync {
  private readonly writer = new BindingWriter();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly library: () => Library,
    private readonly onWritten: (id: number, path: string, error?: string) => void,
    private readonly delayMs = 400,
  ) {}

  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref?.();
  }

  flush(): void {
    this.timer = undefined;
    const library = this.library();
    if (!library.db.open) return;
    for (const path of this.writer.writeAll(library, (row, error) =>
      this.onWritten(row.id, row.path, error instanceof Error ? error.message : String(error)),
    )) {
      const row = stmt(library.db, 'SELECT id FROM bindings WHERE path = ?').pluck().get(path) as number;
      this.onWritten(row, path);
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
