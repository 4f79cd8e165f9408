// Which quick searches are slow, per query and sort, on a benchmark library:
//   node bin/run-ts.js bench/probes/search-breakdown.ts [size]
import { Library } from '../../src/main/core/library/library';
import type { SortSpec } from '../../src/shared/views';
import { syntheticLibrary } from '../lib/libraries';

const size = Number(process.argv[2] ?? 1_000_000);
const queries = [
  'model',
  'the',
  'a',
  'm',
  't',
  'tr',
  'tra',
  'diff',
  'diffusion',
  'learning model',
  '"neural network"',
  'author:ka',
  'year:2020',
  'tag:to-read',
  'model -learning',
  'kalo',
  'zz',
  'attention transformer',
  'robust fine tuning',
  'v',
];
const sorts: SortSpec[] = ['added', 'title', 'creators', 'date', 'container', 'citekey'].map(
  (field) => ({ field, direction: 'asc' }) as SortSpec,
);
const library = Library.open(await syntheticLibrary(size), { readonly: true });
for (const q of queries)
  library.lists.window({ view: { kind: 'library' }, search: q, sort: sorts[0]!, offset: 0, limit: 100 });
for (const q of queries) {
  const times = sorts.map((sort) => {
    const started = performance.now();
    library.lists.window({ view: { kind: 'library' }, search: q, sort, offset: 0, limit: 100 });
    return Math.round(performance.now() - started);
  });
  console.log(q.padEnd(24), times.join('\t'));
}
library.close();
