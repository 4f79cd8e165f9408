import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../src/shared/contract/methods';
import { channelOf, EVENT_NAMES } from '../../src/shared/contract/names';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() },
}));

describe('the preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../src/preload/index');
  });

  it('exposes exactly the contract methods and event subscriptions, under window.sheaf', () => {
    expect(Object.keys(exposed)).toEqual(['sheaf']);
    const api = exposed.sheaf as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'events'].sort());
    expect(Object.keys(api.events as object).sort()).toEqual([...EVENT_NAMES].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('binds each method to its own channel', async () => {
    const api = exposed.sheaf as Record<string, (args: unknown) => unknown>;
    await api['library.info']!({});
    expect(invoke).toHaveBeenLastCalledWith(channelOf('library.info'), {});
    await api['items.get']!({ id: 3 });
    expect(invoke).toHaveBeenLastCalledWith(channelOf('items.get'), { id: 3 });
  });

  it('subscribes to events and can unsubscribe', () => {
    const api = exposed.sheaf as { events: Record<string, (listener: unknown) => () => void> };
    const listener = vi.fn();
    const off = api.events['library.changed']!(listener);
    expect(on).toHaveBeenLastCalledWith(channelOf('library.changed'), expect.any(Function));
    const forward = on.mock.lastCall![1] as (event: unknown, payload: unknown) => void;
    forward({ sender: 'ipc' }, { label: 'x', external: false });
    expect(listener).toHaveBeenCalledWith({ label: 'x', external: false });
    off();
    expect(removeListener).toHaveBeenCalledWith(channelOf('library.changed'), forward);
    expect(() => api.events['library.changed']!('not a function')).toThrow(TypeError);
  });
});
