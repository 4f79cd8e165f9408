// The desktop save figure of bench/bibtex.ts alone (ADR 66):
//   node bin/run-ts.js bench/probes/desktop-save.ts [COUNT]
import { desktopSave } from '../lib/library-exports';

const result = await desktopSave(Number(process.argv[2] ?? 100_000));
console.log(
  `file written ${result.file.toFixed(0)} ms, then stored ${result.stored.toFixed(0)} ms; longest block ${result.block.toFixed(0)} ms`,
);
