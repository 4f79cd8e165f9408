// The search index of a big first import, built on a worker thread beside the import
// (ADR 65). Indexing is half of such an import (9-13 s of 100,000 items, one core), and
// SQLite lets one connection write the library at a time. So the worker builds the index
// in a scratch file of its own from the documents the import sends it chunk by chunk, and
// the import copies that index's tables into the library's, inside its own transaction.
// Only into a library with no items: FTS5 cannot merge two indexes, but an empty one can
// be replaced. If the worker fails, the import indexes everything itself, as before.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { removeSqliteFile } from '../../db/connection';
import { stmt } from '../../db/statements';
import { SqliteWorker, type WorkerDriver } from '../../db/sqlite-worker';
import { removeFilesOfEndedProcesses } from '../../files/atomic-write';
import { readSearchDocuments, rebuildSearchIndex, SEARCH_COLUMNS, takeTouched } from './indexer';

const JOB_SOURCE = `
const job = workerData.job;
let insert, remove;
const sent = new Map();
// A cheap hash of a document: a re-sent document that did not change is not written again.
const hashOf = (values) => {
  let hash = 0x811c9dc5;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash;
};
if (db) {
  try {
    // Scratch data: nothing to recover if the process dies, so no journal and no syncs.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -65536');
    db.exec(job.create);
    // Bigger in-memory term lists before each flush: fewer segments to merge.
    db.exec("INSERT INTO search(search, rank) VALUES ('hashsize', " + job.hashSize + ")");
    db.exec('BEGIN');
    insert = db.prepare(job.insert);
    remove = db.prepare('DELETE FROM search WHERE rowid = CAST(? AS INTEGER)');
  } catch (error) {
    parentPort.postMessage({ failed: describe(error) });
    db.close();
    db = undefined;
  }
}
function handle(message) {
  try {
    if (message.documents) {
      const width = job.columns;
      const { ids, values } = message.documents;
      for (let index = 0; index < ids.length; index++) {
        const row = values.slice(index * width, (index + 1) * width);
        const hash = hashOf(row);
        const known = sent.get(ids[index]);
        if (known === hash) continue;
        if (known !== undefined) remove.run(ids[index]);
        insert.run(ids[index], ...row);
        sent.set(ids[index], hash);
      }
    } else if (message.removed) {
      for (const id of message.removed) if (sent.delete(id)) remove.run(id);
    } else if (message.finish) {
      db.exec('COMMIT');
      db.close();
      parentPort.postMessage({ finished: true });
    }
  } catch (error) {
    parentPort.postMessage({ error: describe(error) });
  }
}
`;

/** Bytes of terms FTS5 gathers in memory before it writes a segment (its default is 1 MB). */
const HASH_SIZE = 64 * 1024 * 1024;
/** The library's index tables that the scratch index's replace (not search_config). */
const INDEX_TABLES = ['search_data', 'search_idx', 'search_docsize'];
const SCRATCH = 'search_build';
/** Scratch files are named `${library}${SCRATCH_INFIX}${pid}-${time}`. */
const SCRATCH_INFIX = '.search-build-';

interface BuildMessage {
  documents?: { ids: number[]; values: string[] };
  removed?: number[];
  finish?: true;
  finished?: true;
  error?: string;
}

export class ParallelIndexBuild {
  private readonly worker: SqliteWorker<BuildMessage>;
  private failed = false;
  private posted = false;
  private whenFinished?: (ok: boolean) => void;

