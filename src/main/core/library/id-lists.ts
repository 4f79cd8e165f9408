// The id arrays behind deep windows, built on a worker thread (ADR 64). After a change, a
// list's array of every id in sort order is stale; building it again on the main thread
// took 250-1,080 ms at 1M items, a stall after every edit made while scrolled deep. Built
// here, on the second core, with a read-only connection of its own; the window asked for
// meanwhile is read with LIMIT/OFFSET.
import { SqliteWorker, type WorkerDriver } from '../db/sqlite-worker';

const JOB_SOURCE = `
function handle(request) {
  try {
    const ids = Int32Array.from(db.prepare(request.sql).pluck().all(...request.params));
    parentPort.postMessage({ key: request.key, generation: request.generation, ids }, [ids.buffer]);
  } catch (error) {
    parentPort.postMessage({ key: request.key, generation: request.generation, error: describe(error) });
  }
}
`;

/** Lists whose arrays are kept (ListReader keeps its own few in use). */
const KEPT = 8;

/** A build asked for (`sql`, `params`), or its answer (`ids`, or `error`). */
interface BuildMessage {
  key: string;
  generation: number;
  sql?: string;
  params?: unknown[];
  ids?: Int32Array;
  error?: string;
}

export class BackgroundIdLists {
  private readonly worker: SqliteWorker<BuildMessage>;
  /** Arrays built, and builds asked for, by key; only those of the latest generation are kept. */
  private readonly built = new Map<string, { generation: number; ids?: Int32Array }>();

  constructor(file: string, load: WorkerDriver = {}) {
    this.worker = new SqliteWorker<BuildMessage>(
      JOB_SOURCE,
      {
        file,
        readonly: true,
        busyTimeoutMs: 5000,
        load,
      },
      {
        ready: () => {},
        gone: () => this.built.clear(),
        message: (reply) => this.heard(reply),
      },
    );
  }

  get running(): boolean {
    return this.worker.running;
  }

  /**
   * The array for `key` as of `generation` if it has been built; otherwise undefined, with a
   * build asked for (once per key and generation). Undefined too when no worker runs.
   */
  take(key: string, generation: number, sql: string, params: unknown[]): Int32Array | undefined {
    if (!this.worker.running) return undefined;
    const known = this.built.get(key);
    if (known?.generation === generation) return known.ids;
    this.built.delete(key);
    this.built.set(key, { generation });
    while (this.built.size > KEPT) this.built.delete(this.built.keys().next().value!);
    this.worker.post({ key, generation, sql, params });
    return undefined;
  }

  /** Resolves once the builds asked for so far have come back. */
  settled(): Promise<void> {
    return this.worker.settled();
  }

  close(): void {
    this.worker.close();
    this.built.clear();
  }

  private heard(reply: BuildMessage): void {
    const known = this.built.get(reply.key);
    // A build for an older generation (the library changed meanwhile) is of no use.
    if (known?.generation !== reply.generation) return;
    if (reply.ids) known.ids = reply.ids;
    else this.built.delete(reply.key);
  }
}
