// The Electron transport: one ipcMain.handle per contract method, each refusing callers
// that are not the app's own windows, then the shared dispatcher (which validates).
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, EVENT_NAMES, METHOD_NAMES } from '../../shared/contract/names';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import type { LibraryHost } from '../api/host';

export function registerIpc(host: LibraryHost, isAppPage: (url: string) => boolean): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, args: unknown) => {
      if (!fromOwnWindow(event, isAppPage)) {
        return { ok: false, error: { code: 'unauthorized', message: 'This page may not use Sheaf.' } };
      }
      return dispatch(handlers, host, method, args);
    });
  }
  const stop = host.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channelOf(event), payload);
    }
  });
  void EVENT_NAMES;
  return () => {
    stop();
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelOf(method));
  };
}

function fromOwnWindow(event: IpcMainInvokeEvent, isAppPage: (url: string) => boolean): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  return window !== null && frame !== null && frame.parent === null && isAppPage(frame.url);
}
