// The desktop app itself, through Playwright's Electron driver. Runs where an Electron
// binary exists (and `npm start` has built better-sqlite3 for it); elsewhere each test
// is reported as skipped with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { METHOD_NAMES } from '../../src/shared/contract/names';
import { electronBinary } from '../support/electron-binary';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary();

if (!binary.path) console.warn(`[electron] skipped: ${binary.reason}`);
test.skip(
  !binary.path,
  `Electron e2e skipped: ${binary.reason}. Run \`npm start\` once on a machine that can download Electron.`,
);

test('opens the library in a locked-down window that exposes exactly the contract', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [root, '--library', path.join(dir, 'library.sqlite')],
    cwd: root,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('[data-ready="true"]')).toBeVisible();
    const exposed = await window.evaluate(() => ({
      keys: Object.keys((window as unknown as { sheaf: object }).sheaf).sort(),
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
    }));
    expect(exposed.keys).toEqual([...METHOD_NAMES, 'events'].sort());
    expect(exposed.hasProcess).toBe(false);
    expect(exposed.hasRequire).toBe(false);
    await window.evaluate(() =>
      (globalThis as unknown as { open(url: string): unknown }).open('https://example.com'),
    );
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
