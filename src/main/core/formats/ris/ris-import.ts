// RIS text → ParseResult: lex into records, read each record's standard tags, then apply
// its Sheaf line (if Sheaf wrote the file). Problems are positioned at the record or tag.
import type { InputIssue } from '../../../../shared/domain';
import type { ParseResult } from '../types';
import { lexRis, type RisRawRecord } from './ris-lexer';
import { readRisRecord } from './ris-read-record';
import { applySheafLine, isSheafLine, SHEAF_TAG } from './sheaf-line';

export const RIS_FORMAT = 'ris';

export function parseRis(text: string): ParseResult {
  const lexed = lexRis(text);
  const result: ParseResult = {
    format: RIS_FORMAT,
    records: [],
    errors: lexed.errors,
    warnings: lexed.warnings,
  };
  for (const raw of lexed.records) {
    const entry = raw.entries.find((candidate) => candidate.tag === 'ID' || candidate.tag === 'TI')?.value;
    const issue = (message: string, line: number): InputIssue => {
      const found: InputIssue = { line, column: 1, message };
      if (entry !== undefined) found.entry = entry.slice(0, 200);
      return found;
    };
    try {
      const { standard, sheafLines } = splitSheafLines(raw);
      if (standard.entries.length === 0 && sheafLines.length === 0) {
        result.errors.push(issue('empty record: a TY line and nothing else; skipped', raw.line));
        continue;
      }
      const data = readRisRecord(standard, (message, line) => result.warnings.push(issue(message, line)));
      for (const sheaf of sheafLines) {
        applySheafLine(data, sheaf.value, (message) => result.warnings.push(issue(message, sheaf.line)));
      }
      result.records.push({ data, line: raw.line });
    } catch (error) {
      // A reader bug must cost one record, not the whole import.
      const message = error instanceof Error ? error.message : String(error);
      result.errors.push(issue(`could not read this record: ${message}`, raw.line));
    }
  }
  if (result.records.length === 0 && result.errors.length === 0) {
    result.errors.push({
      line: 1,
      column: 1,
      message: 'no RIS records in this file (a record starts with "TY  - ")',
    });
  }
  // Lexer and reader issues interleave; users read them in file order.
  result.errors.sort((a, b) => a.line - b.line);
  result.warnings.sort((a, b) => a.line - b.line);
  return result;
}

function splitSheafLines(raw: RisRawRecord) {
  const isSheaf = (tag: string, value: string) => tag === SHEAF_TAG && isSheafLine(value);
  return {
    standard: { ...raw, entries: raw.entries.filter((entry) => !isSheaf(entry.tag, entry.value)) },
    sheafLines: raw.entries.filter((entry) => isSheaf(entry.tag, entry.value)),
  };
}
