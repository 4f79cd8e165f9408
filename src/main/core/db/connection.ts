// Opens (or creates) a library file and brings it to the current schema, turning every
// way a file can be wrong (not SQLite, another program's database, damaged, newer,
// read-only) into a SheafError that says what happened and what to do.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SheafError } from '../errors';
import { fold } from '../text/fold';
import { migrate, pendingMigrations, schemaVersion } from './migrate';

/** "SHEF": marks a file as a Sheaf library so we never migrate someone else's database. */
export const APPLICATION_ID = 0x53484546;

export interface OpenOptions {
  readonly?: boolean;
  /** Path of a better-sqlite3 native addon built for another ABI (Electron). */
  nativeBinding?: string;
  /** Called before pending migrations run (with the version found), e.g. to back up. */
  beforeMigrate?: (db: Database.Database, fromVersion: number) => void;
  busyTimeoutMs?: number;
  /** Page cache of this connection, KiB (default PAGE_CACHE_KIB). */
  pageCacheKib?: number;
}

/** The native addon this process's connections use: Electron's own build, once the app names it. */
let processBinding: string | undefined;

/** The native addon named by the app for this process, if any (workers must load the same). */
export function nativeBindingInUse(): string | undefined {
  return processBinding;
}

/**
 * A plain connection to an SQLite file (a backup being made, checked or restored) with the
 * native addon the library was opened with: in the desktop app, the Node build cannot load.
 */
export function openSqliteFile(source: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(source, { ...options, ...(processBinding ? { nativeBinding: processBinding } : {}) });
}

/** Removes an SQLite file and whatever journal, log or index file it has beside it. */
export function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  if (options.nativeBinding) processBinding = options.nativeBinding;
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && readonly) {
    throw new SheafError('not-found', `No library at ${file} to open read-only.`);
  }
  if (exists) checkFile(file, readonly);
  if (!exists && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    return connect(file, file, options);
  } catch (error) {
    // Read-only, two more tries from a copy in memory: a WAL library in a folder we may not
    // write (SQLite needs its -shm file there), and a damaged one, so that what is left can
    // be read and exported (a file cut short is padded to its size first).
    if (!readonly || walSize(file) > 0 || !(error instanceof SheafError)) throw error;
    const sqlite = (error.details as { sqlite?: string } | undefined)?.sqlite ?? '';
    if (/^SQLITE_(READONLY|CANTOPEN)/.test(sqlite) || error.code === 'corrupt') {
      return connect(snapshot(file), file, options);
    }
    throw error;
  }
}

function connect(source: string | Buffer, file: string, options: OpenOptions): Database.Database {
  const readonly = options.readonly ?? false;
  let db: Database.Database;
  try {
    db = new Database(source, {
      readonly,
      fileMustExist: readonly,
      ...((options.nativeBinding ?? processBinding)
        ? { nativeBinding: options.nativeBinding ?? processBinding }
        : {}),
    });
  } catch (error) {
    throw translateOpenError(file, error);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Identify before configuring: switching to WAL would rewrite another program's file.
    checkIdentity(db, file);
    configure(db, readonly, options.pageCacheKib ?? PAGE_CACHE_KIB);
    if (readonly) {
      if (pendingMigrations(db).length > 0) {
        throw new SheafError(
          'read-only',
          `${file} needs a schema upgrade, which a read-only library cannot do.`,
        );
      }
    } else {
      const pending = pendingMigrations(db);
      if (pending.length > 0) {
        options.beforeMigrate?.(db, schemaVersion(db));
        migrate(db);
        if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
          db.pragma(`application_id = ${APPLICATION_ID}`);
        }
      }
    }
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(file, error);
  }
}

/** The file's bytes, to open in memory: marked as a rollback-journal file, padded to its size. */
function snapshot(file: string): Buffer {
  let bytes = fs.readFileSync(file);
  const expected = headerSize(bytes);
  if (expected !== undefined && expected > bytes.length && expected <= 2 ** 31) {
    bytes = Buffer.concat([bytes, Buffer.alloc(expected - bytes.length)]);
  }
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return bytes;
}

