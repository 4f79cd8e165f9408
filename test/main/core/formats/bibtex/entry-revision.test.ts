// Stored entries (service/entry-cache.ts) are reused while the writer variant, which carries
// BIB_ENTRY_REVISION, stays the same. So a change to what the BibTeX writer outputs must come
// with a new revision, or libraries would go on exporting entries the old writer made. This
// pins the writer's output on a fixed set of items, in every variant: when the fingerprint
// changes, bump BIB_ENTRY_REVISION (formats/bibtex/export/exporter.ts) and record the new
// fingerprint under it here.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../../../src/main/core/formats/types';
import {
  BIB_ENTRY_REVISION,
  bibEntry,
  bibEntryOptions,
  parseBibtex,
} from '../../../../../src/main/core/formats/bibtex';
import { hostileStrings } from '../../../../fixtures/hostile/hostile';
import { ATTENTION, BERT, GODEL, paper } from '../../../../support/items';

const FINGERPRINTS: Record<number, string> = {
  1: '05d862e3ea139bb3',
};

function items(): ExportItem[] {
  const dir = path.join(import.meta.dirname, '../../../../fixtures/bibtex');
  const parsed = fs
    .readdirSync(dir)
    .sort()
    .flatMap((name) => parseBibtex(fs.readFileSync(path.join(dir, name), 'utf8')).records.map((r) => r.data));
  const hostile = hostileStrings().map(({ text }) => ({
    ...paper({ title: text, authors: [text], date: '2020-03' }),
    abstract: text,
    tags: [text],
    links: [{ kind: 'code' as const, url: `https://example.org/${encodeURIComponent(text)}` }],
  }));
  return [...parsed, ATTENTION, BERT, GODEL, ...hostile].map((data, index) => ({
    ...data,
    id: index + 1,
    key: `KEY${index}`,
    citekey: data.citekey ?? `key${index}`,
    tags: data.tags ?? [],
    added: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }));
}

describe('the BibTeX writer revision', () => {
  it('changes whenever what the writer outputs does', () => {
    const hash = createHash('sha256');
    const all = items();
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      for (const unicode of [false, true]) {
        for (const blocks of [undefined, {}]) {
          const options = bibEntryOptions(dialect, { unicode, ...(blocks ? { blocks } : {}) });
          for (const item of all) hash.update(`${bibEntry(item, options)}\u0000`);
        }
      }
    }
    const fingerprint = hash.digest('hex').slice(0, 16);
    expect(
      fingerprint,
      `The BibTeX writer's output changed: bump BIB_ENTRY_REVISION to ${BIB_ENTRY_REVISION + 1} and record "${fingerprint}" under it in this test.`,
    ).toBe(FINGERPRINTS[BIB_ENTRY_REVISION]);
  });
});
