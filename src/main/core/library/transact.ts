// The one way Sheaf writes: a user-level change is a single SQLite transaction and a
// single undo step, after which the search index is brought up to date and listeners
// hear that the library changed. Nested calls join the outer step.
import type Database from 'better-sqlite3';
import { SheafError } from '../errors';
import type { History } from './history';
import { reindexTouched, reindexTouchedInChunks } from './search/indexer';

export interface Change {
  /** What the step was called ("Import 103 papers", "Undo Edit title"). */
  label: string;
  /** Monotonic count of changes this process has made. */
  version: number;
}

export class Transactor {
  private depth = 0;
  private version = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly history: History,
    private readonly onChange: (change: Change) => void,
  ) {}

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Runs `fn` as one undoable step labelled `label`. */
  run<T>(label: string, fn: () => T): T {
    if (this.depth > 0) return fn();
    let changed = false;
    const result = this.atomically(() => {
      const step = this.history.open(label);
      try {
        const value = fn();
        changed = this.history.close(step);
        reindexTouched(this.db);
        return value;
      } catch (error) {
        this.history.abort();
        throw error;
      }
    });
    if (changed) this.onChange({ label, version: ++this.version });
    return result;
  }

  /**
   * Runs a long write (an import) as one undoable step that yields to the event loop at
   * each `checkpoint`, so progress can be reported and cancellation heard. Use it on a
   * connection of its own: other statements on this one would join the transaction.
   */
  async runChunked<T>(
    label: string,
    fn: (checkpoint: () => Promise<void>) => Promise<T>,
    checkpoint: () => Promise<void>,
  ): Promise<T> {
    if (this.depth > 0) throw new SheafError('conflict', 'Another write is in progress on this connection.');
    this.depth++;
    let changed = false;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const step = this.history.open(label);
      const value = await fn(checkpoint);
      changed = this.history.close(step);
      await reindexTouchedInChunks(this.db, checkpoint);
      this.db.exec('COMMIT');
      return value;
    } catch (error) {
      this.history.abort();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw translateWriteError(error);
    } finally {
      this.depth--;
      if (changed) this.onChange({ label, version: ++this.version });
    }
  }

  /** Runs `fn` in a transaction outside any undo step (undo/redo themselves, maintenance). */
  runUnrecorded<T>(label: string, fn: () => T): T {
    const result = this.atomically(() => {
      const value = fn();
      reindexTouched(this.db);
      return value;
    });
    this.onChange({ label, version: ++this.version });
    return result;
  }

  private atomically<T>(fn: () => T): T {
    this.depth++;
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw translateWriteError(error);
    } finally {
      this.depth--;
    }
  }
}

export function translateWriteError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') {
    return new SheafError(
      'busy',
      'The library is busy: another Sheaf process is writing to it. Try again in a moment.',
    );
  }
  if (code === 'SQLITE_READONLY') {
    return new SheafError('read-only', 'The library is open read-only; nothing was changed.');
  }
  if (code === 'SQLITE_FULL') return new SheafError('io', 'The disk is full; nothing was changed.');
  if (code === 'SQLITE_CORRUPT')
    return new SheafError('corrupt', 'The library file is damaged; nothing was changed.');
  return error;
}
