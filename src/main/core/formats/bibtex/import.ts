// BibTeX/BibLaTeX text → ParseResult: scan, resolve crossref/xdata, make keys unique, map
// each entry onto ItemData, and turn offsets into line/column issues.
import type { InputIssue } from '../../../../shared/domain';
import { decodeBytes, warnOfDecoding } from '../encoding';
import type { ParsedRecord, ParseResult } from '../types';
import { CitekeyAssigner } from './convert/citekeys';
import { InheritanceResolver } from './convert/inheritance';
import { BIBTEX_FORMAT, entryToItem, type SourceField } from './convert/to-item';
import type { RawEntry, RawIssue } from './parse/ast';
import { fieldRaw, fieldValue } from './parse/ast';
import { parseBib } from './parse/parser';
import { LineIndex } from '../../text/line-index';

export function parseBibtex(text: string): ParseResult {
  const bib = parseBib(text);
  const lines = new LineIndex(text);
  const toIssue = (issue: RawIssue): InputIssue => ({
    line: lines.line(issue.offset),
    column: lines.column(issue.offset),
    message: issue.message,
    ...(issue.entry !== undefined ? { entry: issue.entry } : {}),
  });
  const errors = bib.errors.map(toIssue);
  const warnings = bib.warnings.map(toIssue);
  const inheritance = new InheritanceResolver(text, bib.entries);
  const keys = new CitekeyAssigner();
  const records: ParsedRecord[] = [];

  for (const entry of bib.entries) {
    const line = lines.line(entry.offset);
    const fields = ownFields(text, entry, (offset, message) =>
      warnings.push(toIssue({ offset, message, entry: entry.key || `@${entry.type}` })),
    );
    for (const inherited of inheritance.inherited(entry)) {
      fields.push({ name: inherited.name, raw: '', latex: inherited.latex });
    }
    const data = entryToItem({ type: entry.type, key: entry.key, citekey: '', fields });
    const assignment = keys.assign(entry.key, line, data);
    data.citekey = assignment.citekey;
    if (assignment.warning) {
      warnings.push({
        line,
        column: lines.column(entry.offset),
        message: assignment.warning,
        entry: entry.key,
      });
    }
    records.push({ data, line });
  }
  for (const problem of inheritance.problems) {
    warnings.push(
      toIssue({ offset: problem.entry.offset, message: problem.message, entry: problem.entry.key }),
    );
  }
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);

  return {
    format: BIBTEX_FORMAT,
    records,
    errors,
    warnings,
    preambles: bib.preambles,
    comments: bib.comments,
    strings: bib.strings,
  };
}

/** Decodes bytes (BOM, UTF-8, declared or guessed legacy encoding) and parses. */
export function parseBibtexBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeBytes(bytes);
  const result = parseBibtex(decoded.text);
  warnOfDecoding(result.warnings, decoded);
  return { ...result, encoding: decoded.encoding };
}

/** An entry's fields with unique names: BibTeX keeps the first of a repeated field. */
function ownFields(
  text: string,
  entry: RawEntry,
  warn: (offset: number, message: string) => void,
): SourceField[] {
  const fields: SourceField[] = [];
  const seen = new Set<string>();
  for (const field of entry.fields) {
    if (seen.has(field.name)) {
      warn(field.offset, `field "${field.name}" appears twice; the first value is kept`);
      continue;
    }
    seen.add(field.name);
    fields.push({ name: field.name, raw: fieldRaw(text, field), latex: fieldValue(text, field) });
  }
  return fields;
}
