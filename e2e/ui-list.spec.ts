// The item list: sorting (remembered), multi-selection by mouse and keyboard, columns
// (reorder, resize, a field column), copy citation keys, the window title.
import { expect, test } from './support/fixtures';
import { api, columnTexts, importText, itemList, listRows, readRealDigest } from './support/ui-helpers';

test.beforeEach(async ({ request, sheaf, app }) => {
  await importText(request, sheaf, readRealDigest());
  await app.getByTestId('view-library').click();
  await expect(app.getByTestId('status-count')).toHaveText('103 items');
});

test('clicking a header sorts by it, again reverses, and the order is remembered', async ({
  app: page,
  request,
  sheaf,
}) => {
  const header = page.getByRole('columnheader', { name: 'Title' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  // Main's title order (it files "A Closer Look" under C).
  const { rows } = await api<{ rows: { title: string }[] }>(request, sheaf, 'items.window', {
    view: { kind: 'library' },
    sort: { field: 'title', direction: 'asc' },
    offset: 0,
    limit: 10,
  });
  const ascending = await columnTexts(page, 'title');
  expect(ascending.slice(0, 10)).toEqual(rows.map((row) => row.title));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(listRows(page).first().locator('.cell-title')).not.toHaveText(ascending[0]!);
  await page.reload();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  expect(await page.title()).toBe('My Library — Sheaf');
});

test('selection with the keyboard, Shift, Ctrl/Cmd and select-all', async ({ app: page }) => {
  const list = itemList(page);
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(listRows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-pane="item"] [data-item-id]')).toBeVisible();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('status-selected')).toHaveText('3 selected');
  await listRows(page)
    .nth(6)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('status-selected')).toHaveText('4 selected');
  await listRows(page)
    .nth(10)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('status-selected')).toHaveText('5 selected');
  await expect(page.locator('[data-pane="item"]')).toContainText('5 items selected');
  await page.keyboard.press('ControlOrMeta+A');
  await expect(page.getByTestId('status-selected')).toHaveText('103 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-selected')).toHaveCount(0);
  // End goes to the last row, far below the first page.
  await page.keyboard.press('End');
  await expect(list.locator('[role="row"][aria-rowindex="104"]')).toHaveAttribute('aria-selected', 'true');
});

test('columns reorder by dragging a header, resize by its edge, and show any field', async ({
  app: page,
  request,
  sheaf,
}) => {
  const headers = () => page.getByRole('columnheader').allTextContents();
  await expect.poll(async () => (await headers()).slice(0, 3)).toEqual(['Title', 'Creators', 'Year']);
  await page
    .getByRole('columnheader', { name: 'Year' })
    .dragTo(page.getByRole('columnheader', { name: 'Title' }), {
      targetPosition: { x: 5, y: 10 },
    });
  await expect.poll(async () => (await headers()).slice(0, 3)).toEqual(['Year', 'Title', 'Creators']);

  const creators = page.getByRole('columnheader', { name: 'Creators' });
  const before = (await creators.boundingBox())!.width;
  const handle = creators.locator('.resize-handle');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  expect((await creators.boundingBox())!.width).toBeGreaterThan(before + 50);

  const [first] = await api<number[]>(request, sheaf, 'items.ids', {
    view: { kind: 'library' },
    sort: { field: 'added', direction: 'desc' },
    offset: 0,
    limit: 1,
  });
  await api(request, sheaf, 'items.update', { id: first, patch: { fields: { eprinttype: 'arXiv' } } });
  await page.getByRole('columnheader', { name: 'Title' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add Field Column…' }).click();
  await page.getByRole('textbox', { name: 'Field name' }).fill('eprinttype');
  await page.getByRole('button', { name: 'Add Column' }).click();
  await expect(page.getByRole('columnheader', { name: 'eprinttype' })).toBeVisible();
  await expect(listRows(page).first().locator('.cell-field\\:eprinttype')).toHaveText('arXiv');
});

test('copy citation keys and BibTeX from the keyboard and the context menu', async ({
  app: page,
  request,
  sheaf,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = listRows(page);
  const keys = [
    (await rows.nth(0).locator('.cell-citekey').textContent())!,
    (await rows.nth(1).locator('.cell-citekey').textContent())!,
  ];
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+Shift+C');
  await expect(page.getByTestId('toast').filter({ hasText: 'Copied 2 citation keys' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keys.join(','));

  await rows.nth(2).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Copy Citation Key' }).click();
  const third = (await rows.nth(2).locator('.cell-citekey').textContent())!;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(third);

  const formats = await api<{ id: string }[]>(request, sheaf, 'export.formats');
  await page.keyboard.press('ControlOrMeta+Shift+B');
  if (formats.some((f) => f.id === 'bibtex')) {
    await expect(page.getByTestId('toast').filter({ hasText: 'Copied BibTeX for 1 item' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(third);
  } else {
    await expect(
      page.getByTestId('toast').filter({ hasText: 'BibTeX export is not available' }),
    ).toBeVisible();
  }
});
