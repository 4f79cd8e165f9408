// The 10,000-item collection toggle of bench/core.ts alone, on the cached synthetic library:
//   node bin/run-ts.js bench/probes/toggle.ts [SIZE] [--json FILE]
// With --json (how bench/core.ts runs it, in a process of its own), on FILE, printing the
// figures as JSON on the last line.
import { toggle } from '../core';
import { syntheticLibrary } from '../lib/libraries';

const size = Number(process.argv[2] ?? 1_000_000);
const json = process.argv.indexOf('--json');
const file = json > 0 ? process.argv[json + 1]! : await syntheticLibrary(size);
const figures = await toggle(file, size);
if (json > 0) console.log(JSON.stringify(figures));
else
  console.log(
    figures.map((f) => `${f.figure}: ${f.value.toFixed(0)} ${f.unit} (${f.note ?? ''})`).join('\n'),
  );
