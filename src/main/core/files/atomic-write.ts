// An exported file is never half-written: write a temporary file beside it, flush it
// to disk, then rename it over the target (atomic on POSIX and on NTFS). A temporary file
// left by a process that was killed while writing is removed by the next write.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SheafError } from '../errors';

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new SheafError(
      'io',
      `Could not write ${target}: ${code ?? (error as Error).message}. The previous file is unchanged.`,
    );
  }
  removeAbandonedTemps(dir, path.basename(target));
}

/** Temporary files of earlier writes of `name` by processes that no longer run. */
function removeAbandonedTemps(dir: string, name: string): void {
  const prefix = `.${name}.`;
  try {
    for (const entry of fs.readdirSync(dir)) {
      if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
      const pid = Number(/^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length))?.[1]);
      if (pid && !isProcessRunning(pid)) fs.rmSync(path.join(dir, entry), { force: true });
    }
  } catch {
    // Tidying up is a courtesy: the file itself has been written.
  }
}

/** True when process `pid` exists (ours, or another user's). */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes a rename in `dir` durable (POSIX); a no-op where directories cannot be opened. */
export function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}
