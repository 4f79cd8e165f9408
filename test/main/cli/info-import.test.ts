// `sheaf info` and `sheaf import`: the documented JSON, the 103-paper digest (twice),
// standard input, bad input (exit 1, nothing changed) and usage errors (exit 2).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HF_TRENDING_JUN17, sheaf, sheafJson, sheafProcess } from '../../support/cli';
import { coreFixture } from '../../support/imports';
import { tempLibraries } from '../../support/temp-library';

const temp = tempLibraries('cli-import');

interface Report {
  added: number;
  duplicates: number;
  updated: number;
  skipped: number;
  errors: { line: number; column: number; message: string }[];
  warnings: { line: number; column: number; message: string }[];
  format: string;
  digest?: { id: number; title: string; date?: string; itemCount: number };
  itemIds: number[];
}

/** The library's rows, to check that a refused command changed nothing. */
function fileState(file: string): string {
  const library = temp.open(file, { readonly: true });
  const rows = ['items', 'collections', 'tags', 'notes', 'digests', 'history']
    .map((t) => JSON.stringify(library.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))
    .join('\n');
  library.close();
  return rows;
}

describe('sheaf info', () => {
  it('prints the documented JSON', async () => {
    const file = temp.file('My Library.sqlite');
    const info = await sheafJson<Record<string, unknown>>(file, 'info', '--json');
    expect(info).toEqual({
      path: file,
      name: 'My Library',
      itemCount: 0,
      trashCount: 0,
      schemaVersion: expect.any(Number),
      readonly: false,
    });
    const text = await sheaf(file, 'info');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Items: +0/);
  });
});

describe('sheaf import', () => {
  it('imports the 103-paper digest, and a second run adds nothing', async () => {
    const file = temp.file();
    const first = await sheafJson<Report>(file, 'import', HF_TRENDING_JUN17, '--json');
    expect(first).toMatchObject({ added: 103, duplicates: 0, updated: 0, errors: [], format: 'hf-text' });
    expect(first.digest).toMatchObject({ date: '2026-06-17', itemCount: 103 });
    expect(new Set(first.itemIds).size).toBe(103);
    const second = await sheafJson<Report>(file, 'import', HF_TRENDING_JUN17, '--json');
    expect(second).toMatchObject({ added: 0, duplicates: 103, errors: [] });
    expect(second.itemIds).toEqual(first.itemIds);
    const info = await sheafJson<{ itemCount: number }>(file, 'info', '--json');
    expect(info.itemCount).toBe(103);
    const digests = await sheafJson<unknown[]>(file, 'list', '--json', '--limit', '1000');
    expect(digests).toHaveLength(103);
  });

  it('reads standard input with -, and reports in words without --json', () => {
    const file = temp.file();
    const child = sheafProcess(
      file,
      ['import', '-', '--year', '2026'],
      fs.readFileSync(coreFixture('digest-jun16.txt'), 'utf8'),
    );
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    expect(child.stdout).toMatch(/3 added, 0 already in the library/);
  });

  it('reports records it could not read by line and column, and imports the rest', async () => {
    const file = temp.file();
    const result = await sheaf(file, 'import', coreFixture('partly-broken.json'), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.added).toBe(2);
    expect(report.errors).toEqual([{ line: 2, column: 2, message: expect.stringMatching(/not an object/) }]);
    const words = await sheaf(temp.file(), 'import', coreFixture('partly-broken.json'));
    expect(words.stderr).toMatch(/partly-broken\.json:2:2: error: .*not an object/);
  });

  it('refuses input it cannot use with exit code 1 and a message, changing nothing', async () => {
    const file = temp.file();
    await sheaf(file, 'import', coreFixture('digest-jun16.txt'), '--year', '2026');
    const before = fileState(file);
    const empty = temp.file('empty.json');
    fs.writeFileSync(empty, '[]');
    const cases: [string[], RegExp][] = [
      [['import', coreFixture('not-a-reference-list.txt')], /could not recognise/],
      [['import', temp.file('missing.bib')], /No such file/],
      [['import', empty], /no records found/],
      [['import', coreFixture('digest-jun16.txt'), '--format', 'nope'], /Unknown import format "nope"/],
      [['import', coreFixture('digest-jun16.txt'), '--collection', '/'], /not a collection path/],
    ];
    for (const [args, message] of cases) {
      const result = await sheaf(file, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^sheaf: /);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fileState(file)).toBe(before);
  });

  it('puts the imported items into a collection, creating it', async () => {
    const file = temp.file();
    const report = await sheafJson<Report & { collectionId: number }>(
      file,
      'import',
      coreFixture('digest-jun16.txt'),
      '--year',
      '2026',
      '--collection',
      'Digests/June',
      '--json',
    );
    expect(report.added).toBe(3);
    const listed = await sheafJson<unknown[]>(file, 'list', '--collection', 'Digests/June', '--json');
    expect(listed).toHaveLength(3);
  });
});

describe('usage errors', () => {
  it('exit with code 2, say what is wrong, and change nothing', async () => {
    const file = temp.file();
    await sheaf(file, 'import', coreFixture('digest-jun16.txt'), '--year', '2026');
    const before = fileState(file);
    const cases: [string[], RegExp][] = [
      [['bogus'], /unknown command 'bogus'/],
      [['import'], /missing required argument 'file'/],
      [['info', '--nonsense'], /unknown option '--nonsense'/],
      [['import', coreFixture('digest-jun16.txt'), '--year', 'soon'], /--year takes a four-digit year/],
      [['collection', 'rename', 'OnlyOneArgument'], /missing required argument 'name'/],
      [['export', '--search', 'x', '--items', 'a'], /Choose one of/],
    ];
    for (const [args, message] of cases) {
      const result = await sheaf(file, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(fileState(file)).toBe(before);
    const help = await sheaf(file, '--help');
    expect(help.code).toBe(0);
  });

  it('exit with code 2 from the shell too', () => {
    const child = sheafProcess(temp.file(), ['no-such-command']);
    expect(child.code).toBe(2);
    expect(child.stderr).toMatch(/unknown command/);
  });
});
