// RIS text → raw records of (tag, value, line). A record runs from `TY  - ` to `ER  - `;
// a line without a tag continues the previous value (joined with a newline, blank lines
// kept as paragraph breaks). Text between records is reported once per run, with its
// line, and never costs the records around it. Linear: one pass over the lines.
import type { InputIssue } from '../../../../shared/domain';

export interface RisEntry {
  tag: string;
  value: string;
  /** 1-based line of the tag. */
  line: number;
}

export interface RisRawRecord {
  /** Line of the TY tag. */
  line: number;
  /** The TY value as written. */
  type: string;
  /** Every tag after TY, in file order (ER excluded). */
  entries: RisEntry[];
}

export interface RisLexResult {
  records: RisRawRecord[];
  errors: InputIssue[];
  warnings: InputIssue[];
}

/**
 * "XX  - value": two characters (letter, then letter or digit), spaces, hyphen. The `s`
 * flag lets the value hold U+2028/U+2029, which `.` would otherwise refuse.
 */
export const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/s;
const LINE_BREAK = /\r\n|\r|\n/;

export function lexRis(input: string): RisLexResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const result: RisLexResult = { records: [], errors: [], warnings: [] };
  let record: RisRawRecord | undefined;
  let last: RisEntry | undefined;
  let blankLines = 0;
  // A run of lines outside any record, reported as one error when the run ends.
  let stray: { line: number; lastLine: number; count: number; first: string } | undefined;

  const flushStray = (): void => {
    if (!stray) return;
    const { line, lastLine, count, first } = stray;
    const tag = TAG_LINE.exec(first)?.[1];
    const isTag = tag !== undefined && tag !== 'ER';
    const what = isTag ? `tag ${tag} outside a record` : 'text outside a RIS record';
    const extent = count > 1 ? ` (${count} lines, up to line ${lastLine})` : '';
    const hint = isTag ? 'a record starts with "TY  - "' : 'records run from "TY  - " to "ER  - "';
    result.errors.push({ line, column: 1, message: `${what}${extent}; ignored (${hint})` });
    stray = undefined;
  };
  const close = (endLine: number, ended: boolean): void => {
    if (!record) return;
    if (!ended) {
      result.warnings.push({
        line: record.line,
        column: 1,
        message: `record has no "ER  - " line; it was ended at line ${endLine}`,
      });
    }
    result.records.push(record);
    record = undefined;
    last = undefined;
  };

  const lines = text.split(LINE_BREAK);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const tagged = TAG_LINE.exec(line);
    const tag = tagged?.[1];
    const value = (tagged?.[2] ?? '').trim();
    if (tag === 'TY') {
      flushStray();
      close(lineNumber - 1, false);
      record = { line: lineNumber, type: value, entries: [] };
      return;
    }
    if (!record) {
      if (line.trim() === '') return;
      // A stray tag gets its own message, so it starts a run of its own.
      if (stray && (tag !== undefined) !== TAG_LINE.test(stray.first)) flushStray();
      stray ??= { line: lineNumber, lastLine: lineNumber, count: 0, first: line.slice(0, 80) };
      stray.count++;
      stray.lastLine = lineNumber;
      return;
    }
    if (tag === 'ER') return close(lineNumber, true);
    if (tag) {
      last = { tag, value, line: lineNumber };
      record.entries.push(last);
      blankLines = 0;
      return;
    }
    const continuation = line.trim();
    if (continuation === '') {
      blankLines++;
    } else if (last) {
      last.value =
        last.value === '' ? continuation : `${last.value}${'\n'.repeat(blankLines + 1)}${continuation}`;
      blankLines = 0;
    } else {
      // Text right after TY: part of the type line, as a wrapped value would be.
      record.type = `${record.type} ${continuation}`.trim();
    }
  });
  flushStray();
  close(lines.length, false);
  return result;
}
