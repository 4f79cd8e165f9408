// When a library will not open: what is wrong, in one sentence, and the ways forward the
// user has (restore a backup, open it read-only, choose another library, ...), as data
// that the CLI prints, the browser mode reports and the app can offer as buttons
// (ADR 0053). Nothing here changes the file: a library that cannot be opened is never
// replaced by an empty one.
import fs from 'node:fs';
import type { Backup } from '../../../shared/results';
import { SheafError, type ErrorCode } from '../errors';
import { Library, type LibraryOptions } from '../library/library';
import { readSqliteHeader } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { listBackups } from './backups';

export type Trouble =
  /** Damaged, cut short or emptied: a backup is the way back. */
  | 'damaged'
  /** Not a Sheaf library at all (another program's file, not SQLite). */
  | 'not-a-library'
  | 'newer-schema'
  /** The file or its folder may not be written. */
  | 'read-only'
  | 'disk-full'
  | 'busy'
  | 'folder'
  | 'missing';

export type WayForward =
  | { kind: 'restore-backup'; backups: Backup[] }
  | { kind: 'open-read-only' }
  | { kind: 'choose-another' }
  | { kind: 'update-sheaf' }
  | { kind: 'free-space' }
  | { kind: 'fix-permissions' }
  | { kind: 'try-again' };

export interface OpenProblem {
  file: string;
  trouble: Trouble;
  code: ErrorCode;
  /** What is wrong, naming the file. */
  message: string;
  /** What the user can do, most useful first. */
  ways: WayForward[];
}

/** Opens a library, or throws a SheafError whose `details` is the OpenProblem. */
export function openLibrary(file: string, options: LibraryOptions = {}): Library {
  try {
    return Library.open(file, options);
  } catch (error) {
    const problem = diagnoseOpenFailure(file, error, options.readonly ?? false);
    throw new SheafError(problem.code, problem.message, problem);
  }
}

/** The OpenProblem an `openLibrary` failure carries, if `error` is one. */
export function openProblemOf(error: unknown): OpenProblem | undefined {
  if (!(error instanceof SheafError)) return undefined;
  const details = error.details;
  return typeof details === 'object' && details !== null && 'trouble' in details && 'ways' in details
    ? (details as OpenProblem)
    : undefined;
}

export function diagnoseOpenFailure(file: string, error: unknown, readonly = false): OpenProblem {
  const code: ErrorCode = error instanceof SheafError ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  const trouble = classify(file, code, message);
  return { file, trouble, code, message, ways: waysForward(file, trouble, readonly) };
}

function classify(file: string, code: ErrorCode, message: string): Trouble {
  switch (code) {
    case 'newer-schema':
      return 'newer-schema';
    case 'read-only':
      return 'read-only';
    case 'busy':
      return 'busy';
    case 'io':
      return 'disk-full';
    case 'not-found':
      return 'missing';
    case 'invalid-argument':
      return isFolder(file) ? 'folder' : 'not-a-library';
    case 'corrupt':
      return /another program|not a Sheaf library/.test(message) ? 'not-a-library' : 'damaged';
    default:
      return 'damaged';
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Backups this version of Sheaf can open, newest first. */
export function usableBackups(file: string): Backup[] {
  return listBackups(file).filter((backup) => schemaOf(backup.file) <= MIGRATIONS.length);
}

function schemaOf(file: string): number {
  try {
    return readSqliteHeader(file).readUInt32BE(60); // user_version
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function waysForward(file: string, trouble: Trouble, readonly: boolean): WayForward[] {
  const backups = usableBackups(file);
  const restore: WayForward[] = backups.length ? [{ kind: 'restore-backup', backups }] : [];
  const readOnly: WayForward[] = readonly ? [] : [{ kind: 'open-read-only' }];
  const another: WayForward = { kind: 'choose-another' };
  switch (trouble) {
    case 'damaged':
      return [...restore, ...readOnly, another];
    case 'not-a-library':
      return [...restore, another];
    case 'newer-schema':
      return [{ kind: 'update-sheaf' }, ...restore, another];
    case 'read-only':
      return [...readOnly, { kind: 'fix-permissions' }, another];
    case 'disk-full':
      return [{ kind: 'free-space' }, ...readOnly, another];
    case 'busy':
      return [{ kind: 'try-again' }, ...readOnly];
    case 'folder':
    case 'missing':
      return [another];
  }
}
