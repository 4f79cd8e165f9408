// Picks the transport at start-up: the preload's `window.sheaf` in the desktop app, else
// the browser mode's HTTP API (token from the URL fragment). The rest of the renderer
// sees one SheafApi and never knows which.
import type { EventName, EventPayload, SheafApi } from '../../../shared/contract';
import { channelOf, EVENT_NAMES, METHOD_NAMES } from '../../../shared/contract/names';

declare global {
  interface Window {
    sheaf?: SheafApi;
  }
}

const TOKEN_KEY = 'sheaf.token';

function browserToken(): string {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the visible URL, history and bookmarks.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Called each time the event stream (re)connects: events sent meanwhile were missed. */
export type ConnectListener = () => void;

function httpApi(onConnect: ConnectListener): SheafApi {
  const token = browserToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('open', () => onConnect());
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };
  const methods = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async (args: unknown) => {
        try {
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Sheaf-Token': token },
            body: JSON.stringify(args ?? {}),
          });
          return (await response.json()) as unknown;
        } catch (error) {
          return { ok: false, error: { code: 'io', message: `Sheaf is not reachable: ${String(error)}` } };
        }
      },
    ]),
  );
  const events = Object.fromEntries(
    EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        connect();
        let set = listeners.get(name);
        if (!set) listeners.set(name, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    ]),
  );
  void channelOf;
  return { ...methods, events } as unknown as SheafApi;
}

export type Transport = 'desktop' | 'browser';

export function createTransport(onConnect: ConnectListener): { api: SheafApi; kind: Transport } {
  if (window.sheaf) {
    // IPC delivers every event from the first subscription on.
    queueMicrotask(onConnect);
    return { api: window.sheaf, kind: 'desktop' };
  }
  return { api: httpApi(onConnect), kind: 'browser' };
}

export type { EventPayload };
