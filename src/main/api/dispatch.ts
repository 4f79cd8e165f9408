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
  const reserved = prototypeKey(args);
  if (reserved) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: `Invalid arguments for ${method}: ${reserved} is a reserved name.`,
      },
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

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first own key anywhere in the arguments that names a prototype. Such keys are
 * refused outright: a schema may quietly drop them (zod's records do), but a caller that
 * sends them is not asking for anything legitimate. Iterative, so deep nesting is harmless.
 */
function prototypeKey(args: unknown): string | undefined {
  const stack = [args];
  const seen = new Set<object>();
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return JSON.stringify(key);
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

export function toApiError(error: unknown): { code: string; message: string } {
  if (isSheafError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
