// An exported file is never half-written: write a temporary file beside it, flush it
// to disk, then rename it over the target (atomic on POSIX and on NTFS). A temporary file
// left by a process that was killed while writing is removed by the next write.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SheafError } from '../errors';

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const { dir, temp } = tempBeside(target);
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
    throw writeFailure(target, error);
  }
  removeAbandonedTemps(dir, path.basename(target));
}

/**
 * writeFileAtomic for a process that must keep answering: `chunks` are encoded and written
 * one at a time, the writes and the flush run off the event loop, and it turns between
 * them. Chunks of a megabyte or so keep each turn short.
 */
export async function writeFileAtomicInSlices(target: string, chunks: Iterable<string>): Promise<void> {
  const { dir, temp } = tempBeside(target);
  let file: fs.promises.FileHandle | undefined;
  try {
    file = await fs.promises.open(temp, 'wx', 0o644);
    for (const chunk of chunks) if (chunk) await file.write(chunk);
    await file.sync();
    await file.close();
    file = undefined;
    await fs.promises.rename(temp, target);
    syncDirectory(dir);
  } catch (error) {
    await file?.close().catch(() => undefined);
    fs.rmSync(temp, { force: true });
    throw writeFailure(target, error);
  }
  removeAbandonedTemps(dir, path.basename(target));
}

/** The pieces of `parts.join(separator) + end`, joined a megabyte or so at a time. */
export function* joinedChunks(
  parts: readonly string[],
  separator: string,
  end: string,
  chunkChars = 1 << 20,
): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (let index = 0; index < parts.length; index++) {
    batch.push(parts[index]!);
    size += parts[index]!.length + separator.length;
    if (size >= chunkChars || index === parts.length - 1) {
      yield batch.join(separator) + (index === parts.length - 1 ? end : separator);
      batch = [];
      size = 0;
    }
  }
}

/** `text` a megabyte or so at a time, never cutting a surrogate pair (each chunk is encoded alone). */
export function* textChunks(text: string, chunkChars = 1 << 20): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + chunkChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}

/** A temporary file beside `target`, named by this process (see removeAbandonedTemps). */
function tempBeside(target: string): { dir: string; temp: string } {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  return { dir, temp };
}

function writeFailure(target: string, error: unknown): SheafError {
  const code = (error as NodeJS.ErrnoException).code;
  return new SheafError(
    'io',
    `Could not write ${target}: ${code ?? (error as Error).message}. The previous file is unchanged.`,
  );
}

/** Temporary files of earlier writes of `name` by processes that no longer run. */
function removeAbandonedTemps(dir: string, name: string): void {
  const prefix = `.${name}.`;
  removeFilesOfEndedProcesses(dir, (entry) =>
    entry.startsWith(prefix) && entry.endsWith('.tmp')
      ? Number(/^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length))?.[1])
      : undefined,
  );
}

/**
 * Removes the files in `dir` whose names `ownerOf` reads a process id from, when that
 * process no longer runs: what a killed process left half-made. Tidying up is a courtesy,
 * so an unreadable directory or a file that will not go is passed over.
 */
export function removeFilesOfEndedProcesses(
  dir: string,
  ownerOf: (name: string) => number | undefined,
): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = ownerOf(name);
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0 || isProcessRunning(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // Another process's file, or one being removed meanwhile.
    }
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
