// Times exportBib on the bench's synthetic items: node bin/run-ts.js bench/probes/bib-export.ts [count]
import { exportBib } from '../../src/main/core/formats/bibtex';
import { syntheticItems } from '../bibtex';

const count = Number(process.argv[2] ?? 100_000);
const items = syntheticItems(count);
exportBib(items, 'bibtex');
const times: number[] = [];
for (let i = 0; i < 4; i++) {
  const start = performance.now();
  const text = exportBib(items, 'bibtex');
  times.push(performance.now() - start);
  if (i === 0) console.log(`${(text.length / 1e6).toFixed(1)} MB`);
}
console.log(times.map((t) => t.toFixed(0)).join(' '), 'ms');
