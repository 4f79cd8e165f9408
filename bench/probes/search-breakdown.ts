// Which quick searches are slow: the benchmark's queries × sorts, each timed once (cold),
// on a benchmark library:   node bin/run-ts.js bench/probes/search-breakdown.ts [size]
import { Library } from '../../src/main/core/library/library';
import { QUERIES, SORTS } from '../core';
import { syntheticLibrary } from '../lib/libraries';

const size = Number(process.argv[2] ?? 1_000_000);
const library = Library.open(await syntheticLibrary(size), { readonly: true });
const window = (search: string, sort: (typeof SORTS)[number]) =>
  library.lists.window({ view: { kind: 'library' }, search, sort, offset: 0, limit: 100 });
for (const q of QUERIES) window(q, SORTS[0]!);
console.log(`${''.padEnd(24)}${SORTS.map((s) => `${s.field} ${s.direction}`).join('\t')}`);
for (const q of QUERIES) {
  const times = SORTS.map((sort) => {
    const started = performance.now();
    window(q, sort);
    return Math.round(performance.now() - started);
  });
  console.log(q.padEnd(24), times.join('\t'));
}
library.close();
