// Rotating backups made with SQLite's online backup API (a consistent copy of a live
// database, unlike a file copy), and restore after checking the backup is sound.
// A backup is written under a temporary name and renamed into place once complete, so a
// crash never leaves a partial file among the backups (ADR 0051). A restore writes the
// backup into the library through SQLite, as one transaction, so that other processes
// with the library open see the restored library instead of writing on into a file that
// has been replaced (ADR 0052).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Backup } from '../../../shared/results';
import { openDatabase, openSqliteFile, removeSqliteFile } from '../db/connection';
import { SheafError } from '../errors';
import { removeFilesOfEndedProcesses, syncDirectory } from '../files/atomic-write';
import type { Library } from '../library/library';

const NAME = /^sheaf-backup-(\d{8}T\d{9})(?:-[a-z-]+)?\.sqlite$/;
/** A backup being written: `<name>.<pid>.partial` (and SQLite's journal files beside it). */
const PARTIAL = /^sheaf-backup-.*\.sqlite\.(\d+)\.partial(?:-journal|-wal|-shm)?$/;
const DAY = 24 * 60 * 60 * 1000;
/** How long a restore waits for other processes' writes before giving up. */
const RESTORE_BUSY_MS = 10_000;

export function backupsDir(libraryFile: string): string {
  const resolved = path.resolve(libraryFile);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.Z]/g, '');
}

export function keepCount(library: Library): number {
  const value = Number(library.setting('backups.keep') ?? 10);
  return Number.isInteger(value) && value > 0 ? value : 10;
}

/**
 * The name of a new backup: its time, or just after the newest backup if the clock says
 * otherwise (a clock set back, two backups in one millisecond), so that names stay unique
 * and the newest backup always sorts first (rotation removes from the other end).
 */
