// Moves WAL checkpoints off the thread that writes (ADR 63). By default SQLite copies the
// write-ahead log into the library file inside the COMMIT that takes the log past 1,000
// pages: whichever user action comes next pays for every earlier one (about 100 ms for a
// 10,000-item collection change in a 1M-item library, 1-1.4 s after a 100k import). A
// long-lived host instead turns that off and lets a worker thread, with a connection of
// its own, checkpoint after each change on the second core. A worker that cannot start
// or dies hands the job back to SQLite.
import type Database from 'better-sqlite3';
import { SqliteWorker, type WorkerDriver } from './sqlite-worker';

/** SQLite's own default (pages), put back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;

/**
 * Checkpoints when told of a change (a burst of changes is one checkpoint), and every few
 * seconds, to catch up writes that notify nobody, such as stored export entries. After a
 * failure other than another process's checkpoint, it lets go of the file and says so.
 */
const JOB_SOURCE = `
function checkpoint() {
  if (!db || !db.open) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    try { db.close(); } catch {}
    parentPort.postMessage({ failed: describe(error) });
  }
}
const timer = setInterval(checkpoint, workerData.job.everyMs);
let scheduled = false;
function stop() { clearInterval(timer); }
function beforeDone() { checkpoint(); }
function handle() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => { scheduled = false; checkpoint(); }, workerData.job.afterMs);
}
`;

export interface CheckpointerOptions extends WorkerDriver {
  /** Delay after a change before checkpointing. */
  afterMs?: number;
  everyMs?: number;
}

export class BackgroundCheckpointer {
  private readonly worker: SqliteWorker<object>;
  private tookOver = false;

  /** `db` is the writing connection whose automatic checkpoints the worker takes over. */
  constructor(
    private readonly db: Database.Database,
    file: string,
    options: CheckpointerOptions = {},
  ) {
    this.worker = new SqliteWorker(
      JOB_SOURCE,
      {
        file,
        readonly: false,
        // Another process's checkpoint may be running: skip this round rather than wait.
        busyTimeoutMs: 0,
        load: options,
        job: { afterMs: options.afterMs ?? 50, everyMs: options.everyMs ?? 5000 },
      },
      {
        ready: () => {
          this.db.pragma('wal_autocheckpoint = 0');
          this.tookOver = true;
        },
        gone: () => this.handBack(),
        message: () => {},
      },
    );
  }

  /** True while the worker checkpoints in SQLite's place. */
  get running(): boolean {
    return this.worker.running;
  }

  /** A change was committed (on this connection or a sibling): checkpoint soon. */
  changed(): void {
    this.worker.post({});
  }

  /** Resolves once the worker has started (or failed to) and checkpointed what was committed. */
  settled(): Promise<void> {
    return this.worker.settled();
  }

  close(): void {
    this.worker.close();
  }

  /** SQLite checkpoints inside commits again, as it would with no worker. */
  private handBack(): void {
    if (this.tookOver && this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
    this.tookOver = false;
  }
}
