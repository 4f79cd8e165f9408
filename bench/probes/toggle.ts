// The 10,000-item collection toggle of bench/core.ts alone, on the cached synthetic library:
//   node bin/run-ts.js bench/probes/toggle.ts [SIZE]
import { toggle } from '../core';
import { syntheticLibrary } from '../lib/libraries';

const size = Number(process.argv[2] ?? 1_000_000);
const figures = await toggle(await syntheticLibrary(size), size);
console.log(figures.map((f) => `${f.figure}: ${f.value.toFixed(0)} ${f.unit} (${f.note ?? ''})`).join('\n'));
