// Where the Electron-ABI build of better-sqlite3 lives (ADR 0001). Tests, the CLI and the
// browser mode load the normal Node build from node_modules; the desktop app loads this
// one through better-sqlite3's `nativeBinding` option, so neither build replaces the other.
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(
  resourcesPath: string,
  appPath: string,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const candidates = [
    env.SHEAF_NATIVE_BINDING,
    path.join(resourcesPath, 'native', 'better_sqlite3.node'),
    path.join(
      appPath,
      '.cache',
      'electron-native',
      `electron-${process.versions.electron}`,
      'better_sqlite3.node',
    ),
  ];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate!));
}
