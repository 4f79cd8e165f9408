// Errors that cross the API as data: a stable code the UI and CLI can act on, and a
// message that says where and why.

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'cycle'
  | 'bad-input'
  | 'busy'
  | 'read-only'
  | 'corrupt'
  | 'newer-schema'
  | 'io'
  | 'cancelled'
  | 'unauthorized'
  | 'unknown-method'
  | 'internal';

export class SheafError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SheafError';
  }
}

export function isSheafError(error: unknown): error is SheafError {
  return error instanceof SheafError;
}

export const notFound = (what: string, id: unknown): SheafError =>
  new SheafError('not-found', `${what} ${JSON.stringify(id)} does not exist`);

/**
 * Runs `work`, synchronous or a promise, and throws what `map` makes of its failure (a
 * clearer error, or the same one after noting it somewhere).
 */
export function mapFailure<T>(work: () => T, map: (error: unknown) => unknown): T {
  try {
    const value = work();
    if (value instanceof Promise) {
      return value.catch((error: unknown) => {
        throw map(error);
      }) as T;
    }
    return value;
  } catch (error) {
    throw map(error);
  }
}
