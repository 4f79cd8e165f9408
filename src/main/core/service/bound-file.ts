// What a bound .bib file holds on disk: the text its entries make, and whether the file's
// bytes already are that text, checked entry by entry without building the text or
// decoding the file (ADR 62).
import fs from 'node:fs';
import { interleaved } from '../files/atomic-write';
import { ENTRY_SEPARATOR } from '../formats/bibtex';

/** A bound file is its entries, a blank line between them, and a final newline. */
const FILE_END = '\n';

export function fileText(parts: readonly string[]): string {
  return parts.length ? parts.join(ENTRY_SEPARATOR) + FILE_END : '';
}

/**
 * Whether `file` (its bytes) is fileText(parts), checked without building that text or
 * decoding the file's; pausing (a bare yield) every 10,000 entries so that a caller can let
 * the event loop turn.
 */
function* checkFile(file: Buffer | undefined, parts: readonly string[]): Generator<void, boolean> {
  if (file === undefined) return false;
  const separator = Buffer.from(ENTRY_SEPARATOR);
  const end = Buffer.from(FILE_END);
  let at = 0;
  for (let index = 0; index < parts.length; index++) {
    if (index % 10_000 === 9_999) yield;
    const part = Buffer.from(parts[index]!);
    const after = index === parts.length - 1 ? end : separator;
    const next = at + part.length + after.length;
    if (
      next > file.length ||
      !file.subarray(at, at + part.length).equals(part) ||
      !file.subarray(at + part.length, next).equals(after)
    )
      return false;
    at = next;
  }
  return at === file.length;
}

export function fileHolds(file: Buffer | undefined, parts: readonly string[]): boolean {
  const steps = checkFile(file, parts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function fileHoldsInSlices(
  file: Buffer | undefined,
  parts: readonly string[],
): Promise<boolean> {
  const steps = checkFile(file, parts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** fileText(parts) as pieces, for writeFileAtomicInSlices (never joined). */
export function fileChunks(parts: readonly string[]): Iterable<string> {
  return interleaved(parts, ENTRY_SEPARATOR, FILE_END);
}

export function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** readIfPresent off the event loop: one read of the whole file (readFile reads 512 KB at a time). */
export async function readIfPresentAsync(file: string): Promise<Buffer | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const bytes = Buffer.allocUnsafe((await handle.stat()).size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
