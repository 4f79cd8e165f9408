// Root may write any file, so a test about a file the user may not write runs its child
// process without root's power over file permissions: still root (so it reads the
// checkout wherever it was cloned, even in a private temporary folder), but without the
// capabilities that bypass permission checks (setpriv, from util-linux).
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';

const DROP_FILE_POWERS = ['--bounding-set=-dac_override,-dac_read_search'];

export function spawnWithoutRoot(
  command: string,
  args: string[],
  options: SpawnSyncOptionsWithStringEncoding,
) {
  if (process.getuid?.() !== 0) return spawnSync(command, args, options);
  return spawnSync('setpriv', [...DROP_FILE_POWERS, command, ...args], options);
}
