// The peers bench/bibtex.ts runs beside Sheaf on the same files: python3-pybtex, pandoc,
// bibtex-parse-js (installed on first use into bench/.peers, never into package.json) and
// Debian's JabRef CLI. Each runs in a process of its own, with a time budget.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PEERS = join(repository, 'bench/.peers');
/** A peer expected to take longer than this on a file is skipped; a run is stopped after twice it. */
export const PEER_BUDGET_MS = 120_000;

/** A file the peers read. */
export interface PeerFile {
  path: string;
  bytes: number;
}

export type PeerResult = { parseMs: number; exportMs?: number; note?: string } | { skip: string } | undefined;

export function runPeer(
  peer: string,
  file: PeerFile,
  parseJs: string | undefined,
  jabref: boolean,
): PeerResult {
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
function pybtex(file: PeerFile): PeerResult {
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
function pandoc(file: PeerFile): PeerResult {
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
export async function bibtexParseJs(): Promise<string | undefined> {
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
function bibtexParseJsRun(entry: string, file: PeerFile): PeerResult {
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

function jabrefRun(file: PeerFile): PeerResult {
  const out = join(tmpdir(), 'sheaf-bench-jabref.bib');
  const start = performance.now();
  const result = spawnSync('jabref', ['-n', '-i', `${file.path},bibtex`, '-o', out], {
    timeout: PEER_BUDGET_MS,
  });
  if (result.status !== 0) return { skip: 'failed' };
  return { parseMs: performance.now() - start, note: ' (import+export, process)' };
}

export function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').pop()?.slice(0, 100) ?? '';
}
