// Backups from the UI: back up now, change the library, restore the backup after a
// confirmation that names its item count, and see the library as it was.
import { expect, test } from './support/fixtures';
import path from 'node:path';
import { api, importText, readRealDigest, SCREENSHOTS, syntheticDigest } from './support/ui-helpers';

test('back up, import more, restore the backup: the list is as it was', async ({
  app: page,
  request,
  sheaf,
}) => {
  await importText(request, sheaf, readRealDigest());
  await page.getByTestId('view-library').click();
  await expect(page.getByTestId('status-count')).toHaveText('103 items');

  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  const dialog = page.getByTestId('backups-dialog');
  await dialog.getByRole('button', { name: 'Back Up Now' }).click();
  // Newest first (the server may also have made its start-up backup of the empty library).
  await expect(dialog.getByRole('listitem').first()).toContainText('103 items');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ui-backups-light.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await importText(request, sheaf, syntheticDigest(5));
  await expect(page.getByTestId('status-count')).toHaveText('108 items');

  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  await dialog
    .getByRole('button', { name: /Restore the backup of/ })
    .first()
    .click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Restore backup' });
  await expect(confirm).toContainText('103 items');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ui-backups-confirm-light.png') });
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('status-count')).toHaveText('108 items');

  await dialog
    .getByRole('button', { name: /Restore the backup of/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('status-count')).toHaveText('103 items');
  // The state before the restore was backed up too, so the restore can be taken back.
  const backups = await api<{ itemCount: number }[]>(request, sheaf, 'backups.list');
  expect(backups.slice(0, 2).map((b) => b.itemCount)).toEqual([108, 103]);
});
