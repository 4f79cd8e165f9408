// What every CLI command shares: opening the library the user named, calling the API
// through the same dispatcher as the app (so the same validation applies), exit codes.
import fs from 'node:fs';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';
import type { dispatch as Dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { LibraryHost } from '../api/host';
import { SheafError } from '../core/errors';
import { registerBuiltInFormats } from '../core/formats/all';
import { itemIdByKey } from '../core/library/items';
import type { Library } from '../core/library/library';
import { resolveLibraryPath } from '../core/paths';
import { backupBeforeMigration } from '../core/service/backups';
import { openLibrary, openProblemOf } from '../core/service/recovery';
import { explainOpenProblem } from './open-problem';

/** Exit codes: 0 ok, 1 bad input (nothing changed), 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  library?: string;
  /** --read-only: open the library without writing to it (a damaged or locked library). */
  readOnly?: boolean;
}

/** How a command holds the library: `longLived` for one that runs until stopped (`serve`). */
export interface HostMode {
  readonly?: boolean;
  longLived?: boolean;
  /**
   * The command reads the library once through (an export): it reads each page once, so a
   * page cache would only cost memory; 100 MB of it in a 100k export (ADR 72).
   */
  readsOnceThrough?: boolean;
}

/** The page cache of a command that reads the library once through: enough for one batch. */
const ONCE_THROUGH_CACHE_KIB = 8 * 1024;

export function openHost(options: GlobalOptions, mode: HostMode = {}): LibraryHost {
  registerBuiltInFormats();
  const file = resolveLibraryPath(options.library);
  const libraryOptions = {
    readonly: mode.readonly === true || options.readOnly === true,
    backgroundWorkers: mode.longLived === true,
    ...(mode.readsOnceThrough ? { pageCacheKib: ONCE_THROUGH_CACHE_KIB } : {}),
    beforeMigrate: (db: Library['db'], from: number) => backupBeforeMigration(db, file, from),
  };
  // A library that will not open ends in its problem and the ways forward (recovery.ts).
  const library = openLibrary(file, libraryOptions);
  return new LibraryHost(library, {}, libraryOptions);
}

export async function withHost<T>(
  options: GlobalOptions,
  run: (host: LibraryHost) => Promise<T> | T,
  mode: HostMode = {},
): Promise<T> {
  const host = openHost(options, mode);
  try {
    return await run(host);
  } finally {
    host.close();
  }
}

/**
 * The API dispatcher, loaded by the first call: its validation library took 0.1 s of each
 * start here, and `import` and `export` (the commands scripts run in bulk) make no call.
 */
let dispatcher: Promise<typeof Dispatch> | undefined;

/** Calls an API method; failures become a CliError with the API's message. */
export async function call<M extends MethodName>(
  host: LibraryHost,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  dispatcher ??= import('../api/dispatch').then((module) => module.dispatch);
  const result = await (await dispatcher)(handlers, host, method, args);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as ResultOf<M>;
}

/** An item by citation key or item key. */
export function itemId(host: LibraryHost, key: string): number {
  try {
    return itemIdByKey(host.library.db, key);
  } catch {
    throw new CliError(`No item with citation key or key "${key}".`);
  }
}

export function readInput(file: string): Buffer {
  if (file === '-') return fs.readFileSync(0);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${code}`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  const problem = openProblemOf(error);
  if (problem) return { message: explainOpenProblem(problem), exitCode: EXIT.badInput };
  if (error instanceof SheafError) return { message: error.message, exitCode: EXIT.badInput };
  return {
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    exitCode: EXIT.badInput,
  };
}
