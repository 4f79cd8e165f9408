// Real libraries on temporary files for the core, API and CLI tests. One temporary
// directory per test file (removed after it), a fresh library file per `open()`, a
// clock the test controls, and the API reached through the same dispatcher every
// transport uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { handlers } from '../../src/main/api/handlers';
import { LibraryHost } from '../../src/main/api/host';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { Library, type LibraryOptions } from '../../src/main/core/library/library';
import type { ArgsOf, MethodName, ResultOf } from '../../src/shared/contract';

/** A clock that only moves when the test says so (one second per tick by default). */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 5, 17, 9, 0, 0)) {}
  readonly now = (): number => this.ms;
  tick(ms = 1000): number {
    this.ms += ms;
    return this.ms;
  }
}

/** An API call that failed: the error code and message the transport would see. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface TempLibraries {
  readonly dir: string;
  /** A new, unused file name in the temporary directory. */
  file(name?: string): string;
  /** Opens (creating) a library; closed automatically after the file's tests. */
  open(file?: string, options?: LibraryOptions): Library;
  /** A library behind an API host, as the app and CLI see it. */
  host(file?: string, options?: LibraryOptions): Api;
}

export interface Api {
  readonly host: LibraryHost;
  readonly library: Library;
  readonly clock: TestClock;
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** The failure a call ends in (fails the test if the call succeeds). */
  failure<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ApiFailure>;
}

/** Call once at the top of a test file. */
export function tempLibraries(prefix: string): TempLibraries {
  registerBuiltInFormats();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sheaf-${prefix}-`));
  const open: { close(): void }[] = [];
  let counter = 0;
  afterAll(() => {
    for (const thing of open.reverse()) thing.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = (name?: string) => path.join(dir, name ?? `library-${++counter}.sqlite`);
  const openLibrary = (at?: string, options: LibraryOptions = {}) => {
    const library = Library.open(at ?? file(), options);
    open.push(library);
    return library;
  };
  return {
    dir,
    file,
    open: openLibrary,
    host(at, options = {}) {
      const clock = new TestClock();
      const library = openLibrary(at, { now: clock.now, ...options });
      const host = new LibraryHost(library, {}, { now: clock.now, ...options });
      open.push(host);
      return apiFor(host, clock);
    },
  };
}

export function apiFor(host: LibraryHost, clock: TestClock): Api {
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const result = await dispatch(handlers, host, method, args);
    if (!result.ok) throw new ApiFailure(result.error.code, result.error.message);
    return result.value as ResultOf<M>;
  };
  return {
    host,
    get library() {
      return host.library;
    },
    clock,
    call,
    async failure(method, args) {
      const result = await dispatch(handlers, host, method, args);
      if (result.ok) throw new Error(`${method} succeeded, but the test expected it to fail`);
      return new ApiFailure(result.error.code, result.error.message);
    },
  };
}
