// `npm run bench`: every benchmark, each printing its figures next to its targets and,
// where the issue names peers, the peers measured in the same run.
//   npm run bench                      all, at 100k and 1M items
//   npm run bench -- --only core,ui    some
//   npm run bench -- --sizes 100000    library sizes for the core benchmark
import fs from 'node:fs';
import path from 'node:path';
import { machine } from './lib/report';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : undefined;

const SUITES: { name: string; file: string }[] = [
  { name: 'digest', file: 'digest.ts' },
  { name: 'digest-import', file: 'digest-import.ts' },
  { name: 'bibtex', file: 'bibtex.ts' },
  { name: 'core', file: 'core.ts' },
  { name: 'ui', file: 'ui.ts' },
];

console.log(`Sheaf benchmarks on ${machine()}\n`);
for (const suite of SUITES) {
  if (only && !only.includes(suite.name)) continue;
  const file = path.join(import.meta.dirname, suite.file);
  if (!fs.existsSync(file)) {
    console.log(`(${suite.name}: no benchmark yet)`);
    continue;
  }
  const module = (await import(file)) as { run: (args?: string[]) => Promise<unknown> };
  const started = performance.now();
  await module.run(args);
  console.log(`\n(${suite.name} took ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
