// UTF-8 text with a few bytes that are not UTF-8: a file saved as UTF-8 into which someone
// pasted a line from a Latin-1 source. Read as a legacy encoding, every one of its UTF-8
// characters would come out garbled; read as UTF-8 with each stray byte taken as
// Windows-1252 (the commonest legacy encoding), only the stray bytes are guessed, and each
// is reported where it is.
import type { InputIssue } from '../../../shared/domain';
import { LineIndex } from '../text/line-index';

export interface StrayByte {
  /** Offset in the decoded text. */
  offset: number;
  byte: number;
}

/** Windows-1252 at 0x80-0x9F; the bytes it leaves undefined stay as their C1 code points. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * The text of `bytes` read as UTF-8 with stray bytes, when it is that: it holds valid
 * multi-byte UTF-8 sequences, at least as many as bytes that are not UTF-8. Undefined
 * otherwise (a legacy encoding is likelier).
 */
export function utf8WithStrays(bytes: Uint8Array): { text: string; strays: StrayByte[] } | undefined {
  // Counted first: a legacy file has a stray at every other byte, and building its text
  // only to drop it took seconds for 15 MB of GBK.
  if (!mostlyUtf8(bytes)) return undefined;
  const pieces: string[] = [];
  const strays: StrayByte[] = [];
  let textLength = 0;
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) {
      const run = Buffer.from(bytes.buffer, bytes.byteOffset + runStart, end - runStart).toString('utf8');
      pieces.push(run);
      textLength += run.length;
    }
  };
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    flushRun(i);
    const byte = bytes[i]!;
    strays.push({ offset: textLength, byte });
    const char = byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
    pieces.push(char);
    textLength += char.length;
    i++;
    runStart = i;
  }
  flushRun(bytes.length);
  return { text: pieces.join(''), strays };
}

/** Valid multi-byte UTF-8 sequences, and at least as many of them as bytes that are not UTF-8. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let sequences = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) strays++;
    else if (length > 1) sequences++;
    i += Math.max(length, 1);
  }
  return sequences > 0 && strays <= sequences;
}

/** Length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    // No overlong forms (E0 80-9F) and no surrogates (ED A0-BF).
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** Warnings at offsets of `text` (ascending), each at its line and column. */
export function issuesAt(text: string, points: readonly { offset: number; message: string }[]): InputIssue[] {
  const lines = new LineIndex(text);
  return points.map(({ offset, message }) => ({
    line: lines.line(offset),
    column: lines.column(offset),
    message,
  }));
}

/** One warning per stray byte, at its line and column in `text`. */
export function strayIssues(text: string, strays: readonly StrayByte[]): InputIssue[] {
  return issuesAt(
    text,
    strays.map(({ offset, byte }) => ({
      offset,
      message: `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8, as the rest of the file is: read as Windows-1252 "${text[offset]}"`,
    })),
  );
}
