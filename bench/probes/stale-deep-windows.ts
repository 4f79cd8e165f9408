// The first deep window of each sort order after a change, while its id array is rebuilt
// on the worker (read with LIMIT/OFFSET, from the nearer end: ADR 69), at the end, the middle
// and 50,000 rows down:   node bin/run-ts.js bench/probes/stale-deep-windows.ts [SIZE]
import { Library } from '../../src/main/core/library/library';
import { SORTS } from '../core';
import { syntheticLibrary } from '../lib/libraries';
import type { SortSpec } from '../../src/shared/views';
const size = Number(process.argv[2] ?? 1_000_000);
const library = Library.open(await syntheticLibrary(size), { backgroundWorkers: true });
await library.backgroundSettled();
const out: string[] = [];
for (const sort of [...SORTS, { field: 'modified', direction: 'asc' } as SortSpec]) {
  const times: string[] = [];
  for (const offset of [size - 100, Math.floor(size / 2), 50_000]) {
    const t = performance.now();
    library.lists.window({ view: { kind: 'library' }, search: '', sort, offset, limit: 100 });
    times.push((performance.now() - t).toFixed(0));
    await library.backgroundSettled();
    // A change (one that alters nothing): every id array is stale again.
    library.write('touch', () =>
      library.db.prepare('UPDATE items SET modified = modified WHERE id = 1').run(),
    );
  }
  out.push(`${sort.field} ${sort.direction}: ${times.join(' / ')} ms (end / middle / 50k)`);
}
console.log(out.join('\n'));
library.close();
