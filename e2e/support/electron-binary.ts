// The Electron binary, where one is installed. It cannot be downloaded on every machine
// (not on the one Sheaf is developed on): callers skip, saying why, when it is missing.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): { path?: string; reason?: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { reason: `the electron package points at ${String(binary)}, which does not exist` };
  } catch (error) {
    return { reason: `no Electron binary on this machine (${(error as Error).message.split('\n')[0]})` };
  }
}

export function electronNativeBindingPath(root: string, version: string): string {
  return `${root}/.cache/electron-native/electron-${version}/better_sqlite3.node`;
}
