// Moves WAL checkpoints off the thread that writes (ADR 63). By default SQLite copies the
// write-ahead log into the library file inside the COMMIT that takes the log past 1,000
// pages: whichever user action comes next pays for every earlier one (200 ms for a
// 10,000-item collection change in a 1M-item library, 1-1.4 s after a 100k import). A
// long-lived host instead turns that off and lets a worker thread, with a connection of
// its own, checkpoint after each change on the second core. A worker that cannot start
// or dies hands the job back to SQLite.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default (pages), put back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;

/**
 * The worker, as CommonJS source: the same text runs under tsx, vitest and electron-vite's
 * bundle, with no second entry file to build or find. It checkpoints when asked and every
 * few seconds (writes that notify nobody, such as stored export entries, are caught up).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const closed = new Int32Array(workerData.closed);
let db;
try {
  db = new Database(workerData.file, {
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  // Another process's checkpoint may be running: skip this round rather than wait.
  db.pragma('busy_timeout = 0');
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ failed: String(error && error.message ? error.message : error) });
}
function checkpoint() {
  if (!db || !db.open) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    // Let go of the file first: the library is told, and stops the worker.
    try { db.close(); } catch {}
    parentPort.postMessage({ failed: String(error && error.message ? error.message : error) });
  }
}
const timer = setInterval(checkpoint, workerData.everyMs);
let scheduled = false;
parentPort.on('message', (message) => {
  if (message.close) {
    clearInterval(timer);
    try { if (db && db.open) db.close(); } finally {
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      parentPort.close();
    }
    return;
  }
  if (message.done !== undefined) {
    checkpoint();
    parentPort.postMessage({ done: message.done });
    return;
  }
  // A burst of changes is one checkpoint.
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => { scheduled = false; checkpoint(); }, workerData.afterMs);
});
`;

interface WorkerMessage {
  ready?: true;
  failed?: string;
  done?: number;
}

export interface CheckpointerOptions {
  nativeBinding?: string;
  /** The better-sqlite3 module the worker loads (tests name one that fails). */
  driver?: string;
  /** Delay after a change before checkpointing, so that a burst costs one. */
  afterMs?: number;
  everyMs?: number;
  /** How long close waits for the worker to let go of the file. */
  closeTimeoutMs?: number;
}

export class BackgroundCheckpointer {
  private worker: Worker | undefined;
  private readonly closed = new SharedArrayBuffer(4);
  /** starting -> running (SQLite's checkpoints off) -> gone; or starting -> gone. */
  private state: 'starting' | 'running' | 'gone' = 'starting';
  private readonly waiting = new Map<number, () => void>();
  private nextRequest = 0;
  private markStarted!: () => void;
  /** Settles when the worker has taken over, or failed to. */
  private readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));

  /** `db` is the writing connection whose automatic checkpoints the worker takes over. */
  constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly options: CheckpointerOptions = {},
  ) {
    const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver,
        nativeBinding: options.nativeBinding,
        closed: this.closed,
        afterMs: options.afterMs ?? 50,
        everyMs: options.everyMs ?? 5000,
      },
    });
    // Never what keeps a process alive: a library is closed explicitly, or the process ends.
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => this.heard(message));
    this.worker.on('error', () => this.handBack());
    this.worker.on('exit', () => this.handBack());
  }

  /** True while the worker checkpoints in SQLite's place. */
  get running(): boolean {
    return this.state === 'running';
  }

  /** A change was committed (on this connection or a sibling): checkpoint soon. */
  changed(): void {
    if (this.state === 'running') this.worker?.postMessage({});
  }

  /**
   * Resolves once the worker has started (or failed to) and has checkpointed everything
   * committed before the call.
   */
  async settled(): Promise<void> {
    await this.started;
    const worker = this.worker;
    if (this.state !== 'running' || !worker) return;
    const id = this.nextRequest++;
    await new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ done: id });
    });
  }

  /**
   * Stops the worker and waits (a bounded time) until its connection is closed, so that the
   * caller's own close is the last one (SQLite then folds the log in and removes it) and a
   * file replaced next (a restore) has no other connection open on it.
   */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    if (this.state !== 'gone') {
      // A worker still starting handles this message after it has opened its connection.
      worker.postMessage({ close: true });
      Atomics.wait(new Int32Array(this.closed), 0, 0, this.options.closeTimeoutMs ?? 10_000);
    }
    this.state = 'gone';
    void worker.terminate();
    this.release();
  }

  private heard(message: WorkerMessage): void {
    if (message.ready && this.state === 'starting') {
      this.db.pragma('wal_autocheckpoint = 0');
      this.state = 'running';
      this.markStarted();
    } else if (message.failed !== undefined) {
      this.handBack();
      void this.worker?.terminate();
    } else if (message.done !== undefined) {
      this.waiting.get(message.done)?.();
      this.waiting.delete(message.done);
    }
  }

  /** SQLite checkpoints inside commits again, as it would with no worker. */
  private handBack(): void {
    if (this.state === 'running' && this.db.open)
      this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
    this.state = 'gone';
    this.release();
  }

  private release(): void {
    this.markStarted();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }
}