  /**
   * A build for the import about to write through `db` (inside its transaction), if the
   * library holds no item at all and a scratch file can be made beside it; else undefined.
   */
  static start(db: Database.Database, file: string, load: WorkerDriver): ParallelIndexBuild | undefined {
    if (stmt(db, 'SELECT EXISTS (SELECT 1 FROM items)').pluck().get() === 1) return undefined;
    const create = stmt(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search'")
      .pluck()
      .get() as string | undefined;
    if (!create) return undefined;
    removeAbandonedScratch(file);
    const scratch = `${file}${SCRATCH_INFIX}${process.pid}-${Date.now().toString(36)}`;
    try {
      fs.writeFileSync(scratch, '', { flag: 'wx' });
    } catch {
      return undefined;
    }
    return new ParallelIndexBuild(db, scratch, create, load);
  }

  private constructor(
    private readonly db: Database.Database,
    readonly scratch: string,
    create: string,
    load: WorkerDriver,
  ) {
    const columns = SEARCH_COLUMNS.join(', ');
    this.worker = new SqliteWorker<BuildMessage>(
      JOB_SOURCE,
      {
        file: scratch,
        readonly: false,
        busyTimeoutMs: 0,
        load,
        job: {
          create,
          hashSize: HASH_SIZE,
          columns: SEARCH_COLUMNS.length,
          insert: `INSERT INTO search(rowid, ${columns}) VALUES (CAST(? AS INTEGER), ${SEARCH_COLUMNS.map(() => '?').join(', ')})`,
        },
      },
      {
        ready: () => {},
        gone: () => this.fail(),
        message: (reply) => {
          if (reply.error !== undefined) this.fail();
          else if (reply.finished) this.whenFinished?.(true);
        },
      },
    );
  }

  /**
   * Sends the documents of the items written since the last call. Until the worker has
   * started they stay where the indexer keeps them (temp.touched), and go with the next call.
   */
  sendTouched(): void {
    if (this.failed || !this.worker.running) return;
    const { ids, fresh } = takeTouched(this.db);
    if (ids.length === 0) return;
    this.posted = true;
    const documents = readSearchDocuments(this.db, ids);
    const found = new Set<number>();
    for (let start = 0; start < documents.length; start += 1000) {
      const batch = documents.slice(start, start + 1000);
      const values: string[] = [];
      for (const doc of batch) {
        found.add(doc.id);
        for (const column of SEARCH_COLUMNS) values.push(doc[column] ?? '');
      }
      this.worker.post({ documents: { ids: batch.map((doc) => doc.id), values } });
    }
    // Items sent before and deleted since: the worker drops their documents.
    const removed = ids.filter((id) => !found.has(id) && !fresh.has(id));
    if (removed.length > 0) this.worker.post({ removed });
  }

  /**
   * Sends the rest, waits for the worker to commit, and puts its index in place of the
   * library's. When the worker failed on the way, rebuilds the index here instead. Either
   * way the library's index is complete for the transaction that goes on to commit.
   * A running worker is sent the rest before this returns, so the caller may go on with
   * other work (not touching items) while the worker commits, and await this after it.
   */
  async finish(): Promise<void> {
    if (!this.worker.running) await this.worker.settled(); // still starting, or gone
    this.sendTouched();
    const ok =
      this.worker.running && !this.failed
        ? await new Promise<boolean>((resolve) => {
            this.whenFinished = resolve;
            this.worker.post({ finish: true });
          })
        : false;
    this.worker.close();
    if (ok && !this.failed && this.replaceIndex()) return;
    // Nothing sent: the items are still marked touched, and the import indexes them as usual.
    if (!this.posted) return;
    // Documents already sent are no longer marked touched: index every item, with the
    // marks left cleared so that none is indexed twice.
    takeTouched(this.db);
    rebuildSearchIndex(this.db);
  }

  /** Removes the scratch file (after the transaction, whose connection had it attached). */
  dispose(): void {
    this.worker.close();
    removeSqliteFile(this.scratch);
  }

  private fail(): void {
    this.failed = true;
    this.whenFinished?.(false);
  }

  /** Copies the scratch index over the library's; false (nothing changed) if they differ in kind. */
  private replaceIndex(): boolean {
    const db = this.db;
    db.prepare(`ATTACH ? AS ${SCRATCH}`).run(this.scratch);
    const version = (schema: string) =>
      db.prepare(`SELECT v FROM ${schema}.search_config WHERE k = 'version'`).pluck().get();
    const sameKind =
      version('main') === version(SCRATCH) &&
      db.prepare(`SELECT sql FROM ${SCRATCH}.sqlite_master WHERE name = 'search'`).pluck().get() ===
        db.prepare("SELECT sql FROM main.sqlite_master WHERE name = 'search'").pluck().get();
    if (!sameKind) return false;
    // FTS5's own tables are written to directly only here, so defensive mode is lifted for it.
    db.unsafeMode(true);
    try {
      for (const table of INDEX_TABLES) {
        db.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM ${SCRATCH}.${table};`);
      }
    } finally {
      db.unsafeMode(false);
    }
    return true;
  }
}

/** Scratch files left by a process that was killed mid-import (they hold nothing of worth). */
function removeAbandonedScratch(file: string): void {
  const prefix = `${path.basename(file)}${SCRATCH_INFIX}`;
  removeFilesOfEndedProcesses(path.dirname(file), (name) =>
    name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : undefined,
  );
}
