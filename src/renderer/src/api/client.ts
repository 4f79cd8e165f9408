// The renderer's only way to main: typed calls that resolve to values or throw ApiError.
import type {
  ArgsOf,
  EventName,
  EventPayload,
  MethodName,
  ResultOf,
  SheafApi,
} from '../../../shared/contract';
import { createTransport, type Transport } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let transport: { api: SheafApi; kind: Transport } | undefined;
const connectListeners = new Set<() => void>();
let connectedOnce = false;

function current() {
  transport ??= createTransport(() => {
    connectedOnce = true;
    for (const listener of connectListeners) listener();
  });
  return transport;
}

/**
 * Calls `listener` each time main's events start reaching this page (after the first
 * subscription, and again after a reconnection): whatever changed before may have been
 * missed, so it is the moment to re-read. Calls it at once if that already happened.
 */
export function onEventsConnected(listener: () => void): () => void {
  connectListeners.add(listener);
  if (connectedOnce) listener();
  return () => connectListeners.delete(listener);
}

export function transportKind(): Transport {
  return current().kind;
}

export async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const fn = current().api[method] as unknown as (
    args: unknown,
  ) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  const result = await fn(args);
  if (!result.ok)
    throw new ApiError(result.error?.code ?? 'internal', result.error?.message ?? 'Unknown error');
  return result.value as ResultOf<M>;
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const on = current().api.events[event] as unknown as (l: (payload: EventPayload<E>) => void) => () => void;
  return on(listener);
}
