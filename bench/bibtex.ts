// BibTeX speed, Sheaf against its peers on the same files in the same run: tugboat.bib
// (3.8 MB), the 7,166-entry Better BibTeX library, and a synthetic 100,000-entry file.
// Figures: raw parse throughput (scan + @string expansion), parse + conversion to
// ItemData, export of the parsed items, and the whole path a user runs: the file imported
// into a fresh library (parse + write + search index) and the library exported back. Peers: python3-pybtex, pandoc, bibtex-parse-js (installed on first
// use into bench/.peers, never into package.json), JabRef when on PATH.
// Run alone with `npx tsx bench/bibtex.ts`, or call run() from a bench harness.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportBib, parseBibtex } from '../src/main/core/formats/bibtex';
import { registerBuiltInFormats } from '../src/main/core/formats/all';
import { readItem, replaceItemData, toItemData } from '../src/main/core/library/items';
import { Library } from '../src/main/core/library/library';
import { createBindingInSlices } from '../src/main/core/service/bindings';
import { BindingsSync } from '../src/main/core/service/bindings-sync';
import { exportChunks, saveExportInSlices } from '../src/main/core/service/exporting';
import { writeFileAtomic } from '../src/main/core/files/atomic-write';
import { commitImport, ImportSessions, parseInput } from '../src/main/core/service/importing';
import { freshCliBundle } from '../scripts/lib/built-cli.js';
import { longestBlock } from './lib/event-loop';
import { syntheticLibrary } from './lib/libraries';
import { parseBib } from '../src/main/core/formats/bibtex/parse/parser';
import type { ExportItem } from '../src/main/core/formats/types';
import { sharedPath } from '../test/support/shared-folder';
import type { Creator, ItemData } from '../src/shared/domain';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = sharedPath('corpus/bibtex');
const PEERS = join(repository, 'bench/.peers');
const PEER_BUDGET_MS = 120_000;
const TARGET_PARSE_MB_S = 40;
const TARGET_EXPORT_100K_MS = 2000;
const TARGET_JABREF_RATIO = 10;

interface BenchFile {
  label: string;
  path: string;
  bytes: number;
  /** For the synthetic file: the library items it was written from. */
  items?: ExportItem[];
}

type Figures = Map<string, Map<string, string>>;

