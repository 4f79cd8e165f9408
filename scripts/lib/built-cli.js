// Which code `sheaf` runs (ADR 68): the CLI that `npm run build` bundles into out/main, when
// no source it was built from has changed since; otherwise the TypeScript sources through
// tsx, so a checkout works with no build step. tsx compiles every module on each start
// (1.2-1.3 s here before the command runs); the bundle starts in about 0.4 s.
import fs from 'node:fs';
import path from 'node:path';

/** What the CLI bundle is built from: main's code and the shared contract. */
export const CLI_SOURCES = ['src/main', 'src/shared'];
export const CLI_BUNDLE = 'out/main/cli.js';

/**
 * The bundle's path under `root` when it exists and is at least as new as every file under
 * CLI_SOURCES, as make judges a target; undefined otherwise, or when SHEAF_FROM_SOURCE is set.
 */
export function freshCliBundle(root, env = process.env) {
  if (env.SHEAF_FROM_SOURCE) return undefined;
  const bundle = path.join(root, CLI_BUNDLE);
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return undefined;
  }
  for (const folder of CLI_SOURCES) {
    const dir = path.join(root, folder);
    // An install without the sources has only the bundle to run.
    if (!fs.existsSync(dir)) continue;
    // Folders count too: a folder's time moves when a file in it is deleted or renamed.
    for (const name of ['', ...fs.readdirSync(dir, { recursive: true })]) {
      if (changedSince(path.join(dir, name), built)) return undefined;
    }
  }
  return bundle;
}

/** Newer than `time`, or gone while the folder was read (something is changing it). */
function changedSince(file, time) {
  try {
    return fs.statSync(file).mtimeMs > time;
  } catch {
    return true;
  }
}
