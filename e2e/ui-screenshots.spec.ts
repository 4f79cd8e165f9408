// Screenshots of the main views, light and dark, saved as test artifacts
// (test-results/screenshots/ui-*.png) for people to look at. Each step also checks
// that the view shows what it should.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { api, importText, listRows, readRealDigest, SCREENSHOTS, waitForSearch } from './support/ui-helpers';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SCREENSHOTS, `ui-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('screenshots of the library, collection, item, notes and import views', async ({
  app: page,
  request,
  sheaf,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const { digest } = await importText(request, sheaf, readRealDigest());
  const { itemIds: classics } = await importText(request, sheaf, fixture('classics.ris'));
  const reading = await api<{ id: number }>(request, sheaf, 'collections.create', {
    name: 'Reading',
    parentId: null,
  });
  const unlearning = await api<{ id: number }>(request, sheaf, 'collections.create', {
    name: 'Unlearning',
    parentId: reading.id,
  });
  await api(request, sheaf, 'collections.create', { name: 'Foundations', parentId: null });
  await api(request, sheaf, 'collections.create', { name: 'To cite in thesis', parentId: null });
  const unlearningIds = await api<number[]>(request, sheaf, 'items.ids', {
    view: { kind: 'library' },
    search: 'unlearning',
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 100,
  });
  await api(request, sheaf, 'collections.addItems', { id: unlearning.id, itemIds: unlearningIds });
  await api(request, sheaf, 'tags.add', { itemIds: unlearningIds.slice(0, 4), names: ['to-read'] });
  await api(request, sheaf, 'tags.add', {
    itemIds: classics.slice(0, 3),
    names: ['classic', 'transformers'],
  });
  await api(request, sheaf, 'notes.create', {
    itemId: classics[0],
    body: '# Why attention won\n\nSelf-attention replaces recurrence; compare with [[hochreiterLongShortTerm1997]] and the encoder in [[devlinBERTPreTraining2019]].\n\n- parallel training\n- **constant** path length between positions',
  });
  await api(request, sheaf, 'notes.create', {
    itemId: null,
    body: '# Unlearning reading list\n\nStart with the *survey-style* papers, then:\n\n1. Exact unlearning\n2. Approximate unlearning\n\nSee `gradient ascent` baselines.',
  });

  await page.getByTestId('view-library').click();
  await expect(page.getByTestId('status-count')).toHaveText('115 items');
  await page.getByRole('columnheader', { name: 'Year' }).getByRole('button').click();
  await expect(listRows(page).first().locator('.cell-year')).toHaveText('2020');
  await listRows(page).nth(1).click();
  await shoot(page, 'library');

  await page.getByTestId('collection-Reading').getByText('Reading').click();
  await page.getByTestId('collection-Reading').press('ArrowRight');
  await page.getByTestId('collection-Unlearning').click();
  await expect(page.getByTestId('status-count')).toHaveText(`${unlearningIds.length} items`);
  await listRows(page).nth(0).click();
  await listRows(page)
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await shoot(page, 'collection');

  await page.getByTestId(`digest-${digest!.id}`).click();
  await listRows(page).filter({ hasText: 'DeepCache' }).click();
  await expect(page.locator('[data-pane="item"]').getByRole('button', { name: 'Code' })).toBeVisible();
  await shoot(page, 'digest-item');

  await page.getByTestId('view-library').click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('attention');
  await waitForSearch(page, 'attention');
  await listRows(page).filter({ hasText: 'Attention Is All You Need' }).click();
  await expect(page.locator('[data-pane="item"]').getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Attention Is All You Need',
  );
  await shoot(page, 'item');

  await page.getByTestId('view-notes').click();
  await page.getByRole('option', { name: /Why attention won/ }).click();
  await expect(page.getByTestId('note-preview').locator('a.cite-link').first()).toBeVisible();
  await shoot(page, 'notes');

  await page.getByTestId('view-library').click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page
    .getByRole('textbox', { name: 'Or paste a digest or BibTeX here' })
    .fill(fixture('with-errors.ris'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-found')).toContainText('2');
  await shoot(page, 'import');
  await page.getByTestId('import-sheet').getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('view-library').click();
  await listRows(page).first().click();
  await page.keyboard.press('Delete');
  await page.getByTestId('view-trash').click();
  await expect(page.getByTestId('status-count')).toHaveText('1 item');
  await shoot(page, 'trash');
});

test('screenshot of the empty library', async ({ app: page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await shoot(page, 'empty');
});
