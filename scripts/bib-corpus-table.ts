// The BibTeX corpus table: for each of the 40 files in shared/corpus/bibtex, what Sheaf
// imports and whether its exports pass the real consumers, in full (no sampling; biber
// takes a few minutes on the two largest files). Run: npx tsx scripts/bib-corpus-table.ts
// Exits non-zero if any row fails.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { exportBib, parseBibtex, parseBibtexBytes } from '../src/main/core/formats/bibtex';
import { entryTypeFor, itemTypeOf, type Dialect } from '../src/main/core/formats/bibtex/convert/entry-types';
import type { ParseResult } from '../src/main/core/formats/types';
import { corpusFiles } from '../test/main/core/formats/bibtex/support/corpus';
import { missingTool, runBiber, runBibtex } from '../test/main/core/formats/bibtex/support/consumers';
import { comparable, toExportItems } from '../test/main/core/formats/bibtex/support/items';

interface Row {
  file: string;
  encoding: string;
  expected: number;
  imported: number;
  errors: number;
  warnings: number;
  roundTrip: boolean;
  bibtex: string;
  biber: string;
}

async function main(): Promise<void> {
  const noBibtex = missingTool('bibtex');
  const noBiber = missingTool('biber');
  const rows: Row[] = [];
  const biberJobs: (() => Promise<void>)[] = [];
  for (const file of corpusFiles()) {
    const result = parseBibtexBytes(readFileSync(file.path));
    const broken = new Set(result.errors.map((error) => `${error.entry}@${error.line}`)).size;
    const row: Row = {
      file: file.name,
      encoding: result.encoding ?? '?',
      expected: file.entries,
      imported: result.records.length,
      errors: broken,
      warnings: result.warnings.length,
      roundTrip: roundTrips(result, 'bibtex') && roundTrips(result, 'biblatex'),
      bibtex: noBibtex ? 'skipped' : bibtexVerdict(result, file.path),
      biber: noBiber ? 'skipped' : 'pending',
    };
    rows.push(row);
    if (!noBiber) {
      const bib = exportBib(toExportItems(result), 'biblatex', { blocks: result });
      biberJobs.push(async () => {
        row.biber = await biberVerdict(bib, file.path);
      });
    }
  }
  await runTwoAtATime(biberJobs);
  print(rows);
  const failed = rows.filter((row) => !passes(row));
  if (failed.length > 0) {
    console.error(`\n${failed.length} row(s) failed: ${failed.map((row) => row.file).join(', ')}`);
    process.exitCode = 1;
  } else console.log(`\nall ${rows.length} rows pass`);
}

function passes(row: Row): boolean {
  const counted = row.imported + row.errors === row.expected;
  return counted && row.roundTrip && !row.bibtex.startsWith('FAIL') && !row.biber.startsWith('FAIL');
}

function roundTrips(first: ParseResult, dialect: Dialect): boolean {
  const second = parseBibtex(exportBib(toExportItems(first), dialect, { blocks: first }));
  if (second.errors.length > 0 || second.records.length !== first.records.length) return false;
  const again = new Map(second.records.map((record) => [record.data.citekey, record.data]));
  return first.records.every(({ data }) => {
    const type = itemTypeOf(entryTypeFor(data.type, dialect, data.origin?.entryType, undefined));
    const after = again.get(data.citekey!);
    if (!after || !isDeepStrictEqual(comparable(after), { ...comparable(data), type })) return false;
    // Raw values come back byte for byte in biblatex; a BibTeX export rewrites biblatex-only
    // syntax (extended names) that bibtex cannot read (ADR 0011).
    if (dialect === 'bibtex') return true;
    const rawsAfter = new Set(Object.values(after.origin?.fields ?? {}).map((field) => field.raw));
    return Object.values(data.origin?.fields ?? {}).every(
      (field) => field.raw === '' || rawsAfter.has(field.raw),
    );
  });
}

/** bibtex with plain and plainnat; errors it also reports on the source file are the data's. */
function bibtexVerdict(result: ParseResult, sourcePath: string): string {
  const bib = exportBib(toExportItems(result), 'bibtex', { blocks: result });
  let inherited = 0;
  for (const style of ['plain', 'plainnat'] as const) {
    const report = runBibtex(bib, style);
    if (report.errors.length === 0) continue;
    const source = new Set(runBibtex(readFileSync(sourcePath), style).errors.map(withoutLine));
    const own = report.errors.filter((error) => !source.has(withoutLine(error)));
    if (own.length > 0) return `FAIL ${style}: ${own[0]}`;
    inherited += report.errors.length;
  }
  return inherited > 0 ? `ok (${inherited} errors also in source)` : 'ok';
}

function withoutLine(error: string): string {
  return error.replace(/---line \d+ of file \S+/g, '').trim();
}

async function biberVerdict(bib: string, sourcePath: string): Promise<string> {
  const errors = await biberErrors(bib);
  if (errors.length === 0) return 'ok';
  const source = new Set(await biberErrors(readFileSync(sourcePath)));
  const own = errors.filter((error) => !source.has(error));
  return own.length > 0 ? `FAIL: ${own[0]}` : `ok (${errors.length} errors also in source)`;
}

async function biberErrors(bib: string | Buffer): Promise<string[]> {
  return (await runBiber(bib)).errors;
}

/** biber is single-threaded and slow: two at a time on the two cores. */
async function runTwoAtATime(jobs: (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  };
  await Promise.all([worker(), worker()]);
}

function print(rows: Row[]): void {
  const header = [
    'file',
    'encoding',
    'entries (SOURCES)',
    'imported',
    'errors reported',
    'warnings',
    'round trip',
    'bibtex',
    'biber',
  ];
  const lines = rows.map((row) => [
    row.file,
    row.encoding,
    String(row.expected),
    String(row.imported),
    String(row.errors),
    String(row.warnings),
    row.roundTrip ? 'ok' : 'FAIL',
    row.bibtex,
    row.biber,
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

await main();
