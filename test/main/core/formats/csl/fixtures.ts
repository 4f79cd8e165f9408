// Reads a fixture file from test/fixtures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url)), 'utf8');
}
