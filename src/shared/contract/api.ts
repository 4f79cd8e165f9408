// What crosses a transport: results as data ({ok, value} or {ok: false, error}), never
// exceptions; and the renderer-facing API type, derived from the contract.
import type { EventPayload } from './events';
import type { ArgsOf, MethodName, ResultOf } from './methods';
import { EVENT_NAMES, type EventName, type METHOD_NAMES } from './names';

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type SheafApi = {
  [M in MethodName]: (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
} & {
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

// Compile-time proof that names.ts lists exactly the contract's methods.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
type Extra = Exclude<(typeof METHOD_NAMES)[number], MethodName>;
const _complete: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;
void _complete;
void EVENT_NAMES;
