// The item pane: every field edited in place, creators, any field, tags, links opened in
// the browser, where the item belongs, its notes.
import { expect, test } from './support/fixtures';
import { api, importText, listRows, readRealDigest } from './support/ui-helpers';

test('edit type, creators (add, reorder, remove), date, venue, a new field and tags', async ({
  app: page,
  request,
  sheaf,
}) => {
  const item = await api<{ id: number }>(request, sheaf, 'items.create', {
    data: {
      type: 'article',
      title: 'Attention Is All You Need',
      creators: [{ role: 'author', family: 'Vaswani', given: 'Ashish' }],
      links: [],
      fields: {},
    },
  });
  await listRows(page).first().click();
  const pane = page.locator('[data-pane="item"]');
  await pane.getByRole('combobox', { name: 'Item type' }).selectOption('inproceedings');

  await pane.getByRole('button', { name: 'Add creator' }).click();
  await pane.getByRole('textbox', { name: 'Family name of creator 2' }).fill('Shazeer');
  await pane.getByRole('textbox', { name: 'Given name of creator 2' }).fill('Noam');
  await pane.getByRole('textbox', { name: 'Given name of creator 2' }).press('Enter');
  await expect(listRows(page).first().locator('.cell-creators')).toHaveText(/Vaswani.*Shazeer/);
  await pane.getByRole('button', { name: 'Move Noam Shazeer up' }).click();
  await expect(listRows(page).first().locator('.cell-creators')).toHaveText(/^Shazeer.*Vaswani/);
  await pane.getByRole('button', { name: 'Remove Ashish Vaswani' }).click();
  await expect(listRows(page).first().locator('.cell-creators')).toHaveText('Shazeer');

  const date = pane.getByRole('textbox', { name: 'Date' });
  await date.fill('2017-06-12');
  await date.press('Enter');
  await expect(listRows(page).first().locator('.cell-year')).toHaveText('2017');
  const venue = pane.getByRole('textbox', { name: 'Venue' });
  await venue.fill('NeurIPS');
  await venue.press('Enter');
  await expect(listRows(page).first().locator('.cell-container')).toHaveText('NeurIPS');

  await pane.getByRole('textbox', { name: 'New field name' }).fill('eventtitle');
  await pane.getByRole('textbox', { name: 'New field value' }).fill('Advances in NIPS 30');
  await pane.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(pane.getByRole('textbox', { name: 'eventtitle' })).toHaveValue('Advances in NIPS 30');

  await pane.getByRole('textbox', { name: 'Add a tag' }).fill('transformers');
  await pane.getByRole('textbox', { name: 'Add a tag' }).press('Enter');
  await expect(pane.getByRole('list', { name: 'Tags' })).toContainText('transformers');
  await expect(page.getByRole('treeitem', { name: 'transformers' })).toBeVisible();

  const stored = await api<Record<string, unknown>>(request, sheaf, 'items.get', { id: item.id });
  expect(stored).toMatchObject({
    type: 'inproceedings',
    date: '2017-06-12',
    container: 'NeurIPS',
    creators: [{ role: 'author', family: 'Shazeer', given: 'Noam' }],
    fields: { eventtitle: 'Advances in NIPS 30' },
    tags: ['transformers'],
  });

  await pane.getByRole('button', { name: 'Remove the tag transformers' }).click();
  await expect(pane.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(0);
});

test('links from the abstract open in the browser; the pane shows digests, collections and notes', async ({
  app: page,
  request,
  sheaf,
  context,
}) => {
  const { digest } = await importText(request, sheaf, readRealDigest());
  const collection = await api<{ id: number }>(request, sheaf, 'collections.create', {
    name: 'Caching',
    parentId: null,
  });
  await page.getByTestId(`digest-${digest!.id}`).click();
  const deepCache = listRows(page).filter({ hasText: 'DeepCache: Accelerating Diffusion Models for Free' });
  await api(request, sheaf, 'collections.addItems', {
    id: collection.id,
    itemIds: [Number(await deepCache.getAttribute('data-id'))],
  });
  await deepCache.click();
  const pane = page.locator('[data-pane="item"]');
  await expect(pane.getByRole('button', { name: 'Caching' })).toBeVisible();
  await expect(pane.getByRole('button', { name: /#2 in .* Hugging Face papers/ })).toBeVisible();

  // The "Code" link from the abstract opens in a new tab (browser mode: no system browser).
  await context.route('https://github.com/**', (route) => route.fulfill({ body: 'repository' }));
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    pane.getByRole('group', { name: 'Links' }).getByRole('button', { name: 'Code' }).click(),
  ]);
  await expect.poll(() => popup.url()).toBe('https://github.com/horseee/DeepCache');
  await popup.close();

  await pane.getByRole('button', { name: 'Add note' }).click();
  await page.getByTestId('note-editor').locator('.cm-content').click();
  await page.keyboard.type('# Reuse across steps');
  await expect(page.getByTestId('note-save-state')).toHaveText('Saved');
  await pane.getByRole('button', { name: /^Back to/ }).click();
  await expect(pane.getByTestId('item-notes')).toContainText('Reuse across steps');
});
