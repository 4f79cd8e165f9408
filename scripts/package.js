// `npm run package`: an installable desktop app for this platform (electron-builder),
// with the Electron build of better-sqlite3 shipped as a resource (never rebuilt in place).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, ElectronUnavailable, ensureNativeBinding, root } from './lib/electron-native.js';

let binary;
try {
  binary = electronBinary();
} catch (error) {
  if (!(error instanceof ElectronUnavailable)) throw error;
  console.error(
    `\n${error.message}\nPackaging the desktop app needs Electron; on this machine use \`npm run serve\`.\n`,
  );
  process.exit(1);
}
const nativeBinding = ensureNativeBinding(binary);
const run = (file, args) => {
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), ['build']);
run(path.join(root, 'node_modules/electron-builder/cli.js'), [
  '--config',
  'electron-builder.config.cjs',
  `--config.extraResources=${JSON.stringify([{ from: nativeBinding, to: 'native/better_sqlite3.node' }])}`,
]);
