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
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && readonly) {
    throw new SheafError('not-found', `No library at ${file} to open read-only.`);
  }
  if (!exists && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw translateOpenError(file, error);
  }
  try {
    configure(db, readonly, options.busyTimeoutMs ?? 5000);
    checkIdentity(db, file);
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

function configure(db: Database.Database, readonly: boolean, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a committed change survives power loss, not just a crash of Sheaf.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32768');
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
