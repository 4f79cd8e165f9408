// Registers the built-in formats. Called once by whatever hosts the core (app, server,
// CLI, tests); registering twice is harmless.
import { biblatexExport, bibtexExport, bibtexImport } from './bibtex';
import { cslJsonExport, cslJsonImport } from './csl';
import { digestExportFormats, digestImportFormats } from './digest';
import { registerExport, registerImport } from './registry';
import { risExport, risImport } from './ris';

export function registerBuiltInFormats(): void {
  registerImport(bibtexImport);
  for (const format of digestImportFormats) registerImport(format);
  registerImport(risImport);
  registerImport(cslJsonImport);
  registerExport(bibtexExport);
  registerExport(biblatexExport);
  for (const format of digestExportFormats) registerExport(format);
  registerExport(risExport);
  registerExport(cslJsonExport);
}
