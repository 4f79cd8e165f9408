import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const root = path.resolve(import.meta.dirname, '..');

test('the shell shows the library name and the item count from the database', async ({
  app,
  sheaf,
  request,
}) => {
  await expect(app.getByRole('heading', { name: 'library' })).toBeVisible();
  await expect(app.getByTestId('library-count')).toHaveText('0');
  const created = await request.post(`${sheaf.origin}/api/items.create`, {
    headers: { 'X-Sheaf-Token': sheaf.token },
    data: { data: { type: 'article', title: 'A paper', creators: [], links: [], fields: {} } },
  });
  expect((await created.json()).ok).toBe(true);
  await expect(app.getByTestId('library-count')).toHaveText('1');
  // A change made by another process (the CLI) reaches the page too.
  execFileSync(process.execPath, [path.join(root, 'bin/sheaf.js'), '--library', sheaf.libraryFile, 'undo']);
  await expect(app.getByTestId('library-count')).toHaveText('0');
  await app.screenshot({ path: 'test-results/screenshots/foundation-shell.png' });
});

test.describe('browser-mode API gate', () => {
  test('refuses requests without the token', async ({ request, sheaf }) => {
    const response = await request.post(`${sheaf.origin}/api/library.info`, { data: {} });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
  });

  test('refuses a wrong token', async ({ request, sheaf }) => {
    const response = await request.post(`${sheaf.origin}/api/library.info`, {
      data: {},
      headers: { 'X-Sheaf-Token': 'not-the-token' },
    });
    expect(response.status()).toBe(401);
  });

  test('refuses another origin even with the token', async ({ request, sheaf }) => {
    const response = await request.post(`${sheaf.origin}/api/collections.create`, {
      data: { name: 'Evil', parentId: null },
      headers: { 'X-Sheaf-Token': sheaf.token, Origin: 'http://evil.example' },
    });
    expect(response.status()).toBe(403);
    const list = await request.post(`${sheaf.origin}/api/collections.list`, {
      data: {},
      headers: { 'X-Sheaf-Token': sheaf.token },
    });
    expect((await list.json()).value).toEqual([]);
  });

  test('refuses a rebound host name', async ({ request, sheaf }) => {
    const response = await request.post(`${sheaf.origin}/api/library.info`, {
      data: {},
      headers: { 'X-Sheaf-Token': sheaf.token, Host: 'attacker.example' },
    });
    expect(response.status()).toBe(421);
  });

  test('refuses invalid arguments and unknown methods, changing nothing', async ({ request, sheaf }) => {
    const headers = { 'X-Sheaf-Token': sheaf.token };
    const bad = await request.post(`${sheaf.origin}/api/collections.create`, {
      data: { name: 42, parentId: -1, __proto__: { polluted: true } },
      headers,
    });
    const badBody = await bad.json();
    expect(badBody.ok).toBe(false);
    expect(badBody.error.code).toBe('invalid-argument');
    const unknown = await request.post(`${sheaf.origin}/api/library.dropEverything`, { data: {}, headers });
    expect((await unknown.json()).error.code).toBe('unknown-method');
    const list = await request.post(`${sheaf.origin}/api/collections.list`, { data: {}, headers });
    expect((await list.json()).value).toEqual([]);
  });
});