/** The size the file's own header gives it, when the header says it reliably. */
function headerSize(header: Buffer): number | undefined {
  if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return undefined;
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The page count in the header is valid when it was written with the change counter.
  if (header.readUInt32BE(92) !== header.readUInt32BE(24) || pages === 0) return undefined;
  return pages * pageSize;
}

function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Refuses, before SQLite sees it, a path that cannot be a library or a file that has
 * visibly lost its end: a folder; a file shorter than its own header says (SQLite would
 * only notice when it reads a missing page); an empty file beside backups of a library
 * (SQLite would quietly make a new, empty library in it).
 */
function checkFile(file: string, readonly: boolean): void {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    throw new SheafError(
      'invalid-argument',
      `${file} is a folder, not a library file. Choose a library file.`,
    );
  }
  if (stat.size === 0) {
    if (walSize(file) === 0 && fs.existsSync(`${path.resolve(file)}-backups`)) {
      throw new SheafError(
        'corrupt',
        `${file} is empty (0 bytes) although backups of it exist: it has lost its contents. Restore a backup or open another library.`,
      );
    }
    return;
  }
  // With a WAL beside it, pages may live there, and another process's checkpoint may be
  // writing the file's end right now: only a file without one is judged by its size.
  if (readonly || stat.size < 100 || walSize(file) > 0) return;
  const expected = headerSize(readSqliteHeader(file));
  if (expected !== undefined && stat.size < expected) {
    throw new SheafError(
      'corrupt',
      `${file} is damaged: it is cut short (${stat.size} of ${expected} bytes). Restore a backup or open another library.`,
    );
  }
}

/**
 * SQLite's page cache per connection, in KiB. A step over 10,000 items spread through a
 * 1M-item library (a collection toggle, its undo) reads and writes 15-20k pages: each item's
 * row, the membership index's leaves, the undo log. With 32 MiB they were read from the OS
 * again at every step, and each step took 180-240 ms; with 96 MiB, 110-175 ms (ADR 71).
 * The cache fills only as pages are read, so an idle library costs nothing.
 */
const PAGE_CACHE_KIB = 96 * 1024;

function configure(db: Database.Database, readonly: boolean, pageCacheKib: number): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a committed change survives power loss, not just a crash of Sheaf.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${pageCacheKib}`);
  // Case- and accent-folded text for searches SQL cannot fold itself ("Godel" finds "Gödel").
  db.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? fold(text) : text,
  );
}

/** A non-empty database that is not ours is refused rather than "migrated". */
function checkIdentity(db: Database.Database, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  if (appId !== 0) {
    throw new SheafError(
      'corrupt',
      `${file} is a database of another program (application id ${appId}), not a Sheaf library.`,
    );
  }
  const tables = db
    .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
    .pluck()
    .get() as number;
  if (tables > 0 && schemaVersion(db) === 0) {
    throw new SheafError('corrupt', `${file} is an SQLite database of another program, not a Sheaf library.`);
  }
}

function translateOpenError(file: string, error: unknown): unknown {
  if (error instanceof SheafError) return error;
  // Extended result codes (SQLITE_READONLY_DIRECTORY, SQLITE_CORRUPT_INDEX...) count as their primary code.
  const code = ((error as { code?: string }).code ?? '').split('_').slice(0, 2).join('_');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new SheafError(
      'corrupt',
      `${file} is not a Sheaf library (not an SQLite database, or encrypted).`,
    );
  }
  if (code === 'SQLITE_CORRUPT') {
    return new SheafError(
      'corrupt',
      `${file} is damaged (${message}). Restore a backup or open another library.`,
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'SQLITE_CANTOPEN') {
    return new SheafError(
      'read-only',
      `${file} cannot be opened for writing (${message}). Check its permissions, or open it read-only.`,
      { sqlite: (error as { code?: string }).code },
    );
  }
  if (code === 'SQLITE_BUSY') {
    return new SheafError('busy', `${file} is locked by another program; try again in a moment.`);
  }
  if (code === 'SQLITE_FULL') {
    return new SheafError('io', `The disk holding ${file} is full; nothing was changed.`);
  }
  return error;
}

/** The first 100 bytes of a database file: SQLite's header (page size, counts, user_version). */
export function readSqliteHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}
