// Import from every door (menu, paste, dropped file) with a preview that counts papers,
// flags duplicates and lists errors by line; a target collection; progress and cancel.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import {
  api,
  dropFile,
  importText,
  itemList,
  listRows,
  pasteText,
  readRealDigest,
  syntheticDigest,
} from './support/ui-helpers';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

test('a dropped file with errors: the preview lists them by line and imports the rest', async ({
  app: page,
}) => {
  await dropFile(page, itemList(page), 'with-errors.ris', fixture('with-errors.ris'));
  const sheet = page.getByTestId('import-sheet');
  await expect(sheet.getByRole('heading', { name: 'Import from with-errors.ris' })).toBeVisible();
  await expect(sheet.getByTestId('import-found')).toContainText('2');
  await expect(sheet.getByTestId('import-error-count')).toContainText('2');
  const errors = sheet.getByTestId('import-errors');
  await expect(errors).toContainText('Line 7');
  await expect(errors).toContainText('tag TI outside a record');
  await expect(errors).toContainText('Line 8');
  await sheet.getByText('1 warning').click();
  await expect(sheet).toContainText('could not read the date "notayear"');
  await sheet.getByRole('button', { name: 'Import 2 papers' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('library-count')).toHaveText('2');
});

test('the Import menu takes pasted text, into a chosen collection; unticked records stay out', async ({
  app: page,
  request,
  sheaf,
}) => {
  await api(request, sheaf, 'collections.create', { name: 'Inbox', parentId: null });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const sheet = page.getByTestId('import-sheet');
  await sheet.getByRole('textbox', { name: 'Or paste a digest or BibTeX here' }).fill(syntheticDigest(5));
  await sheet.getByRole('button', { name: 'Preview' }).click();
  await expect(sheet.getByTestId('import-found')).toContainText('5');
  await sheet.getByRole('checkbox', { name: /Import Synthetic Paper 0:/ }).uncheck();
  await sheet.getByRole('combobox', { name: 'Add the papers to' }).selectOption({ label: 'Inbox' });
  await sheet.getByRole('button', { name: 'Import 4 papers' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('view-title')).toHaveText('Inbox');
  await expect(page.getByTestId('status-count')).toHaveText('4 items');
  await expect(listRows(page).filter({ hasText: 'Synthetic Paper 0:' })).toHaveCount(0);
});

test('pasting a digest already imported flags every paper as a duplicate', async ({
  app: page,
  request,
  sheaf,
}) => {
  await importText(request, sheaf, readRealDigest());
  await itemList(page).focus();
  await pasteText(page, readRealDigest());
  const sheet = page.getByTestId('import-sheet');
  await expect(sheet.getByTestId('import-found')).toContainText('103');
  await expect(sheet.getByTestId('import-duplicates')).toContainText('103');
  await expect(sheet.getByText('In library').first()).toBeVisible();
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('library-count')).toHaveText('103');
});

test('a large import shows its progress and, cancelled, leaves the library unchanged', async ({
  app: page,
  request,
  sheaf,
}) => {
  test.setTimeout(180_000);
  await api(request, sheaf, 'items.create', {
    data: { type: 'article', title: 'Already here', creators: [], links: [], fields: {} },
  });
  await expect(page.getByTestId('library-count')).toHaveText('1');
  await dropFile(page, itemList(page), 'big-digest.txt', syntheticDigest(20_000));
  const sheet = page.getByTestId('import-sheet');
  await expect(sheet.getByTestId('import-found')).toContainText('20,000', { timeout: 60_000 });
  await sheet.getByRole('button', { name: 'Import 20,000 papers' }).click();
  const progress = sheet.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 30_000 });
  await sheet.getByRole('button', { name: 'Cancel Import' }).click();
  await expect(sheet).toContainText('Import cancelled; the library was not changed.', { timeout: 60_000 });
  await sheet.locator('.import-result').getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  expect(await api(request, sheaf, 'library.info')).toMatchObject({ itemCount: 1 });
  await expect(page.getByTestId('library-count')).toHaveText('1');
});
