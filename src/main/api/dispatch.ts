// One entry point for every transport (IPC, HTTP, CLI): look the method up in the
// contract, validate the arguments against its schema, run the handler, and turn any
// outcome into {ok, value} or {ok: false, error}. Nothing unvalidated reaches the core.
import { z } from 'zod';
import { contract, type ApiResult, type MethodName } from '../../shared/contract';
import { isSheafError } from '../core/errors';
import type { HandlerContext } from './context';
import type { HandlerTable } from './handlers';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(
  table: HandlerTable,
  context: HandlerContext,
  method: unknown,
  args: unknown,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown-method', message: `There is no API method ${JSON.stringify(method)}.` },
    };
  }
  const parsed = contract[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: `Invalid arguments for ${method}: ${z.prettifyError(parsed.error).slice(0, 2000)}`,
      },
    };
  }
  try {
    const handler = table[method] as (args: unknown, context: HandlerContext) => unknown;
    const value = await handler(parsed.data, context);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export function toApiError(error: unknown): { code: string; message: string } {
  if (isSheafError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
