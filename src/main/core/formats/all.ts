// Registers the built-in formats. Imported once by whatever hosts the core.
import { registerExport, registerImport } from './registry';

export function registerBuiltInFormats(): void {
  void registerImport;
  void registerExport;
}
