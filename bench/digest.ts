// Digest parsing speed: the real Hugging Face digest (budget 5 ms), a synthetic
// 10,000-paper digest (budget: well under 1 s), and the other digest formats at scale.
// Run alone with `npx tsx bench/digest.ts`, or call run() from a bench harness.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArxivEmail } from '../src/main/core/formats/digest/arxiv/arxiv-email';
import { exportDigestTxt } from '../src/main/core/formats/digest/export/digest-txt';
import { parseFeed } from '../src/main/core/formats/digest/feed/feed';
import { parseHfText } from '../src/main/core/formats/digest/hf/hf-text';
import type { ExportItem } from '../src/main/core/formats/types';
import { sharedPath } from '../test/support/shared-folder';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL_DIGEST = sharedPath('fixtures/digests/hf-trending-jun17.txt');
const OWN_FIXTURES = resolve(repository, 'test/fixtures/digests');

export interface DigestBenchResult {
  name: string;
  /** Size of the input in bytes (UTF-16 code units × 2 is not what users see; this is UTF-8). */
  bytes: number;
  records: number;
  /** The very first parse in this process, JIT cold. */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  budgetMs?: number;
}

function measure(
  name: string,
  text: string,
  parse: (text: string) => { records: unknown[] },
  runs: number,
  budgetMs?: number,
): DigestBenchResult {
  let started = performance.now();
  const records = parse(text).records.length;
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    parse(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result: DigestBenchResult = {
    name,
    bytes: Buffer.byteLength(text),
    records,
    firstMs,
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
  };
  if (budgetMs !== undefined) result.budgetMs = budgetMs;
  return result;
}

/** A digest of `count` papers in the Hugging Face layout, each with a code link. */
export function syntheticDigest(count: number): string {
  const items: ExportItem[] = [];
  for (let i = 0; i < count; i++) {
    items.push({
      id: i + 1,
      key: `K${i}`,
      citekey: `paper${i}`,
      added: '2025-06-17T00:00:00Z',
      modified: '2025-06-17T00:00:00Z',
      type: 'preprint',
      title: `Paper ${i}: Scaling Synthetic Benchmarks for Digest Parsers`,
      abstract: `We study paper ${i} in detail, with a method that improves results by ${i % 97}% on standard benchmarks. The approach is simple. Code is available at https://github.com/example/paper-${i}.`,
      creators: [],
      links: [],
      fields: {},
      tags: [],
    });
  }
  return exportDigestTxt(items, { title: 'Synthetic digest', date: '2025-06-17' });
}

/** The own arXiv mail fixture repeated to `count` entries (ids made unique). */
function arxivMail(count: number): string {
  const mail = readFileSync(resolve(OWN_FIXTURES, 'arxiv-cs-cl.eml'), 'utf8');
  const start = mail.indexOf('\\\\\narXiv:');
  const body = mail.slice(start);
  const copies: string[] = [mail.slice(0, start)];
  for (let i = 0; copies.length - 1 < Math.ceil(count / 12); i++)
    copies.push(body.replace(/2306\.08/g, `${2306 + (i % 50)}.1${i % 10}`));
  return copies.join('');
}

function feedOf(count: number): string {
  const feed = readFileSync(resolve(OWN_FIXTURES, 'arxiv-cs-cl.rss'), 'utf8');
  const start = feed.indexOf('<item>');
  const end = feed.lastIndexOf('</item>') + '</item>'.length;
  const items = feed.slice(start, end);
  return feed.slice(0, start) + items.repeat(Math.ceil(count / 3)) + feed.slice(end);
}

export async function run(): Promise<DigestBenchResult[]> {
  const real = readFileSync(REAL_DIGEST, 'utf8');
  const options = { yearHint: 2025 };
  return [
    measure('hf-text: real digest (103 papers)', real, (text) => parseHfText(text, options), 200, 5),
    measure(
      'hf-text: synthetic 10,000 papers',
      syntheticDigest(10_000),
      (text) => parseHfText(text, options),
      10,
      1000,
    ),
    measure('arxiv-email: 1,200 entries', arxivMail(1_200), parseArxivEmail, 10),
    measure('feed: 3,000 arXiv RSS items', feedOf(3_000), parseFeed, 10),
  ];
}

function print(results: DigestBenchResult[]): void {
  for (const result of results) {
    const budget =
      result.budgetMs === undefined
        ? ''
        : `  budget ${result.budgetMs} ms: ${result.medianMs <= result.budgetMs ? 'ok' : 'OVER'}`;
    console.log(
      `${result.name.padEnd(38)} ${(result.bytes / 1024).toFixed(0).padStart(6)} kB  ${String(result.records).padStart(6)} records  first ${result.firstMs.toFixed(2)} ms  median ${result.medianMs.toFixed(2)} ms  p95 ${result.p95Ms.toFixed(2)} ms${budget}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  print(await run());
}
