// The kept-updated .bib figure of bench/bibtex.ts alone:
//   node bin/run-ts.js bench/probes/kept-updated.ts [COUNT]
import { keptUpdated } from '../lib/library-exports';

const result = await keptUpdated(Number(process.argv[2] ?? 100_000));
console.log(
  `first write ${result.first.toFixed(0)} ms, first after a restart ${result.restarted.toFixed(0)} ms; after one edit: best ${result.best.toFixed(0)} ms, median ${result.median.toFixed(0)} ms, longest block ${result.block.toFixed(0)} ms`,
);
