// The `sheaf` command as npm test builds it (out/main/cli.js, ADR 68): the parts it loads on
// first use (ADR 72) load from the bundle too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freshCliBundle } from '../scripts/lib/built-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const sheaf = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'bin/sheaf.js'), ...args], { encoding: 'utf8' });

test('the built sheaf decodes a Latin-1 .bib and answers an API call', () => {
  expect(freshCliBundle(root), 'npm test builds the CLI before the end-to-end tests').toBeDefined();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-cli-bundle-'));
  try {
    const library = path.join(dir, 'library.sqlite');
    const bib = path.join(dir, 'latin1.bib');
    fs.writeFileSync(
      bib,
      Buffer.from('@article{m1, author = {Müller, Jörg}, title = {Über Bäume}, year = 1999}\n', 'latin1'),
    );
    // The legacy-encoding libraries load with the first text that is not UTF-8.
    expect(sheaf('--library', library, 'import', bib)).toContain('(windows-1252)');
    expect(sheaf('--library', library, 'export', '--format', 'biblatex')).toContain('Müller, Jörg');
    // The dispatcher loads with the first API call.
    expect(sheaf('--library', library, 'formats')).toContain('bibtex');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
