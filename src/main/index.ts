// Electron main process: thin glue between Electron and the core. Everything that is
// not about windows, IPC, dialogs or the system browser lives in src/main/core.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, dialog, session, shell } from 'electron';
import { startBackgroundServices } from './api/background';
import { LibraryHost } from './api/host';
import { libraryFromArgs } from './app/library-location';
import { electronNativeBinding } from './app/native-binding';
import { registerIpc } from './app/ipc';
import { openLibraryInteractively } from './app/open-library';
import { createMainWindow, isExternalHttpUrl } from './app/window';
import { registerBuiltInFormats } from './core/formats/all';
import type { Library } from './core/library/library';
import { backupBeforeMigration } from './core/service/backups';
import { CONTENT_SECURITY_POLICY } from './server/security';

app.setName('Sheaf');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    registerBuiltInFormats();
    const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
    const rendererUrl = process.env.ELECTRON_RENDERER_URL;
    const isAppPage = (url: string) =>
      rendererUrl ? url.startsWith(rendererUrl) : url === pathToFileURL(rendererFile).href;

    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
    session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false));

    const file = libraryFromArgs(process.argv, process.env, app.getPath('userData'));
    const nativeBinding = electronNativeBinding(process.resourcesPath, app.getAppPath(), process.env);
    const libraryOptions = {
      ...(nativeBinding ? { nativeBinding } : {}),
      beforeMigrate: (db: Library['db'], from: number) => backupBeforeMigration(db, db.name, from),
      backgroundWorkers: true,
    };
    const library = await openLibraryInteractively(file, libraryOptions);
    if (!library) {
      app.exit(1);
      return;
    }
    const host = new LibraryHost(
      library,
      {
        chooseSavePath: async (suggestedName, extension) => {
          const result = await dialog.showSaveDialog({
            defaultPath: suggestedName,
            filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
          });
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        openExternal: async (url) => {
          if (isExternalHttpUrl(url)) await shell.openExternal(url);
        },
      },
      libraryOptions,
    );
    const stopIpc = registerIpc(host, isAppPage);
    const stopBackground = startBackgroundServices(host, (message) => console.log(message));
    mainWindow = createMainWindow({
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      ...(rendererUrl ? { rendererUrl } : {}),
      rendererFile,
      stateDir: app.getPath('userData'),
    });
    app.on('will-quit', () => {
      stopBackground();
      stopIpc();
      host.close();
    });
  });
}
