// The shared real-world corpus (read in place, never copied) and SOURCES.md's counts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../../../../../support/shared-folder';

export const CORPUS_DIR = process.env.SHEAF_BIB_CORPUS ?? sharedPath('corpus/bibtex');

export interface CorpusFile {
  name: string;
  path: string;
  /** SOURCES.md's `entries` column. */
  entries: number;
  bytes: number;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'SOURCES.md'));
}

export function corpusFiles(): CorpusFile[] {
  const sources = readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const rows = new Map<string, number>();
  for (const line of sources.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`(.+\.bib)`$/.exec(cells[2] ?? '')?.[1];
    if (name && /^\d+$/.test(cells[10] ?? '')) rows.set(name, Number(cells[10]));
  }
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.bib'))
    .sort()
    .map((name) => {
      const entries = rows.get(name);
      if (entries === undefined) throw new Error(`${name} has no row in SOURCES.md`);
      const path = join(CORPUS_DIR, name);
      return { name, path, entries, bytes: readFileSync(path).length };
    });
}
