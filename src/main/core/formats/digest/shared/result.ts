// Building ParseResults: the checks every digest parser runs before looking at structure
// (empty input, binary data), and issue helpers so messages always carry a position.
import type { InputIssue } from '../../../../../shared/domain';
import type { ParseResult } from '../../types';

export function issue(line: number, column: number, message: string, entry?: string): InputIssue {
  return entry === undefined ? { line, column, message } : { line, column, message, entry };
}

export function emptyResult(format: string): ParseResult {
  return { format, records: [], errors: [], warnings: [] };
}

/** A result that holds nothing but one error, for input that cannot be read at all. */
export function failedResult(format: string, problem: InputIssue): ParseResult {
  return { ...emptyResult(format), errors: [problem] };
}

/**
 * Refuses input no digest parser can use, before any parser spends time on it:
 * nothing but whitespace, or text full of control characters (a binary file read as text).
 */
export function checkReadable(text: string): InputIssue | undefined {
  if (!/\S/.test(text)) {
    return issue(1, 1, 'The input is empty: paste a digest or choose a file that contains one.');
  }
  const sample = Math.min(text.length, 65536);
  // Most text has no control character at all: let the regex engine find that out fast.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/[\x00-\x08\x0b\x0e-\x1f]/.test(text.slice(0, sample))) return undefined;
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32 || code === 9 || code === 10 || code === 13 || code === 12) continue;
    controls++;
    if (code === 0 || (controls > 8 && controls > sample / 100)) {
      const before = text.slice(0, i).split(/\r\n|\r|\n/);
      return issue(
        before.length,
        before[before.length - 1]!.length + 1,
        'This looks like binary data, not text. Open the digest as text (or paste it) and try again.',
      );
    }
  }
  return undefined;
}
