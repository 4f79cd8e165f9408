// An exported file is never half-written: write a temporary file beside it, flush it
// to disk, then rename it over the target (atomic on POSIX and on NTFS).
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
}

/** Makes the rename itself durable (POSIX); a no-op where directories cannot be opened. */
function syncDirectory(dir: string): void {
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
