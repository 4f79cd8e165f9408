// Synthetic libraries for benchmarks, built once and cached under bench/.cache (they
// take minutes at a million items); a change of generator or schema builds new ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { buildSyntheticLibrary } from './synthetic';

const GENERATOR_VERSION = 1;
const cacheDir = path.resolve(import.meta.dirname, '../.cache');

export function cachedLibraryPath(count: number): string {
  return path.join(cacheDir, `synthetic-${count}-g${GENERATOR_VERSION}-s${SCHEMA_VERSION}.sqlite`);
}

export async function syntheticLibrary(
  count: number,
  log: (message: string) => void = console.log,
): Promise<string> {
  const file = cachedLibraryPath(count);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
  log(`building a ${count.toLocaleString('en')}-item synthetic library (cached in bench/.cache)...`);
  const started = performance.now();
  await buildSyntheticLibrary(building, count, {
    onProgress: (done) =>
      log(`  ${done.toLocaleString('en')} items, ${((performance.now() - started) / 1000).toFixed(0)} s`),
  });
  fs.renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
  return file;
}

/**
 * `run` on a copy of the synthetic library of `count` items (`file`, in a temporary folder
 * `dir` of its own, removed after), so that no benchmark changes the cached one.
 */
export async function onSyntheticCopy<T>(
  count: number,
  run: (file: string, dir: string) => Promise<T> | T,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-bench-copy-'));
  try {
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(await syntheticLibrary(count), file);
    return await run(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
