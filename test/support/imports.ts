// Importing through the API as the app does: preview (nothing written), then commit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportReport } from '../../src/shared/results';
import type { Api } from './temp-library';

/** A file under test/fixtures/core. */
export function coreFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/core/${name}`, import.meta.url));
}

export interface ImportOptions {
  name?: string;
  yearHint?: number;
  collectionId?: number;
  exclude?: number[];
}

/** Imports `text` (a digest, CSL-JSON, RIS...) in one commit; returns the report. */
export async function importText(api: Api, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const preview = await api.call('import.preview', {
    input: { text, ...(options.name ? { name: options.name } : {}) },
    ...(options.yearHint ? { yearHint: options.yearHint } : {}),
  });
  return api.call('import.commit', {
    previewId: preview.id,
    ...(options.collectionId !== undefined ? { collectionId: options.collectionId } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
}

/** Imports a fixture from test/fixtures/core (digests dated 2026). */
export function importFixture(api: Api, name: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importText(api, readFileSync(coreFixture(name), 'utf8'), { name, yearHint: 2026, ...options });
}
