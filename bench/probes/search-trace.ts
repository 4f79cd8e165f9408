// Which path each quick search takes and what each step costs, sorted by title and by
// creators: node bin/run-ts.js bench/probes/search-trace.ts SIZE QUERY...
import { Library } from '../../src/main/core/library/library';
import { ListReader } from '../../src/main/core/library/window';
import type { SortSpec } from '../../src/shared/views';
import { cachedLibraryPath } from '../lib/libraries';

const size = Number(process.argv[2] ?? 100000);
const library = Library.open(cachedLibraryPath(size), { readonly: true });
const steps: string[] = [];
// The planner's private steps, each wrapped to log its time and what it returned.
const planner = ListReader.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const name of ['walk', 'walkIds', 'sqlWindow']) {
  const step = planner[name]!;
  planner[name] = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = step.apply(this, args);
    const progress =
      name === 'walk' ? (args[6] as { scanned: number; found: unknown[] } | undefined) : undefined;
    const walked = progress ? ` scanned=${progress.scanned} found=${progress.found.length}` : '';
    const answer = result === undefined ? 'undefined' : Array.isArray(result) ? result.length : typeof result;
    steps.push(`${name} ${(performance.now() - started).toFixed(1)} ms${walked} -> ${answer}`);
    return result;
  };
}
const search = (query: string, sort: SortSpec) =>
  library.lists.window({ view: { kind: 'library' }, search: query, sort, offset: 0, limit: 100 });
for (const query of process.argv.slice(3)) {
  for (const field of ['title', 'creators'] as const) {
    const sort: SortSpec = { field, direction: 'asc' };
    search(query, sort); // warm
    steps.length = 0;
    const started = performance.now();
    search(query, sort);
    console.log(
      `${query} by ${field}: ${(performance.now() - started).toFixed(1)} ms :: ${steps.join(' | ')}`,
    );
  }
}
library.close();
