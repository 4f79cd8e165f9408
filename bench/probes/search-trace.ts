// Which path each quick search takes and what each step costs, sorted by title and by
// creators: node bin/run-ts.js bench/probes/search-trace.ts SIZE QUERY...
import { Library } from '../../src/main/core/library/library';
import { ListReader } from '../../src/main/core/library/window';
import { cachedLibraryPath } from '../lib/libraries';
const size = Number(process.argv[2] ?? 100000);
const library = Library.open(cachedLibraryPath(size), { readonly: true });
const log: string[] = [];
const proto = ListReader.prototype as any;
for (const name of ['walk', 'smallMatchSet', 'walkIds', 'sqlWindow']) {
  const orig = proto[name];
  proto[name] = function (...args: any[]) {
    const t = performance.now();
    const r = orig.apply(this, args);
    const extra = name === 'walk' ? ` scanned=${args[6]?.scanned} found=${args[6]?.found.length}` : '';
    log.push(
      `${name} ${(performance.now() - t).toFixed(1)}ms${extra} -> ${r === undefined ? 'undef' : Array.isArray(r) ? r.length : typeof r}`,
    );
    return r;
  };
}
const queries = process.argv.slice(3);
for (const q of queries)
  for (const field of ['title', 'creators']) {
    library.lists.window({
      view: { kind: 'library' },
      search: q,
      sort: { field, direction: 'asc' } as any,
      offset: 0,
      limit: 100,
    });
    log.length = 0;
    const t = performance.now();
    library.lists.window({
      view: { kind: 'library' },
      search: q,
      sort: { field, direction: 'asc' } as any,
      offset: 0,
      limit: 100,
    });
    console.log(`${q} by ${field}: ${(performance.now() - t).toFixed(1)} ms :: ${log.join(' | ')}`);
  }
library.close();
