// Opens a library in a fresh process and reads its first window, as the app does at
// start-up (read-write, with its checkpoint worker); prints timings and memory as JSON.
// Used by bench/core.ts.
import { Library } from '../../src/main/core/library/library';

const file = process.argv[2];
if (!file) throw new Error('usage: open-library.ts FILE');
const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const opened = performance.now();
const library = Library.open(file, { backgroundWorkers: true });
const openMs = performance.now() - opened;
const started = performance.now();
const window = library.lists.window({
  view: { kind: 'library' },
  sort: { field: 'added', direction: 'desc' },
  offset: 0,
  limit: 100,
});
library.info();
const firstWindowMs = performance.now() - started;
if (window.rows.length === 0) throw new Error('empty library');
await library.backgroundSettled(); // the worker's thread and connection count in the memory
console.log(
  JSON.stringify({ openMs, firstWindowMs, rssMb: process.memoryUsage().rss / 2 ** 20, baselineRssMb }),
);
library.close();