export async function run(): Promise<void> {
  const files: BenchFile[] = [
    corpusFile('tugboat.bib', 'texlive-beebe__tugboat.bib'),
    corpusFile('BBT 7,166 entries', 'retorquere-zotero-better-bibtex__Unabbreviate-on-import-1436-3.bib'),
    syntheticFile(100_000),
  ];
  const figures: Figures = new Map();
  const set = (figure: string, tool: string, value: string) => {
    if (!figures.has(figure)) figures.set(figure, new Map());
    figures.get(figure)!.set(tool, value);
  };
  const peerTimes = new Map<string, number>(); // ms per MB measured on the previous file, for the budget
  const parseJs = await bibtexParseJs();
  const jabref = onPath('jabref');
  if (!jabref) console.log('JabRef: skipped (no `jabref` on PATH: apt-get install jabref)');

  for (const file of files) {
    const text = readFileSync(file.path, 'utf8');
    const mb = file.bytes / 1e6;
    const runs = file.bytes > 20e6 ? 2 : 7; // the 100k file is ~125 MB: fewer repeats
    const parse = fastest(runs + 4, () => parseBib(text));
    set(`${file.label}: parse MB/s`, 'Sheaf', `${rate(mb, parse.best)} (median ${rate(mb, parse.median)})`);
    const convert = fastest(runs, () => parseBibtex(text));
    set(
      `${file.label}: parse+convert ms`,
      'Sheaf',
      `${convert.best.toFixed(0)} (median ${convert.median.toFixed(0)})`,
    );
    let exported: { best: number; median: number };
    if (file.items) {
      // The export target is about a library's items: generated ones, with no BibTeX origin.
      const items = file.items;
      exported = fastest(runs, () => exportBib(items, 'bibtex'));
    } else {
      // Items as imported, written back with their raw values and @strings.
      const parsed = parseBibtex(text);
      const items = parsed.records.map((record, index) => exportItem(record.data, index));
      exported = fastest(runs, () => exportBib(items, 'bibtex', { blocks: parsed }));
    }
    set(
      `${file.label}: export ms`,
      'Sheaf',
      `${exported.best.toFixed(0)} (median ${exported.median.toFixed(0)})`,
    );
    // The same work as JabRef's, held in memory as JabRef holds it: no library, no index.
    set(
      `${file.label}: in memory, parse + convert + export ms`,
      'Sheaf',
      (convert.best + exported.best).toFixed(0),
    );
    const whole = await importThenExport(text, file.bytes > 20e6 ? 1 : 3);
    set(`${file.label}: import into a library ms`, 'Sheaf', whole.importMs.toFixed(0));
    set(`${file.label}: import + whole-library export ms`, 'Sheaf', whole.totalMs.toFixed(0));
    // As JabRef is timed: whole processes, start-up included (Node's here, the JVM's there).
    const cli = file.items ? undefined : commandLineImportExport(file.path, 3);
    if (cli) set(`${file.label}: \`sheaf import\` + \`sheaf export\`, wall ms`, 'Sheaf', cli);

    for (const peer of ['pybtex', 'pandoc', 'bibtex-parse-js', 'jabref']) {
      const estimate = (peerTimes.get(peer) ?? 0) * mb;
      if (estimate > PEER_BUDGET_MS) {
        const why = `skipped: ~${(estimate / 1000).toFixed(0)} s expected`;
        set(`${file.label}: parse MB/s`, peer, why);
        continue;
      }
      const result = runPeer(peer, file, parseJs, jabref);
      if (!result) continue;
      if ('skip' in result) {
        set(`${file.label}: parse MB/s`, peer, result.skip);
        continue;
      }
      peerTimes.set(peer, result.parseMs / mb);
      if (peer === 'jabref') {
        // JabRef's `-n -i IN -o OUT` is an import and an export: it sits beside Sheaf's.
        for (const figure of [
          'import + whole-library export ms',
          'in memory, parse + convert + export ms',
          '`sheaf import` + `sheaf export`, wall ms',
        ])
          set(`${file.label}: ${figure}`, peer, `${result.parseMs.toFixed(0)}${result.note}`);
        continue;
      }
      set(`${file.label}: parse MB/s`, peer, (mb / (result.parseMs / 1000)).toFixed(2) + (result.note ?? ''));
      if (result.exportMs !== undefined) set(`${file.label}: export ms`, peer, result.exportMs.toFixed(0));
    }
  }
  const library = await libraryExport(100_000);
  set(
    `synthetic 100,000 library: whole-library export to a file ms, first (all rendered + stored)`,
    'Sheaf',
    library.first.toFixed(0),
  );
  set(
    `synthetic 100,000 library: whole-library export to a file ms, again (entries stored)`,
    'Sheaf',
    `${library.again.best.toFixed(0)} (median ${library.again.median.toFixed(0)})`,
  );
  const process100k = await commandLineFirstExport(100_000);
  set(
    `synthetic 100,000 library: \`sheaf export --output\`, first, as a process: wall ms`,
    'Sheaf',
    `${process100k.ms.toFixed(0)} (peak RSS ${process100k.peakMb.toFixed(0)} MB; ${process100k.code})`,
  );
  const saved = await desktopSave(100_000);
  set(
    `synthetic 100,000 library: desktop save, first (file written in slices; entries stored after it) ms`,
    'Sheaf',
    `${saved.file.toFixed(0)} (then ${saved.stored.toFixed(0)} storing; longest block ${saved.block.toFixed(0)})`,
  );
  const kept = await keptUpdated(100_000);
  set(
    `synthetic 100,000 library: kept-updated .bib rewritten after one edit ms`,
    'Sheaf',
    `${kept.best.toFixed(0)} (median ${kept.median.toFixed(0)}, longest block ${kept.block.toFixed(0)}; first write ${kept.first.toFixed(0)}, first after a restart ${kept.restarted.toFixed(0)})`,
  );
  printTable(figures);
}

/**
 * What `sheaf export --format bibtex --output FILE` does for a whole library, without
 * process start-up, on a copy of the core benchmark's synthetic library: the first export
 * reads and renders every entry and stores them (service/entry-cache.ts); the next ones
 * read them back. Each writes the file (atomically, flushed to disk).
 */
