// Digest import end to end (issue 4): parse + write + index, in a fresh library.
//   node bin/run-ts.js bench/digest-import.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerBuiltInFormats } from '../src/main/core/formats/all';
import { exportFormat } from '../src/main/core/formats/registry';
import type { ExportItem } from '../src/main/core/formats/types';
import { Library } from '../src/main/core/library/library';
import { commitImport, ImportSessions, parseInput } from '../src/main/core/service/importing';
import { machine, percentile, printFigures, type Figure } from './lib/report';
import { rng, syntheticItem } from './lib/synthetic';
import { sharedPath } from '../test/support/shared-folder';

const REAL_DIGEST = sharedPath('fixtures/digests/hf-trending-jun17.txt');

async function importOnce(text: string): Promise<{ ms: number; added: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-digest-bench-'));
  const library = Library.open(path.join(dir, 'library.sqlite'));
  try {
    const started = performance.now();
    const { format, result } = parseInput({ text }, {});
    const report = await commitImport(library, new ImportSessions().add(format, result));
    return { ms: performance.now() - started, added: report.added };
  } finally {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A 10,000-paper digest in the Hugging Face layout, written by Sheaf's own exporter. */
function syntheticDigest(count: number): string {
  const random = rng(11);
  const items: ExportItem[] = Array.from({ length: count }, (_, i) => {
    const data = syntheticItem(random, i);
    return {
      ...data,
      creators: [],
      abstract: data.abstract ?? `${data.title}. A short abstract.`,
      id: i + 1,
      key: `K${i}`,
      citekey: `k${i}`,
      added: '',
      modified: '',
      tags: [],
    };
  });
  return exportFormat('digest-txt').export(items, { title: 'Synthetic digest', date: '2026-06-17' });
}

export async function run(): Promise<Figure[]> {
  registerBuiltInFormats();
  console.log(`# Digest import benchmark\n\nMachine: ${machine()}`);
  const real = fs.readFileSync(REAL_DIGEST, 'utf8');
  const times: number[] = [];
  let added = 0;
  for (let i = 0; i < 7; i++) {
    const result = await importOnce(real);
    times.push(result.ms);
    added = result.added;
  }
  const big = syntheticDigest(10_000);
  const large = await importOnce(big);
  const figures: Figure[] = [
    { figure: `real digest (${added} papers), first import in a process`, value: times[0]!, unit: 'ms' },
    {
      figure: 'real digest, parse + write + index (median of later runs)',
      value: percentile(times.slice(1), 50),
      unit: 'ms',
      target: { op: '<=', value: 50 },
    },
    {
      figure: `synthetic digest (${large.added.toLocaleString('en')} papers, ${(big.length / 1e6).toFixed(1)} MB), parse + write + index`,
      value: large.ms / 1000,
      unit: 's',
      target: { op: '<=', value: 3 },
    },
  ];
  printFigures('Digest import', figures);
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await run();
}
