// Rotating backups made with SQLite's online backup API (a consistent copy of a live
// database, unlike a file copy), and restore after checking the backup is sound.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../../../shared/results';
import { SheafError } from '../errors';
import type { Library } from '../library/library';

const NAME = /^sheaf-backup-(\d{8}T\d{9})(?:-[a-z-]+)?\.sqlite$/;
const DAY = 24 * 60 * 60 * 1000;

export function backupsDir(libraryFile: string): string {
  const resolved = path.resolve(libraryFile);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`);
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:.Z]/g, '')
    .replace(/(\d{8})T(\d{9})/, '$1T$2');
}

export function keepCount(library: Library): number {
  const value = Number(library.setting('backups.keep') ?? 10);
  return Number.isInteger(value) && value > 0 ? value : 10;
}

/** Backs the library up now; keeps the newest `keepCount` backups. */
export async function createBackup(library: Library, reason = ''): Promise<Backup> {
  const dir = backupsDir(library.file);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `sheaf-backup-${stamp(new Date(library.now()))}${reason ? `-${reason}` : ''}.sqlite`,
  );
  try {
    await library.db.backup(file);
  } catch (error) {
    fs.rmSync(file, { force: true });
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
  const file = path.join(dir, `sheaf-backup-${stamp(new Date())}-before-migration.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
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
  const s = match[1]!;
  const created = new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
  const db = new Database(file, { readonly: true, fileMustExist: true });
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
  const db = new Database(resolved, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new SheafError('corrupt', `The backup ${path.basename(resolved)} is damaged: ${String(check)}`);
  } finally {
    db.close();
  }
  return describe(resolved);
}

/** Replaces the library file with a backup. The caller has closed every connection. */
export function replaceLibraryFile(libraryFile: string, backup: Backup): void {
  const temp = `${libraryFile}.restore-${process.pid}.tmp`;
  fs.copyFileSync(backup.file, temp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${libraryFile}${suffix}`, { force: true });
  fs.renameSync(temp, libraryFile);
}
