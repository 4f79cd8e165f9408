// arXiv's daily listing mails ("Submissions to: Computation and Language ..."): a header,
// then entries opened by a line "\\" and an "arXiv:<id>" line, in three sections (new
// submissions; cross-listings after a "%%--%%--" line; replacements after "%%%---%%%---").
// Each entry becomes one record; replacements, which carry no abstract, are imported with
// a warning so the listing is complete.
import type { ImportFormat, ImportOptions, ParsedDigest, ParseResult } from '../../types';
import { toPartialIsoDate } from '../shared/dates';
import { checkReadable, emptyResult, failedResult, issue } from '../shared/result';
import { collapseWhitespace, splitLines, stripBom } from '../shared/text';
import { entryData, type RawEntry, type Section } from './entry';

export const ARXIV_EMAIL = 'arxiv-email';

export const arxivEmailFormat: ImportFormat = {
  id: ARXIV_EMAIL,
  label: 'arXiv listing email',
  extensions: ['eml', 'txt'],
  detect: detectArxivEmail,
  parse: parseArxivEmail,
};

const ENTRY_START = /^\\\\\s*\r?\n\s*arXiv:\S+/m;

function detectArxivEmail(text: string): number {
  const head = text.slice(0, 32768);
  if (ENTRY_START.test(head)) return 0.95;
  return /Submissions to:/i.test(head) && /arxiv/i.test(head) ? 0.6 : 0;
}

const SEPARATOR = /^-{20,}\s*$/;
const CROSS_SECTION = /^%%--%%--/;
const REPLACE_SECTION = /^%%%---%%%---/;
const TRAILER = /^\\\\\s*\(\s*(\S+?)\s*,\s*([^)]*?)\s*\)\s*$/;

function isBackslashes(line: string | undefined): boolean {
  return line !== undefined && line.trim() === '\\\\';
}

export function parseArxivEmail(input: string, _options?: ImportOptions): ParseResult {
  const unreadable = checkReadable(input);
  if (unreadable) return failedResult(ARXIV_EMAIL, unreadable);
  const lines = splitLines(stripBom(input));
  const result = emptyResult(ARXIV_EMAIL);
  let section: Section = 'new';
  let entries = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CROSS_SECTION.test(line)) section = 'cross';
    else if (REPLACE_SECTION.test(line)) section = 'replace';
    if (!isEntryStart(lines, i)) continue;
    const { entry, next, unclosed } = readEntry(lines, i + 1, section);
    entries++;
    i = next - 1;
    const outcome = entryData(entry);
    if ('problem' in outcome) {
      result.errors.push(
        issue(entry.line, 1, `This entry was skipped: ${outcome.problem}.`, entry.idLine.trim()),
      );
      continue;
    }
    result.records.push({ data: outcome.data, line: entry.line });
    const label = outcome.data.title;
    if (!outcome.data.abstract) {
      const why = outcome.announceType.startsWith('replace')
        ? 'a replaced version is listed without abstract'
        : 'the entry has no abstract';
      result.warnings.push(issue(entry.line, 1, `Imported without an abstract: ${why}.`, label));
    }
    if (unclosed) {
      result.warnings.push(
        issue(
          entry.line,
          1,
          'This entry has no closing "\\\\ ( https://arxiv.org/abs/... )" line; check its abstract.',
          label,
        ),
      );
    }
  }
  if (entries === 0) {
    result.errors.push(
      issue(1, 1, 'No arXiv entries found: each entry starts with a line "\\\\" followed by "arXiv:<id>".'),
    );
  }
  result.digest = mailDigest(lines, result);
  return result;
}

function isEntryStart(lines: readonly string[], i: number): boolean {
  return isBackslashes(lines[i]) && /^\s*arXiv:\S/.test(lines[i + 1] ?? '');
}

/** Reads from the "arXiv:" line to the trailer (or to whatever clearly ends the entry). */
function readEntry(
  lines: readonly string[],
  start: number,
  section: Section,
): { entry: RawEntry; next: number; unclosed: boolean } {
  const entry: RawEntry = {
    idLine: lines[start]!.trim().slice('arXiv:'.length),
    line: start + 1,
    metadata: [],
    section,
  };
  let i = start + 1;
  const ends = (at: number): boolean =>
    at >= lines.length ||
    SEPARATOR.test(lines[at]!) ||
    CROSS_SECTION.test(lines[at]!) ||
    REPLACE_SECTION.test(lines[at]!) ||
    isEntryStart(lines, at);
  for (; !ends(i); i++) {
    const line = lines[i]!;
    const trailer = TRAILER.exec(line.trim());
    if (trailer) return closed(entry, trailer, i);
    if (isBackslashes(line)) {
      i++;
      break;
    }
    entry.metadata.push(line);
  }
  const abstract: string[] = [];
  for (; !ends(i); i++) {
    const line = lines[i]!;
    const trailer = TRAILER.exec(line.trim());
    if (trailer) {
      if (abstract.length > 0) entry.abstract = abstract;
      return closed(entry, trailer, i);
    }
    abstract.push(line);
  }
  if (abstract.some((line) => line.trim())) entry.abstract = abstract;
  return { entry, next: i, unclosed: true };
}

function closed(
  entry: RawEntry,
  trailer: RegExpExecArray,
  at: number,
): { entry: RawEntry; next: number; unclosed: boolean } {
  entry.trailerUrl = trailer[1]!;
  if (trailer[2]) entry.trailerSize = trailer[2];
  return { entry, next: at + 1, unclosed: false };
}

/**
 * "Submissions to:" and the category names after it give the title; the end of the
 * "received from ... to ..." window gives the date. A mail without that header is dated by
 * its latest entry (marked inferred).
 */
function mailDigest(lines: readonly string[], result: ParseResult): ParsedDigest {
  const digest: ParsedDigest = { source: ARXIV_EMAIL };
  const limit = Math.min(lines.length, 200);
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!.trim();
    if (isBackslashes(line)) break;
    const submissions = /^Submissions to:\s*(.*)$/i.exec(line);
    if (submissions) {
      const names = [submissions[1]!];
      for (
        let j = i + 1;
        j < limit && !/^received from/i.test(lines[j]!.trim()) && !SEPARATOR.test(lines[j]!);
        j++
      ) {
        names.push(lines[j]!.trim());
      }
      const categories = collapseWhitespace(names.join(' '));
      if (categories) digest.title = `arXiv: ${categories}`;
    }
    const window = /^received from\s+(.+?)\s+to\s+(.+)$/i.exec(line);
    const date = window ? toPartialIsoDate(window[2]) : undefined;
    if (date) {
      digest.date = date;
      digest.dateInferred = false;
    }
  }
  if (!digest.date) {
    const latest = result.records
      .map((record) => record.data.date ?? '')
      .reduce((a, b) => (b > a ? b : a), '');
    if (latest) {
      digest.date = latest;
      digest.dateInferred = true;
    }
  }
  return digest;
}
