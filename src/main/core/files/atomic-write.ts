// An exported file is never half-written: write a temporary file beside it, flush it
// to disk, then rename it over the target (atomic on POSIX and on NTFS). A temporary file
// left by a process that was killed while writing is removed by the next write.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SheafError } from '../errors';

/**
 * `content` whole, or as chunks written one after another: a file too large to be worth
 * holding as one string (a 100k-item .bib is 100 MB) is never joined.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array | Iterable<string>): void {
  const { dir, temp } = tempBeside(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(fd, content);
    else for (const block of utf8Blocks(content)) fs.writeFileSync(fd, block);
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
 * writeFileAtomic for a process that must keep answering: `pieces` are encoded a megabyte
 * at a time, the writes and the flush run off the event loop, and it turns between them.
 */
export async function writeFileAtomicInSlices(target: string, pieces: Iterable<string>): Promise<void> {
  const { dir, temp } = tempBeside(target);
  let file: fs.promises.FileHandle | undefined;
  try {
    file = await fs.promises.open(temp, 'wx', 0o644);
    for (const block of utf8Blocks(pieces, SLICE_BLOCK_BYTES)) {
      for (let done = 0; done < block.length;) done += (await file.write(block, done)).bytesWritten;
    }
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

/** `parts.join(separator) + end` as pieces, never joined (see utf8Blocks). */
export function* interleaved(parts: readonly string[], separator: string, end: string): Generator<string> {
  for (let index = 0; index < parts.length; index++) {
    yield parts[index]!;
    yield index === parts.length - 1 ? end : separator;
  }
}

/** Bytes a block of utf8Blocks holds, for a synchronous write; a sliced one writes less per turn. */
const BLOCK_BYTES = 1 << 22;
const SLICE_BLOCK_BYTES = 1 << 20;

/**
 * The UTF-8 of `pieces` in blocks of at most `blockBytes`, each piece encoded straight into
 * its block: joining 100 MB of entries and then encoding it took 0.76-0.82 s, this 0.07-0.1 s
 * (ADR 70). One buffer is filled again and again (fresh ones cost page faults): a block is
 * only valid until the next is asked for, and a caller that keeps one copies it.
 */
export function* utf8Blocks(pieces: Iterable<string>, blockBytes = BLOCK_BYTES): Generator<Uint8Array> {
  const block = Buffer.allocUnsafe(blockBytes);
  let used = 0;
  for (const piece of pieces) {
    // Three bytes per UTF-16 unit at most (a surrogate pair: four for two).
    if (used + piece.length * 3 > blockBytes) {
      if (used > 0) {
        yield block.subarray(0, used);
        used = 0;
      }
      if (piece.length * 3 > blockBytes) {
        yield Buffer.from(piece, 'utf8');
        continue;
      }
    }
    used += block.write(piece, used, 'utf8');
  }
  if (used > 0) yield block.subarray(0, used);
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
