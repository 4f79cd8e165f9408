// Whole-library BibTeX export from the cached 100k bench library, split into its stages:
// node bin/run-ts.js bench/probes/library-export.ts [count]
import { Library } from '../../src/main/core/library/library';
import { readExportItems } from '../../src/main/core/library/bulk-read';
import { exportBib } from '../../src/main/core/formats/bibtex';
import { scopeItemIds } from '../../src/main/core/service/exporting';
import { syntheticLibrary } from '../lib/libraries';

const count = Number(process.argv[2] ?? 100_000);
const library = Library.open(await syntheticLibrary(count));
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const ids = scopeItemIds(library, { kind: 'library' }, 'bibtex');
  const idsMs = performance.now() - t;
  t = performance.now();
  const items = readExportItems(library.db, ids);
  const readMs = performance.now() - t;
  t = performance.now();
  const text = exportBib(items, 'bibtex');
  const renderMs = performance.now() - t;
  console.log(
    `ids ${idsMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} MB`,
  );
}
library.close();
