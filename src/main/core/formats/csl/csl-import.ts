// CSL-JSON text → ParseResult. The scanner validates first (a syntax error is one issue
// at its line and column, and no records), then JSON.parse builds the values, then each
// top-level object is read on its own: a bad record is reported at its line while the
// others are kept.
import type { InputIssue } from '../../../../shared/domain';
import type { ParseResult } from '../types';
import { isObject, type Complain } from './domain-guards';
import { readCslRecord } from './csl-read-record';
import { scanJson, type ScannedRecord } from './json-scan';
import { LineIndex } from '../../text/line-index';
import type { CslParsedRecord } from './sheaf-extension';

export const CSL_JSON_FORMAT = 'csl-json';

export interface CslParseResult extends ParseResult {
  records: CslParsedRecord[];
}

export function parseCslJson(input: string): CslParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const result: CslParseResult = { format: CSL_JSON_FORMAT, records: [], errors: [], warnings: [] };
  const issueAt = (offset: number, message: string, entry?: string): InputIssue => {
    const issue: InputIssue = { ...lines.at(offset), message };
    if (entry !== undefined) issue.entry = entry;
    return issue;
  };

  if (text.trim() === '') {
    result.errors.push(issueAt(0, 'the file is empty: expected a CSL-JSON array of items'));
    return result;
  }
  const scan = scanJson(text);
  if (!scan.ok) {
    result.errors.push(issueAt(scan.offset, `invalid JSON: ${scan.message}`));
    return result;
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    // The scanner accepts exactly JSON; this is only reachable when memory runs out.
    result.errors.push(issueAt(0, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`));
    return result;
  }
  const values = Array.isArray(root) ? (root as unknown[]) : isObject(root) ? [root] : undefined;
  if (!values) {
    result.errors.push(
      issueAt(0, `expected a CSL-JSON array of items (or one item object), found ${kind(root)}`),
    );
    return result;
  }
  values.forEach((value, index) => {
    const span = scan.records[index] ?? { offset: 0, keys: new Map<string, number>() };
    readOne(value, index, span, result, issueAt);
  });
  // Checks run in a fixed order, not in file order; users read issues in file order.
  result.warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

function readOne(
  value: unknown,
  index: number,
  span: ScannedRecord,
  result: CslParseResult,
  issueAt: (offset: number, message: string, entry?: string) => InputIssue,
): void {
  if (!isObject(value)) {
    result.errors.push(issueAt(span.offset, `item ${index + 1} is ${kind(value)}, not an object; skipped`));
    return;
  }
  const entry = entryName(value);
  const complain: Complain = (message, where) => {
    const offset = where === undefined ? span.offset : (span.keys.get(where) ?? span.offset);
    result.warnings.push(issueAt(offset, message, entry));
  };
  try {
    const read = readCslRecord(value, complain);
    const line = issueAt(span.offset, '').line;
    result.records.push(read.meta ? { data: read.data, line, sheaf: read.meta } : { data: read.data, line });
  } catch (error) {
    // A reader bug must cost one record, not the whole import.
    const message = error instanceof Error ? error.message : String(error);
    result.errors.push(issueAt(span.offset, `could not read this item: ${message}`, entry));
  }
}

/** How issues name a record: its id, else its title. */
function entryName(value: Record<string, unknown>): string | undefined {
  const id = Object.hasOwn(value, 'id') ? value.id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return String(id).slice(0, 200);
  const title = Object.hasOwn(value, 'title') ? value.title : undefined;
  return typeof title === 'string' ? title.slice(0, 200) : undefined;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