async function libraryExport(
  count: number,
): Promise<{ first: number; again: { best: number; median: number } }> {
  registerBuiltInFormats();
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-export-'));
  const file = join(dir, 'library.sqlite');
  copyFileSync(await syntheticLibrary(count), file);
  const library = Library.open(file);
  try {
    const output = join(dir, 'library.bib');
    const save = () => writeFileAtomic(output, exportChunks(library, { kind: 'library' }, 'bibtex').chunks);
    const started = performance.now();
    save();
    const first = performance.now() - started;
    return { first, again: fastest(3, save) };
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `sheaf export --format bibtex --output FILE` of a copy of the synthetic library (nothing
 * stored yet) as its own process, as a script runs it: wall time from start to exit, and
 * the process's peak resident memory (bench/lib/peak-rss.mjs).
 */
async function commandLineFirstExport(count: number): Promise<{ ms: number; peakMb: number; code: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-cli-export-'));
  try {
    const library = join(dir, 'library.sqlite');
    copyFileSync(await syntheticLibrary(count), library);
    const args = ['--library', library, 'export', '--format', 'bibtex', '--output', join(dir, 'out.bib')];
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--import', join(repository, 'bench/lib/peak-rss.mjs'), join(repository, 'bin/sheaf.js'), ...args],
      { encoding: 'utf8' },
    );
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`sheaf ${args.join(' ')}: ${result.stderr}`);
    const peak = /peak-rss-kib (\d+)/.exec(result.stderr);
    if (!peak) throw new Error('the export process did not report its peak memory');
    const code = freshCliBundle(repository) ? 'built' : 'from source via tsx';
    return { ms, peakMb: Number(peak[1]) / 1024, code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The desktop's save of a whole-library .bib, on a copy of the synthetic library opened as
 * the app opens it: the time to the file (written in slices), then to its entries stored
 * after it (ADR 66), and the longest the event loop went without a turn.
 */
export async function desktopSave(count: number): Promise<{ file: number; stored: number; block: number }> {
  registerBuiltInFormats();
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-save-'));
  const file = join(dir, 'library.sqlite');
  copyFileSync(await syntheticLibrary(count), file);
  const app = Library.open(file, { backgroundWorkers: true });
  try {
    await app.backgroundSettled();
    const started = performance.now();
    const { blockMs, value: fileMs } = await longestBlock(async () => {
      await saveExportInSlices(app, { kind: 'library' }, 'bibtex', join(dir, 'library.bib'));
      const written = performance.now() - started;
      await app.backgroundSettled();
      return written;
    });
    return { file: fileMs, stored: performance.now() - started - fileMs, block: blockMs };
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The file imported into a fresh library the way `sheaf import` does it (parse, write,
 * search index, one transaction), then the whole library exported to a .bib file as
 * `sheaf export --output` writes it, as JabRef writes its `-o` file; fastest of
 * `runs` (each in a new library).
 */
async function importThenExport(text: string, runs: number): Promise<{ importMs: number; totalMs: number }> {
  registerBuiltInFormats();
  let best = { importMs: Infinity, totalMs: Infinity };
  for (let run = 0; run < runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-import-'));
    const library = Library.open(join(dir, 'library.sqlite'));
    try {
      const started = performance.now();
      const { format, result } = parseInput({ text }, {});
      await commitImport(library, new ImportSessions().add(format, result));
      const imported = performance.now();
      writeFileAtomic(join(dir, 'out.bib'), exportChunks(library, { kind: 'library' }, 'bibtex').chunks);
      const done = performance.now();
      if (done - started < best.totalMs) best = { importMs: imported - started, totalMs: done - started };
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return best;
}

/**
 * `sheaf import FILE` into a new library, then `sheaf export --format bibtex --output`, as
 * two processes through bin/sheaf.js, wall time; fastest of `runs`, with which code ran
 * (the bundle of \`npm run build\`, or the sources through tsx when it is stale: ADR 68).
 */
function commandLineImportExport(file: string, runs: number): string {
  const sheaf = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(repository, 'bin/sheaf.js'), ...args], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`sheaf ${args.join(' ')}: ${result.stderr}`);
  };
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-cli-'));
    try {
      const library = join(dir, 'library.sqlite');
      const started = performance.now();
      sheaf(['--library', library, 'import', file]);
      sheaf(['--library', library, 'export', '--format', 'bibtex', '--output', join(dir, 'out.bib')]);
      best = Math.min(best, performance.now() - started);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return `${best.toFixed(0)} (${freshCliBundle(repository) ? 'built' : 'from source via tsx'})`;
}

/**
 * A whole library bound to a .bib file: one item edited, then the file rewritten as the
 * app's BindingsSync does it (entries rendered in slices, unchanged ones from the writer's
 * memory; the file written a megabyte at a time). On a copy of the synthetic library.
 * `block` is the longest the event loop went without a turn during the rewrites after an
 * edit and the one after a restart.
 */
export async function keptUpdated(count: number): Promise<{
  first: number;
  restarted: number;
  best: number;
  median: number;
  block: number;
}> {
  registerBuiltInFormats();
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bench-bound-'));
  const file = join(dir, 'library.sqlite');
  const bound = join(dir, 'library.bib');
  copyFileSync(await syntheticLibrary(count), file);
  // Opened as the app opens it, with its checkpoint worker (ADR 63).
  const library = Library.open(file, { backgroundWorkers: true });
  await library.backgroundSettled();
  // What the app's main process does on a change: the debounced flush, the file written.
  let block = 0;
  const flush = async (sync: BindingsSync) => {
    const started = performance.now();
    const { blockMs } = await longestBlock(() => sync.flush());
    block = Math.max(block, blockMs);
    return performance.now() - started;
  };
  const edit = (round: number) => {
    const id = 1 + Math.floor((((round % 5) + 0.5) * count) / 5);
    library.write('Edit', () => {
      const item = readItem(library.db, id);
      replaceItemData(library.db, id, { ...toItemData(item), volume: `v${round}` }, library.now());
    });
  };
  const newSync = () =>
    new BindingsSync(
      () => library,
      (_id, _path, error) => {
        if (error) throw new Error(error);
      },
    );
  try {
    const started = performance.now();
    await createBindingInSlices(library, { kind: 'library' }, 'bibtex', bound);
    const first = performance.now() - started;
    // Its entries are stored after the file is written (ADR 66); the edits come after that.
    await library.backgroundSettled();
    const sync = newSync();
    await flush(sync); // reads the file once, as after a start
    const times: number[] = [];
    block = 0;
    for (let round = 0; round < 5; round++) {
      edit(round);
      times.push(await flush(sync));
      if (!readFileSync(bound, 'utf8').includes(`v${round}`))
        throw new Error('the edit is missing from the rewritten file');
    }
    times.sort((a, b) => a - b);
    // The app started again: a new sync finds the entries stored in the library, and the
    // file on disk to compare with.
    edit(5);
    const restarted = await flush(newSync());
    return { first, restarted, best: times[0]!, median: times[2]!, block };
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function corpusFile(label: string, name: string): BenchFile {
  const path = join(CORPUS, name);
  return { label, path, bytes: readFileSync(path).length };
}

/** Items shaped like a real library, written once as BibTeX into the OS temp folder. */
function syntheticFile(count: number): BenchFile {
  const path = join(tmpdir(), `sheaf-bench-${count}-v2.bib`);
  const items = syntheticItems(count);
  if (!existsSync(path)) writeFileSync(path, exportBib(items, 'bibtex'));
  return { label: `synthetic ${count.toLocaleString('en')}`, path, bytes: readFileSync(path).length, items };
}

export function syntheticItems(count: number): ExportItem[] {
  let seed = 42;
  const random = () => {
    // Math.imul: a plain product passes 2^53 and rounds, and the sequence then fell into a
    // cycle of a few hundred values (234 distinct titles in 100,000 entries).
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const words =
    'model learning neural network data training method results performance task Transformer BERT GaN Schrödinger diffusion image vision graph representation attention benchmark evaluation'.split(
      ' ',
    );
  const names = [
    'Müller',
    'van der Berg',
    'Chen',
    'O’Brien',
    'Łukasz',
    'García',
    'Smith',
    'Kim',
    'Nguyễn',
    'Park',
  ];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const items = Array.from({ length: count }, (_, index) => {
    const creators: Creator[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
      role: 'author' as const,
      family: pick(names),
      given: pick(['A.', 'Jane', 'José', 'Li']),
    }));
    const data: ItemData = {
      type: pick(['article', 'inproceedings', 'preprint'] as const),
      title: `${sentence(9)}: a ${pick(words)} study of ${sentence(3)}`,
      creators,
      container: `Journal of ${sentence(2)}`,
      date: `${1990 + Math.floor(random() * 35)}-0${1 + Math.floor(random() * 9)}`,
      volume: String(1 + Math.floor(random() * 60)),
      pages: `${index % 500}–${(index % 500) + 12}`,
      doi: `10.1000/bench.${index}`,
      ...(random() < 0.5 ? { abstract: sentence(180) + ' 5% of α & β.' } : {}),
      links: random() < 0.3 ? [{ kind: 'code', url: `https://github.com/x/repo${index}` }] : [],
      fields: { note: sentence(4) },
      tags: [pick(words), pick(words)],
    };
    return exportItem({ ...data, citekey: `key${index}` }, index);
  });
  // Flat strings, as items read from the database are (concatenated ones are ropes).
  return JSON.parse(JSON.stringify(items)) as ExportItem[];
}

function exportItem(data: ItemData, index: number): ExportItem {
  return {
    ...data,
    id: index + 1,
    key: `K${index}`,
    citekey: data.citekey ?? `k${index}`,
    added: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    tags: data.tags ?? [],
  };
}

/**
 * Fastest of `runs` timed runs after a warm-up. On a shared machine other work only ever
 * adds time, so the fastest run is the figure least disturbed by it; the median is printed
 * beside it by the callers that need both.
 */
function fastest(runs: number, work: () => unknown): { best: number; median: number } {
  work(); // JIT warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

type PeerResult = { parseMs: number; exportMs?: number; note?: string } | { skip: string } | undefined;

function runPeer(peer: string, file: BenchFile, parseJs: string | undefined, jabref: boolean): PeerResult {
  switch (peer) {
    case 'pybtex':
      return pybtex(file);
    case 'pandoc':
      return onPath('pandoc') ? pandoc(file) : { skip: 'not installed' };
    case 'bibtex-parse-js':
      return parseJs ? bibtexParseJsRun(parseJs, file) : { skip: 'not installed' };
    case 'jabref':
      return jabref ? jabrefRun(file) : undefined;
  }
  return undefined;
}

/** pybtex, lenient mode, timed inside Python (interpreter start-up excluded). */
function pybtex(file: BenchFile): PeerResult {
  const script = `
import sys, time, io
import pybtex.errors
pybtex.errors.set_strict_mode(False)
from pybtex.database import parse_file
t = time.perf_counter()
data = parse_file(sys.argv[1], bib_format='bibtex')
parse = time.perf_counter() - t
t = time.perf_counter()
data.to_file(io.StringIO(), bib_format='bibtex')
print(parse * 1000, (time.perf_counter() - t) * 1000)
`;
  const result = spawnSync('/usr/bin/python3', ['-c', script, file.path], {
    encoding: 'utf8',
    timeout: PEER_BUDGET_MS * 2,
    maxBuffer: 64 * 1024 * 1024,
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
    return { skip: `stopped after ${(PEER_BUDGET_MS * 2) / 1000} s` };
  if (result.error || result.status !== 0)
    return { skip: `failed: ${firstLine(result.stderr || String(result.error))}` };
  const [parseMs, exportMs] = result.stdout.trim().split('\n').pop()!.split(' ').map(Number);
  return { parseMs: parseMs!, exportMs: exportMs! };
}

/** pandoc -f bibtex -t csljson: wall time of the process, which also converts and writes. */
function pandoc(file: BenchFile): PeerResult {
  const start = performance.now();
  const result = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson', file.path], {
    timeout: PEER_BUDGET_MS * 2,
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.error || result.status !== 0)
    return { skip: `failed: ${firstLine(String(result.stderr ?? result.error))}` };
  return { parseMs: ms, note: ' (parse+convert+write, process)' };
}

/** bibtex-parse-js@0.0.24 in bench/.peers: installed on first use, never in package.json. */
async function bibtexParseJs(): Promise<string | undefined> {
  const entry = join(PEERS, 'node_modules/bibtex-parse-js/bibtexParse.js');
  if (!existsSync(entry)) {
    mkdirSync(PEERS, { recursive: true });
    console.log('installing bibtex-parse-js@0.0.24 into bench/.peers (first run only)...');
    const install = spawnSync(
      'npm',
      ['install', '--prefix', PEERS, 'bibtex-parse-js@0.0.24', '--no-save', '--no-audit', '--no-fund'],
      { encoding: 'utf8', timeout: 300_000 },
    );
    if (install.status !== 0 || !existsSync(entry)) {
      console.log(`bibtex-parse-js: skipped (install failed: ${firstLine(install.stderr)})`);
      return undefined;
    }
  }
  return entry;
}

/**
 * In a child process with a timeout: it throws on @string, on parentheses and on any
 * syntax error, and loops forever on a trailing % comment without a newline.
 */
function bibtexParseJsRun(entry: string, file: BenchFile): PeerResult {
  const script = `
const parse = require(${JSON.stringify(entry)});
const text = require('fs').readFileSync(process.argv[1], 'utf8');
const start = performance.now();
try { parse.toJSON(text); } catch (e) { console.log('FAIL ' + String(e).slice(0, 80).replace(/\\s+/g, ' ')); process.exit(0); }
console.log(performance.now() - start);
`;
  const result = spawnSync(process.execPath, ['-e', script, file.path], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) return { skip: 'timed out (it hangs on some inputs)' };
  const out = result.stdout.trim();
  if (out.startsWith('FAIL')) return { skip: `cannot parse this file (${out.slice(5, 45)}…)` };
  return { parseMs: Number(out) };
}

function jabrefRun(file: BenchFile): PeerResult {
  const out = join(tmpdir(), 'sheaf-bench-jabref.bib');
  const start = performance.now();
  const result = spawnSync('jabref', ['-n', '-i', `${file.path},bibtex`, '-o', out], {
    timeout: PEER_BUDGET_MS,
  });
  if (result.status !== 0) return { skip: 'failed' };
  return { parseMs: performance.now() - start, note: ' (import+export, process)' };
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function rate(megabytes: number, ms: number): string {
  return (megabytes / (ms / 1000)).toFixed(1);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').pop()?.slice(0, 100) ?? '';
}

function printTable(figures: Figures): void {
  const tools = ['Sheaf', 'pybtex', 'pandoc', 'bibtex-parse-js', 'jabref'];
  const rows: string[][] = [
    ['figure (Sheaf: fastest run, median)', ...tools, 'ratio (Sheaf vs fastest peer)', 'target'],
  ];
  for (const [figure, values] of figures) {
    const sheaf = Number.parseFloat(values.get('Sheaf') ?? '');
    const peers = tools.slice(1).map((tool) => Number.parseFloat(values.get(tool) ?? ''));
    const numeric = peers.filter((value) => Number.isFinite(value));
    let ratio = '';
    if (numeric.length > 0) {
      const higherIsBetter = figure.endsWith('MB/s');
      const best = higherIsBetter ? Math.max(...numeric) : Math.min(...numeric);
      ratio = `${(higherIsBetter ? sheaf / best : best / sheaf).toFixed(1)}x`;
    }
    const jabref = Number.parseFloat(values.get('jabref') ?? '');
    const target =
      (figure.endsWith('whole-library export ms') || figure.endsWith('wall ms')) && Number.isFinite(jabref)
        ? `≥ ${TARGET_JABREF_RATIO}x JabRef: ${jabref / sheaf >= TARGET_JABREF_RATIO ? 'met' : 'MISSED'} (${(jabref / sheaf).toFixed(1)}x)`
        : figure.endsWith('parse MB/s') && !figure.startsWith('synthetic')
          ? `≥ ${TARGET_PARSE_MB_S} MB/s: ${sheaf >= TARGET_PARSE_MB_S ? 'met' : 'MISSED'}`
          : /^synthetic [0-9,]+ library: (whole-library export|desktop save|`sheaf export)/.test(figure)
            ? `≤ ${TARGET_EXPORT_100K_MS} ms: ${sheaf <= TARGET_EXPORT_100K_MS ? 'met' : 'MISSED'}`
            : '';
    rows.push([figure, ...tools.map((tool) => values.get(tool) ?? '–'), ratio, target]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await run();
