// Where the library lives when nobody says: the same file Electron's app.getPath('userData')
// gives the desktop app, so the CLI, the browser mode and the app share one library.
// `--library PATH` or SHEAF_LIBRARY overrides it everywhere.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Sheaf';
export const LIBRARY_FILE = 'library.sqlite';

export function userDataDir(platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** --library, else SHEAF_LIBRARY, else the desktop app's default. */
export function resolveLibraryPath(flag?: string, env = process.env, userData = userDataDir()): string {
  const chosen = flag ?? env.SHEAF_LIBRARY;
  if (chosen) return path.resolve(chosen);
  return path.join(userData, LIBRARY_FILE);
}
