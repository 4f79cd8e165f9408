// Every file format Sheaf reads or writes, and format detection for imports.
import { SheafError } from '../errors';
import type { ExportFormat, ImportFormat } from './types';

const importers: ImportFormat[] = [];
const exporters: ExportFormat[] = [];

export function registerImport(format: ImportFormat): void {
  if (!importers.some((f) => f.id === format.id)) importers.push(format);
}

export function registerExport(format: ExportFormat): void {
  if (!exporters.some((f) => f.id === format.id)) exporters.push(format);
}

export function importFormats(): readonly ImportFormat[] {
  return importers;
}

export function exportFormats(): readonly ExportFormat[] {
  return exporters;
}

export function importFormat(id: string): ImportFormat {
  const format = importers.find((f) => f.id === id);
  if (!format) {
    throw new SheafError(
      'invalid-argument',
      `Unknown import format "${id}" (known: ${importers.map((f) => f.id).join(', ')})`,
    );
  }
  return format;
}

export function exportFormat(id: string): ExportFormat {
  const format = exporters.find((f) => f.id === id);
  if (!format) {
    throw new SheafError(
      'invalid-argument',
      `Unknown export format "${id}" (known: ${exporters.map((f) => f.id).join(', ')})`,
    );
  }
  return format;
}

/** The format most sure it can read `text`; a clear error when none is. */
export function detectFormat(text: string, fileName?: string): ImportFormat {
  if (text.trim().length === 0)
    throw new SheafError('bad-input', 'The input is empty: there is nothing to import.');
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  let best: ImportFormat | undefined;
  let bestScore = 0;
  for (const format of importers) {
    let score = safeDetect(format, text);
    if (extension && format.extensions.includes(extension)) score += 0.1;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  if (!best || bestScore < 0.3) {
    throw new SheafError(
      'bad-input',
      'Sheaf could not recognise this as a digest, BibTeX, RIS, CSL-JSON or a feed. ' +
        'Choose the format explicitly, or paste the text of the digest rather than its web page.',
    );
  }
  return best;
}

function safeDetect(format: ImportFormat, text: string): number {
  try {
    return format.detect(text);
  } catch {
    return 0;
  }
}
