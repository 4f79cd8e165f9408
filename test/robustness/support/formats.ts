// Which formats the robustness suites cover: whatever formats/all.ts registers. Kept-updated
// .bib files need the BibTeX exporter; while all.ts does not register it yet (it is being
// finished), the crash harness registers it itself so that bindings can be exercised.
import { registerBuiltInFormats } from '../../../src/main/core/formats/all';
import { biblatexExport, bibtexExport } from '../../../src/main/core/formats/bibtex';
import { exportFormats, importFormats, registerExport } from '../../../src/main/core/formats/registry';

export function builtInFormats() {
  registerBuiltInFormats();
  return { imports: importFormats(), exports: exportFormats() };
}

/** True when all.ts itself registers BibTeX (import and export). */
export function bibtexRegistered(): boolean {
  const { imports, exports } = builtInFormats();
  return imports.some((f) => f.id === 'bibtex') && exports.some((f) => f.id === 'bibtex');
}

export function ensureBibtexExport(): void {
  registerBuiltInFormats();
  registerExport(bibtexExport);
  registerExport(biblatexExport);
}
