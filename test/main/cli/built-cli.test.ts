import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, freshCliBundle } from '../../../scripts/lib/built-cli.js';

describe('which CLI `sheaf` runs', () => {
  let root: string;
  const write = (relative: string, secondsAgo: number) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    const when = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, when, when);
    // A folder's time moves when a file is added to it: as old as the file, or it would count.
    for (let dir = path.dirname(file); dir.startsWith(root); dir = path.dirname(dir))
      fs.utimesSync(dir, when, when);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-built-cli-'));
    write('src/main/cli/main.ts', 300);
    write('src/main/core/library/items.ts', 200);
    write('src/shared/domain.ts', 250);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('runs the bundle when it is newer than every source', () => {
    write(CLI_BUNDLE, 100);
    expect(freshCliBundle(root, {})).toBe(path.join(root, CLI_BUNDLE));
  });

  it('runs the sources when any of them, however deep, changed after the build', () => {
    write(CLI_BUNDLE, 100);
    write('src/main/core/library/items.ts', 10);
    expect(freshCliBundle(root, {})).toBeUndefined();
    write('src/main/core/library/items.ts', 200);
    write('src/shared/domain.ts', 10);
    expect(freshCliBundle(root, {})).toBeUndefined();
  });

  it('runs the sources when a new source file appears after the build', () => {
    write(CLI_BUNDLE, 100);
    write('src/main/core/formats/new-format.ts', 5);
    expect(freshCliBundle(root, {})).toBeUndefined();
  });

  it('runs the sources when a source file was deleted after the build', () => {
    write(CLI_BUNDLE, 100);
    fs.rmSync(path.join(root, 'src/main/core/library/items.ts'));
    expect(freshCliBundle(root, {})).toBeUndefined();
    write('src/main/core/library/items.ts', 200);
    write(CLI_BUNDLE, 100);
    fs.rmSync(path.join(root, 'src/main/cli/main.ts'));
    fs.rmdirSync(path.join(root, 'src/main/cli'));
    expect(freshCliBundle(root, {})).toBeUndefined();
  });

  it('runs the bundle of an install that has no sources', () => {
    write(CLI_BUNDLE, 100);
    fs.rmSync(path.join(root, 'src'), { recursive: true });
    expect(freshCliBundle(root, {})).toBe(path.join(root, CLI_BUNDLE));
  });

  it('runs the sources with no build, or when SHEAF_FROM_SOURCE asks for them', () => {
    expect(freshCliBundle(root, {})).toBeUndefined();
    write(CLI_BUNDLE, 100);
    expect(freshCliBundle(root, { SHEAF_FROM_SOURCE: '1' })).toBeUndefined();
  });
});
