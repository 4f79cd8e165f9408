// `npm start`: the desktop app on the default library (or --library PATH / SHEAF_LIBRARY).
// Gets Electron, builds better-sqlite3 for it beside node_modules, builds, launches.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, ElectronUnavailable, ensureNativeBinding, root } from './lib/electron-native.js';

let binary;
try {
  binary = electronBinary();
} catch (error) {
  if (!(error instanceof ElectronUnavailable)) throw error;
  console.error(
    `\n${error.message}\n\n` +
      'Sheaf runs on this machine in your browser instead:\n\n    npm run serve\n\n' +
      'It serves the same app on 127.0.0.1 and prints the address to open.\n',
  );
  process.exit(1);
}

const nativeBinding = ensureNativeBinding(binary);
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(binary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SHEAF_NATIVE_BINDING: nativeBinding },
});
app.on('exit', (code) => process.exit(code ?? 0));
