// The longest the event loop waits during a whole-library BibTeX export through the API, on
// a copy of the cached 100k bench library: export.text (the text built whole, as the
// renderer receives it) and export.save (written to a file entry by entry):
//   node bin/run-ts.js bench/probes/export-block.ts [COUNT]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { Library } from '../../src/main/core/library/library';
import { exportTextInSlices, saveExportInSlices } from '../../src/main/core/service/exporting';
import { longestBlock } from '../lib/event-loop';
import { syntheticLibrary } from '../lib/libraries';

const count = Number(process.argv[2] ?? 100_000);
registerBuiltInFormats();
const dir = mkdtempSync(join(tmpdir(), 'sheaf-export-block-'));
const file = join(dir, 'library.sqlite');
copyFileSync(await syntheticLibrary(count), file);
const library = Library.open(file);
const scope = { kind: 'library' } as const;
try {
  for (let round = 0; round < 4; round++) {
    let started = performance.now();
    const text = await longestBlock(() => exportTextInSlices(library, scope, 'bibtex'));
    const textMs = performance.now() - started;
    started = performance.now();
    const save = await longestBlock(() =>
      saveExportInSlices(library, scope, 'bibtex', join(dir, 'saved.bib')),
    );
    const saveMs = performance.now() - started;
    console.log(
      `${round === 0 ? 'first' : 'again'}: export.text ${textMs.toFixed(0)} ms, longest block ${text.blockMs.toFixed(0)} ms; export.save ${saveMs.toFixed(0)} ms, longest block ${save.blockMs.toFixed(0)} ms`,
    );
  }
} finally {
  library.close();
  rmSync(dir, { recursive: true, force: true });
}