function freeName(dir: string, time: number, reason: string): string {
  const newest = fs
    .readdirSync(dir)
    .map((name) => NAME.exec(name)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort()
    .pop();
  const after = newest === undefined ? -Infinity : parseStamp(newest).getTime() + 1;
  return path.join(
    dir,
    `sheaf-backup-${stamp(new Date(Math.max(time, after)))}${reason ? `-${reason}` : ''}.sqlite`,
  );
}

function parseStamp(s: string): Date {
  return new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
}

/** Backs the library up now; keeps the newest `keepCount` backups. */
export async function createBackup(library: Library, reason = ''): Promise<Backup> {
  const dir = backupsDir(library.file);
  fs.mkdirSync(dir, { recursive: true });
  removeAbandonedPartials(dir);
  const file = freeName(dir, library.now(), reason);
  const partial = `${file}.${process.pid}.partial`;
  try {
    await library.db.backup(partial);
    publish(partial, file);
  } catch (error) {
    discard(partial);
    throw new SheafError('io', `The backup could not be written to ${file}: ${(error as Error).message}`);
  }
  prune(dir, keepCount(library));
  return describe(file);
}

/** Before a migration: a synchronous consistent copy (VACUUM INTO runs in one read transaction). */
export function backupBeforeMigration(db: Database.Database, libraryFile: string, fromVersion: number): void {
  if (fromVersion === 0 || libraryFile === ':memory:') return;
  const dir = backupsDir(libraryFile);
  fs.mkdirSync(dir, { recursive: true });
  removeAbandonedPartials(dir);
  const file = freeName(dir, Date.now(), 'before-migration');
  const partial = `${file}.${process.pid}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    publish(partial, file);
  } catch (error) {
    discard(partial);
    throw error;
  }
}

/** Makes a complete backup a single durable file and gives it its name (atomically). */
function publish(partial: string, file: string): void {
  // A copy of a WAL library is marked WAL too: readers would leave -wal/-shm files beside it.
  const db = openSqliteFile(partial, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  syncDirectory(path.dirname(file));
}

function discard(partial: string): void {
  removeSqliteFile(partial);
}

/** Partial backups of processes that no longer run (killed while backing up). */
function removeAbandonedPartials(dir: string): void {
  removeFilesOfEndedProcesses(dir, (name) => {
    const pid = PARTIAL.exec(name)?.[1];
    return pid === undefined ? undefined : Number(pid);
  });
}

export function listBackups(libraryFile: string): Backup[] {
  const dir = backupsDir(libraryFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .reverse()
    .map((name) => {
      try {
        return describe(path.join(dir, name));
      } catch {
        return undefined;
      }
    })
    .filter((b): b is Backup => b !== undefined);
}

/** Makes a backup if the newest is more than a day old (run at start-up). */
export async function backupIfDue(library: Library): Promise<Backup | undefined> {
  if (library.readonly || library.file === ':memory:') return undefined;
  const newest = listBackups(library.file)[0];
  if (newest && library.now() - Date.parse(newest.created) < DAY) return undefined;
  return createBackup(library, 'daily');
}

function describe(file: string): Backup {
  const match = NAME.exec(path.basename(file));
  if (!match) throw new SheafError('invalid-argument', `${file} is not a Sheaf backup`);
  const created = parseStamp(match[1]!);
  const db = openSqliteFile(file, { readonly: true, fileMustExist: true });
  try {
    const itemCount = (db.prepare("SELECT n FROM counts WHERE scope = 'items'").pluck().get() as number) ?? 0;
    return { file, created: created.toISOString(), itemCount, size: fs.statSync(file).size };
  } finally {
    db.close();
  }
}

function prune(dir: string, keep: number): void {
  const names = fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .reverse();
  for (const name of names.slice(keep)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Checks that `file` is one of this library's backups and is intact; returns it with
 * its description. Only files in the backups folder are accepted (no paths from outside).
 */
export function checkBackup(libraryFile: string, file: string): Backup {
  const dir = backupsDir(libraryFile);
  const resolved = path.resolve(dir, path.basename(file));
  if (path.resolve(file) !== resolved && path.basename(file) !== file) {
    throw new SheafError('invalid-argument', `Only backups in ${dir} can be restored.`);
  }
  if (!NAME.test(path.basename(resolved)) || !fs.existsSync(resolved)) {
    throw new SheafError('not-found', `No backup ${path.basename(file)} in ${dir}.`);
  }
  let db: Database.Database | undefined;
  try {
    db = openSqliteFile(resolved, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw new SheafError(
      'corrupt',
      `The backup ${path.basename(resolved)} is damaged: ${(error as Error).message}`,
    );
  } finally {
    db?.close();
  }
  return describe(resolved);
}

/**
 * A copy of the backup brought to this version's schema (a backup from before an upgrade
 * must not put an old schema under a running Sheaf). The caller removes it.
 */
function stagedCopy(libraryFile: string, backup: Backup): string {
  const dir = path.dirname(path.resolve(libraryFile));
  const prefix = `${path.basename(libraryFile)}.restore-`;
  // Copies staged by processes killed mid-restore.
  removeFilesOfEndedProcesses(dir, (name) =>
    name.startsWith(prefix) ? Number(/^(\d+)\.tmp/.exec(name.slice(prefix.length))?.[1]) : undefined,
  );
  const staged = `${libraryFile}.restore-${process.pid}.tmp`;
  discard(staged);
  fs.copyFileSync(backup.file, staged);
  try {
    const db = openDatabase(staged);
    db.pragma('journal_mode = DELETE'); // a single file again, readable without a -shm
    db.close();
  } catch (error) {
    discard(staged);
    throw error;
  }
  return staged;
}

/**
 * Replaces the content of the open library with a backup, through SQLite's backup API:
 * one write transaction on the library file, so a crash leaves the old library or the
 * restored one, and other processes with the library open see the restored library.
 */
export async function restoreBackup(library: Library, backup: Backup): Promise<void> {
  if (library.readonly)
    throw new SheafError('read-only', 'This library is open read-only; nothing was changed.');
  const staged = stagedCopy(library.file, backup);
  const source = openSqliteFile(staged, { readonly: true, fileMustExist: true });
  const started = Date.now();
  try {
    await source.backup(library.file, {
      progress: () => {
        if (Date.now() - started > RESTORE_BUSY_MS) {
          throw new SheafError(
            'busy',
            'The library is busy: another Sheaf process is writing to it. Try the restore again in a moment.',
          );
        }
        return 0x7fffffff; // everything in one step: one transaction
      },
    });
  } catch (error) {
    if (error instanceof SheafError) throw error;
    throw new SheafError(
      'io',
      `The backup could not be restored: ${(error as Error).message}. Nothing was changed.`,
    );
  } finally {
    source.close();
    discard(staged);
  }
}

/**
 * Restores a backup over a library that cannot be opened (damaged, not a library): the
 * unreadable file is kept beside it as `<name>.damaged-<time>`, never deleted, and the
 * backup takes its place. Returns where the damaged file went.
 */
export function restoreOverUnreadable(libraryFile: string, backup: Backup, now = Date.now()): string {
  const staged = stagedCopy(libraryFile, backup);
  const aside = `${libraryFile}.damaged-${stamp(new Date(now))}`;
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(`${libraryFile}${suffix}`))
        fs.renameSync(`${libraryFile}${suffix}`, `${aside}${suffix}`);
    }
    publish(staged, libraryFile);
  } finally {
    discard(staged);
  }
  return aside;
}
