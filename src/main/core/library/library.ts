// A library: one SQLite file, opened once per process. Owns the transaction and undo
// machinery, the list reader and change notification; the operations themselves live
// in small modules that take the database handle.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BackgroundCheckpointer } from '../db/checkpointer';
import { nativeBindingInUse, openDatabase, type OpenOptions } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import type { WorkerDriver } from '../db/sqlite-worker';
import { stmt } from '../db/statements';
import { SheafError } from '../errors';
import { compileFormula, DEFAULT_CITEKEY_FORMULA, type CitekeyFormula } from './citekey-pattern';
import { History, type HistoryStep } from './history';
import { BackgroundIdLists } from './id-lists';
import { Transactor } from './transact';
import { ListReader } from './window';
import { scopeCount } from './view-sql';

export interface LibraryInfo {
  path: string;
  name: string;
  itemCount: number;
  trashCount: number;
  schemaVersion: number;
  readonly: boolean;
}

export interface LibraryChange {
  label: string;
  /** True when another process changed the library. */
  external: boolean;
}

export interface LibraryOptions extends OpenOptions {
  /** Clock for timestamps (tests pin it). */
  now?: () => number;
  historyLimit?: number;
  /**
   * Worker threads for long-lived hosts (the app, the browser mode): WAL checkpoints instead
   * of inside commits (ADR 63), and deep windows' id arrays (ADR 64). A short CLI command
   * gains nothing: its close checkpoints anyway, and it reads a window or two.
   */
  backgroundWorkers?: boolean;
}

