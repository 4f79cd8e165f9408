// The preload: exposes exactly the contract's methods and event subscriptions, each
// bound to its own fixed channel. No generic invoke or send, no Node, no Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, EVENT_NAMES, METHOD_NAMES } from '../shared/contract/names';

const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(channelOf(name), args)]),
);

const events = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channelOf(name), forward);
      return () => ipcRenderer.removeListener(channelOf(name), forward);
    },
  ]),
);

contextBridge.exposeInMainWorld('sheaf', Object.freeze({ ...methods, events: Object.freeze(events) }));
