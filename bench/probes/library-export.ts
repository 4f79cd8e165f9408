// Whole-library BibTeX export of a copy of the cached 100k bench library: the first export
// (nothing stored: every entry read and rendered, then stored) and the next ones:
// node bin/run-ts.js bench/probes/library-export.ts [count]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { Library } from '../../src/main/core/library/library';
import { exportText } from '../../src/main/core/service/exporting';
import { syntheticLibrary } from '../lib/libraries';

const count = Number(process.argv[2] ?? 100_000);
registerBuiltInFormats();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-export-'));
const file = path.join(dir, 'library.sqlite');
fs.copyFileSync(await syntheticLibrary(count), file);
const library = Library.open(file);
for (let round = 0; round < 4; round++) {
  const t = performance.now();
  const result = exportText(library, { kind: 'library' }, 'bibtex');
  console.log(
    `${round === 0 ? 'first' : 'again'}: ${(performance.now() - t).toFixed(0)} ms, ${result.count} entries, ${(result.text.length / 1e6).toFixed(1)} MB`,
  );
}
library.close();
console.log(`library ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
fs.rmSync(dir, { recursive: true });