export class Library {
  readonly lists: ListReader;
  private readonly history: History;
  private readonly transactor: Transactor;
  private readonly tasks = new Set<Promise<void>>();
  private taskFailure: unknown;
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private generationCounter = 0;
  private dataVersion: number;
  private formulaCache?: CitekeyFormula;
  private watchTimer: NodeJS.Timeout | undefined;
  private readonly checkpointer: BackgroundCheckpointer | undefined;
  private readonly idLists: BackgroundIdLists | undefined;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly readonly: boolean,
    private readonly clock: () => number,
    private readonly options: LibraryOptions,
  ) {
    const historyLimit = options.historyLimit ?? 200;
    this.history = new History(db, historyLimit);
    this.transactor = new Transactor(db, this.history, (change) => {
      this.generationCounter++;
      this.emit({ label: change.label, external: false });
    });
    if (options.backgroundWorkers && !readonly && file !== ':memory:') {
      const binding = this.workerDriver();
      this.checkpointer = new BackgroundCheckpointer(db, file, binding);
      this.idLists = new BackgroundIdLists(file, binding);
    }
    this.lists = new ListReader(db, () => this.generation(), this.idLists);
    this.dataVersion = this.readDataVersion();
  }

  static open(file: string, options: LibraryOptions = {}): Library {
    const db = openDatabase(file, options);
    return new Library(db, file, options.readonly ?? false, options.now ?? Date.now, options);
  }

  /** Another connection to the same file (for long writes that must not block this one). */
  openSibling(): Library {
    if (this.file === ':memory:')
      throw new SheafError('invalid-argument', 'An in-memory library has no second connection.');
    const sibling = Library.open(this.file, {
      ...this.options,
      beforeMigrate: undefined,
      backgroundWorkers: false,
    });
    // Its commit (a whole import) is checkpointed by this library's worker, told through changedBy.
    if (this.checkpointer?.running) sibling.db.pragma('wal_autocheckpoint = 0');
    return sibling;
  }

  /**
   * Resolves once the background workers have started (or failed to), committed changes
   * are checkpointed into the file, and the id arrays asked for are built (tests, benchmarks).
   */
  async backgroundSettled(): Promise<void> {
    await Promise.all([this.checkpointer?.settled(), this.idLists?.settled(), ...this.tasks]);
    const failure = this.taskFailure;
    this.taskFailure = undefined;
    if (failure !== undefined) throw failure;
  }

  /**
   * Work that goes on after a call has answered, such as keeping the entries an export
   * rendered (ADR 66). backgroundSettled waits for it and throws what it failed with.
   */
  runAfter(task: Promise<void>): void {
    const tracked = task.catch((error: unknown) => {
      this.taskFailure ??= error;
    });
    this.tasks.add(tracked);
    void tracked.finally(() => this.tasks.delete(tracked));
  }

  /** The better-sqlite3 build this library's worker threads load (Electron's in the app). */
  workerDriver(): WorkerDriver {
    const nativeBinding = this.options.nativeBinding ?? nativeBindingInUse();
    return nativeBinding ? { nativeBinding } : {};
  }

  now(): number {
    return this.clock();
  }

  /** Runs `fn` as one undoable step. */
  write<T>(label: string, fn: () => T): T {
    if (this.readonly)
      throw new SheafError('read-only', 'This library is open read-only; nothing was changed.');
    this.refreshIfChangedElsewhere();
    return this.transactor.run(label, fn);
  }

  /** A long write (an import) as one undoable step; see Transactor.runChunked. */
  writeInChunks<T>(
    label: string,
    fn: (checkpoint: () => Promise<void>) => Promise<T>,
    checkpoint: () => Promise<void>,
  ): Promise<T> {
    if (this.readonly)
      throw new SheafError('read-only', 'This library is open read-only; nothing was changed.');
    return this.transactor.runChunked(label, fn, checkpoint);
  }

  /** Another connection of this process changed the library: tell listeners, with its label. */
  changedBy(label: string): void {
    this.dataVersion = this.readDataVersion();
    this.generationCounter++;
    this.emit({ label, external: false });
  }

  undo(): HistoryStep | undefined {
    return this.replay('u');
  }

  redo(): HistoryStep | undefined {
    return this.replay('r');
  }

  private replay(phase: 'u' | 'r'): HistoryStep | undefined {
    if (this.readonly)
      throw new SheafError('read-only', 'This library is open read-only; nothing was changed.');
    return this.transactor.runUnrecorded(phase === 'u' ? 'Undo' : 'Redo', () => {
      const step = phase === 'u' ? this.history.latestUndoable() : this.history.nextRedoable();
      if (!step) return undefined;
      this.db.pragma('defer_foreign_keys = ON');
      this.history.replay(step, phase);
      return step;
    });
  }

  historySteps(limit = 100): HistoryStep[] {
    return this.history.list(limit);
  }

  canUndo(): HistoryStep | undefined {
    return this.history.latestUndoable();
  }

  canRedo(): HistoryStep | undefined {
    return this.history.nextRedoable();
  }

  info(): LibraryInfo {
    const count = (scope: string) => scopeCount(this.db, scope);
    return {
      path: path.resolve(this.file),
      name: path.basename(this.file).replace(/\.[^.]+$/, ''),
      itemCount: count('items'),
      trashCount: count('trash'),
      schemaVersion: schemaVersion(this.db),
      readonly: this.readonly,
    };
  }

  setting(name: string): string | undefined {
    return stmt(this.db, 'SELECT value FROM settings WHERE name = ?').pluck().get(name) as string | undefined;
  }

  setSetting(name: string, value: string): void {
    stmt(
      this.db,
      'INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
    ).run(name, value);
    if (name === 'citekey.formula') this.formulaCache = undefined;
  }

  citekeyFormula(): CitekeyFormula {
    this.formulaCache ??= compileFormula(this.setting('citekey.formula') ?? DEFAULT_CITEKEY_FORMULA);
    return this.formulaCache;
  }

  on(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A number that changes whenever the library does, in this process or another. */
  generation(): number {
    this.refreshIfChangedElsewhere();
    return this.generationCounter;
  }

  /** Polls for changes made by other processes (the CLI while the app runs). */
  watch(intervalMs = 1000): void {
    if (this.watchTimer) return;
    this.watchTimer = setInterval(() => this.refreshIfChangedElsewhere(), intervalMs);
    this.watchTimer.unref();
  }

  close(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    this.listeners.clear();
    this.idLists?.close();
    this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private refreshIfChangedElsewhere(): void {
    if (!this.db.open || this.transactor.inTransaction) return;
    const version = this.readDataVersion();
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.generationCounter++;
    this.formulaCache = undefined;
    this.emit({ label: 'Changed by another program', external: true });
  }

  private emit(change: LibraryChange): void {
    // Every commit of this process reaches here (a sibling's through changedBy).
    if (!change.external) this.checkpointer?.changed();
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing listener must not break the write that notified it.
      }
    }
  }
}
