// The main window, locked down: context isolation, sandbox, no Node in the page, no
// navigation away from the app, no new windows; http(s) links go to the system browser.
import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { loadWindowState, saveWindowState } from './window-state';

export interface WindowOptions {
  preload: string;
  rendererUrl?: string;
  rendererFile: string;
  stateDir: string;
}

export function isExternalHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = loadWindowState(options.stateDir);
  const window = new BrowserWindow({
    ...state,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Sheaf',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateDir, { ...bounds, maximized: window.isMaximized() });
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('close', remember);

  if (options.rendererUrl) void window.loadURL(options.rendererUrl);
  else void window.loadFile(path.resolve(options.rendererFile));
  return window;
}
