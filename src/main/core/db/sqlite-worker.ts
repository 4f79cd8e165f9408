// A worker thread with its own connection to the library file, for work that would block
// the main process's event loop (ADRs 63, 64). The worker's code is CommonJS source run
// with `eval`: the same text runs under tsx, vitest and electron-vite's bundle, with no
// second entry file to build and find. It loads the better-sqlite3 and native binding the
// library uses (Electron's ABI build in the app). If it cannot start, or dies, its owner
// is told and carries on without it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Runs before a job's own source: opens `db`, says ready or failed, and answers `close`
 * (closing the connection, then flagging it for the waiting owner) and `done` (a round
 * trip, so that the owner knows earlier messages were handled). The job's source defines
 * `handle(message)`.
 */
const PRELUDE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const closedFlag = new Int32Array(workerData.closed);
const describe = (error) => String(error && error.message ? error.message : error);
let db;
try {
  db = new Database(workerData.file, {
    fileMustExist: true,
    readonly: workerData.readonly,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
} catch (error) {
  db = undefined;
  parentPort.postMessage({ failed: describe(error) });
}
const closeAndFlag = () => {
  try { if (db && db.open) db.close(); } finally {
    Atomics.store(closedFlag, 0, 1);
    Atomics.notify(closedFlag, 0);
  }
};
parentPort.on('message', (message) => {
  if (message.close) {
    if (typeof stop === 'function') stop();
    closeAndFlag();
    parentPort.close();
  } else if (message.done !== undefined) {
    if (typeof beforeDone === 'function') beforeDone();
    parentPort.postMessage({ done: message.done });
  } else if (db && db.open) {
    handle(message);
  }
});
`;

const READY = `if (db) parentPort.postMessage({ ready: true });`;

/** Which better-sqlite3 a worker loads. */
export interface WorkerDriver {
  /** A native addon built for another ABI (Electron's). */
  nativeBinding?: string;
  /** The better-sqlite3 module (tests name one that fails). */
  driver?: string;
}

export interface SqliteWorkerOptions {
  file: string;
  readonly: boolean;
  busyTimeoutMs: number;
  load: WorkerDriver;
  /** How long close waits for the worker to let go of the file. */
  closeTimeoutMs?: number;
  /** More data for the job's source, as `workerData.job`. */
  job?: Record<string, unknown>;
}

export interface SqliteWorkerEvents<M> {
  /** The worker opened its connection. */
  ready(): void;
  /** It could not start, a job reported a failure it cannot go on from, or it died. */
  gone(): void;
  message(message: M): void;
}

interface Reply {
  ready?: true;
  failed?: string;
  done?: number;
}

export class SqliteWorker<M extends object> {
  private worker: Worker | undefined;
  private readonly closedFlag = new SharedArrayBuffer(4);
  private state: 'starting' | 'running' | 'gone' = 'starting';
  private readonly waiting = new Map<number, () => void>();
  private nextRequest = 0;
  private markStarted!: () => void;
  /** Settles when the worker has opened its connection, or failed to. */
  private readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));

  /** `jobSource` defines `handle(message)`, and optionally `stop()` and `beforeDone()`. */
  constructor(
    jobSource: string,
    private readonly options: SqliteWorkerOptions,
    private readonly events: SqliteWorkerEvents<M>,
  ) {
    try {
      this.worker = new Worker(`${PRELUDE}\n${jobSource}\n${READY}`, {
        eval: true,
        workerData: {
          file: options.file,
          readonly: options.readonly,
          busyTimeoutMs: options.busyTimeoutMs,
          driver: options.load.driver ?? createRequire(import.meta.url).resolve('better-sqlite3'),
          nativeBinding: options.load.nativeBinding,
          closed: this.closedFlag,
          job: options.job ?? {},
        },
      });
    } catch {
      // No thread to be had (a resource limit): the owner works as it would without one.
      this.state = 'gone';
      this.markStarted();
      return;
    }
    // Never what keeps a process alive: a library is closed explicitly, or the process ends.
    this.worker.unref();
    this.worker.on('message', (message: Reply & M) => this.heard(message));
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
  }

  get running(): boolean {
    return this.state === 'running';
  }

  post(message: M): void {
    if (this.state === 'running') this.worker?.postMessage(message);
  }

  /** Resolves once the worker has started (or failed to) and handled what was posted before. */
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
   * Stops the worker, waiting (a bounded time) until its connection is closed: a file
   * replaced next (a restore) then has no other connection open on it, and the library's
   * own close is the last one (SQLite folds the log in and removes it).
   */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    if (this.state !== 'gone') {
      // A worker still starting handles this message after it has opened its connection.
      worker.postMessage({ close: true });
      Atomics.wait(new Int32Array(this.closedFlag), 0, 0, this.options.closeTimeoutMs ?? 10_000);
    }
    this.state = 'gone';
    void worker.terminate();
    this.release();
  }

  private heard(message: Reply & M): void {
    if (message.ready) {
      if (this.state !== 'starting') return;
      this.state = 'running';
      this.events.ready();
      this.markStarted();
    } else if (message.failed !== undefined) {
      this.stop();
      void this.worker?.terminate();
    } else if (message.done !== undefined) {
      this.waiting.get(message.done)?.();
      this.waiting.delete(message.done);
    } else {
      this.events.message(message);
    }
  }

  private stop(): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    this.events.gone();
    this.release();
  }

  private release(): void {
    this.markStarted();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }
}
