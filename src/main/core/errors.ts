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
