// A synthetic BibTeX file of COUNT entries imported into a fresh library, timed by stage:
//   node bin/run-ts.js bench/probes/bib-import.ts [COUNT]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportBib } from '../../src/main/core/formats/bibtex';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { Library } from '../../src/main/core/library/library';
import { commitImport, ImportSessions, parseInput } from '../../src/main/core/service/importing';
import { syntheticItems } from '../bibtex';

registerBuiltInFormats();
const count = Number(process.argv[2] ?? 10_000);
const text = exportBib(syntheticItems(count), 'bibtex');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-bib-import-'));
const library = Library.open(path.join(dir, 'library.sqlite'));
try {
  const started = performance.now();
  const { format, result } = parseInput({ text }, {});
  const parsed = performance.now();
  const report = await commitImport(library, new ImportSessions().add(format, result));
  const done = performance.now();
  console.log(
    `${count} entries: parse ${(parsed - started).toFixed(0)} ms, write ${(done - parsed).toFixed(0)} ms (${(((done - parsed) * 1000) / count).toFixed(0)} µs/item), added ${report.added}, duplicates ${report.duplicates}`,
  );
} finally {
  library.close();
  if (process.env.KEEP) console.log(dir);
  else fs.rmSync(dir, { recursive: true, force: true });
}
