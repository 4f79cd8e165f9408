// Where the digest tests find their inputs: the shared real digest, read in place (never
// copied into the repository), and the small fixtures written for these tests.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../../../../support/shared-folder';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

export const SHARED_DIGESTS = sharedPath('fixtures/digests');
export const OWN_DIGESTS = resolve(repository, 'test/fixtures/digests');

export function readShared(name: string): string {
  return readFileSync(resolve(SHARED_DIGESTS, name), 'utf8');
}

export function readOwn(name: string): string {
  return readFileSync(resolve(OWN_DIGESTS, name), 'utf8');
}

/** The real Hugging Face trending digest of 17 June. */
export function realDigest(): string {
  return readShared('hf-trending-jun17.txt');
}

/**
 * Titles and abstracts of the real digest derived from its structure alone, independently
 * of the parser: after the "Jun 17" line, non-blank lines alternate title, abstract.
 */
export function realDigestPairs(): { title: string; abstract: string }[] {
  const lines = realDigest()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const body = lines.slice(lines.indexOf('Jun 17') + 1);
  const pairs: { title: string; abstract: string }[] = [];
  for (let i = 0; i + 1 < body.length; i += 2) pairs.push({ title: body[i]!, abstract: body[i + 1]! });
  return pairs;
}
