// The first page of the list, asked for as soon as the entry script runs, while React
// and the app are still loading; the list source takes the answer instead of asking again.
import type { WindowRequest, WindowResult } from '../../../shared/views';
import { call } from '../api/client';
import { pageRequest } from '../lib/list-query';
import { initialListQuery } from '../store/stored-preferences';

const primed = new Map<string, Promise<WindowResult>>();

export function primeFirstPage(): void {
  const request = pageRequest(initialListQuery(), 0);
  const answer = call('items.window', request);
  answer.catch(() => undefined); // the list asks again (and reports) if it fails
  primed.set(JSON.stringify(request), answer);
}

/** The early answer to exactly this request, once. */
export function takePrimedPage(request: WindowRequest): Promise<WindowResult> | undefined {
  const key = JSON.stringify(request);
  const answer = primed.get(key);
  primed.delete(key);
  return answer;
}
