// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/ without touching
// node_modules (ADR 0001): a copy of the package is rebuilt with Electron's headers and
// the result is checked by loading it inside Electron itself.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '../..');

export class ElectronUnavailable extends Error {}

/** The Electron binary, downloading it if the package's install step never ran. */
export function electronBinary() {
  try {
    return require('electron');
  } catch {
    const install = path.join(root, 'node_modules/electron/install.js');
    if (fs.existsSync(install)) {
      const result = spawnSync(process.execPath, [install], { cwd: root, stdio: 'inherit' });
      if (result.status === 0) {
        try {
          return require('electron');
        } catch {
          // fall through
        }
      }
    }
    throw new ElectronUnavailable(
      'The Electron binary is not installed and could not be downloaded on this machine.',
    );
  }
}

export function electronVersion() {
  return require('electron/package.json').version;
}

export function nativeBindingPath(version = electronVersion()) {
  return path.join(root, '.cache/electron-native', `electron-${version}`, 'better_sqlite3.node');
}

/** Environment for node-gyp with npm's nodedir (Node's headers) removed: Electron's must win. */
function gypEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  return env;
}

export function ensureNativeBinding(binary, version = electronVersion()) {
  const target = nativeBindingPath(version);
  if (fs.existsSync(target) && loadsInElectron(binary, target)) return target;
  const work = path.join(root, '.cache/electron-native', `build-${version}`, 'better-sqlite3');
  fs.rmSync(path.dirname(work), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  const env = gypEnv();
  const prebuilt = spawnSync(
    process.execPath,
    [
      require.resolve('prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      version,
      '--arch',
      process.arch,
    ],
    { cwd: work, env, stdio: 'inherit' },
  );
  if (prebuilt.status !== 0) {
    console.log('No prebuilt binary for this Electron; compiling better-sqlite3 against Electron headers...');
    execFileSync(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, env, stdio: 'inherit' },
    );
  }
  const built = path.join(work, 'build/Release/better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`The Electron build of better-sqlite3 did not produce ${built}`);
  if (!loadsInElectron(binary, built)) {
    throw new Error(
      'The Electron build of better-sqlite3 does not load in Electron (wrong ABI); not using it.',
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  return target;
}

/** Loads the addon inside Electron (as Node): the only proof its ABI is right. */
function loadsInElectron(binary, addon) {
  const result = spawnSync(binary, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(addon)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
  });
  return result.status === 0;
}
