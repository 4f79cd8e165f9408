// Organising: the collection tree (create, rename inline, re-parent by dragging, delete
// and restore), adding and moving items by dragging, tag filters, undo and redo.
import { expect, test } from './support/fixtures';
import { api, dragHolding, importText, listRows, readRealDigest } from './support/ui-helpers';

test.beforeEach(async ({ request, sheaf, app }) => {
  await importText(request, sheaf, readRealDigest());
  await app.getByTestId('view-library').click();
  await expect(app.getByTestId('status-count')).toHaveText('103 items');
});

test('collections: create, rename inline, nest by dragging, delete to the trash and restore', async ({
  app: page,
}) => {
  const create = async (name: string) => {
    await page.getByRole('button', { name: 'New collection' }).click();
    const input = page.getByRole('textbox', { name: 'Name of the new collection' });
    await input.fill(name);
    await input.press('Enter');
    await expect(page.getByTestId(`collection-${name}`)).toBeVisible();
  };
  await create('Reading');
  await create('Later');

  // Rename inline (F2), Escape keeps the old name, Enter the new one.
  await page.getByTestId('collection-Later').click();
  await page.getByTestId('collection-Later').press('F2');
  await page.getByRole('textbox', { name: 'New name for Later' }).fill('Someday');
  await page.getByRole('textbox', { name: 'New name for Later' }).press('Enter');
  await expect(page.getByTestId('collection-Someday')).toBeVisible();
  await expect(page.getByTestId('view-title')).toHaveText('Someday');
  expect(await page.title()).toBe('Someday — Sheaf');

  // Drag "Someday" into "Reading": it becomes a child, shown under its open parent.
  await page.getByTestId('collection-Someday').dragTo(page.getByTestId('collection-Reading'));
  await expect(page.getByTestId('collection-Someday')).toHaveAttribute('aria-level', '2');
  await expect(page.getByTestId('collection-Reading')).toHaveAttribute('aria-expanded', 'true');
  // The tree collapses with the keyboard.
  await page.getByTestId('collection-Reading').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('collection-Someday')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('collection-Someday')).toBeVisible();

  // Delete to the trash (Delete key), then restore it from the trash view.
  await page.getByTestId('collection-Someday').click();
  await page.keyboard.press('Delete');
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Moved the collection “Someday” to the trash' }),
  ).toBeVisible();
  await expect(page.getByTestId('collection-Someday')).toHaveCount(0);
  await expect(page.getByTestId('view-title')).toHaveText('My Library');
  await page.getByTestId('view-trash').click();
  const others = page.getByRole('list', { name: 'Other things in the trash' });
  await expect(others).toContainText('Someday');
  await others.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('collection-Someday')).toBeVisible();
});

test('dragging items adds them; with Shift it moves them out of the collection shown', async ({
  app: page,
  request,
  sheaf,
}) => {
  const a = await api<{ id: number }>(request, sheaf, 'collections.create', { name: 'A', parentId: null });
  await api(request, sheaf, 'collections.create', { name: 'B', parentId: null });
  await expect(page.getByTestId('collection-B')).toBeVisible();

  await listRows(page).nth(0).click();
  await listRows(page)
    .nth(3)
    .click({ modifiers: ['Shift'] });
  await listRows(page).nth(1).dragTo(page.getByTestId('collection-A'));
  await expect(page.getByTestId('collection-A').locator('.count')).toHaveText('4');
  await expect(page.getByTestId('toast').filter({ hasText: 'Added 4 items to “A”' })).toBeVisible();

  await page.getByTestId('collection-A').click();
  await expect(page.getByTestId('status-count')).toHaveText('4 items');
  await listRows(page).nth(0).click();
  await listRows(page)
    .nth(1)
    .click({ modifiers: ['ControlOrMeta'] });
  await dragHolding(page, listRows(page).nth(0), page.getByTestId('collection-B'), 'Shift');
  await expect(page.getByTestId('toast').filter({ hasText: 'Moved 2 items to “B”' })).toBeVisible();
  await expect(page.getByTestId('collection-B').locator('.count')).toHaveText('2');
  await expect(page.getByTestId('status-count')).toHaveText('2 items');
  const counts = await api<{ id: number; itemCount: number }[]>(request, sheaf, 'collections.list');
  expect(counts.find((c) => c.id === a.id)?.itemCount).toBe(2);

  // Undo puts them back; redo moves them again.
  await page.getByTestId('item-list').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('toast').filter({ hasText: 'Undone: Move 2 items to "B"' })).toBeVisible();
  await expect(page.getByTestId('status-count')).toHaveText('4 items');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(page.getByTestId('toast').filter({ hasText: 'Redone: Move 2 items to "B"' })).toBeVisible();
  await expect(page.getByTestId('status-count')).toHaveText('2 items');
});

test('tags filter by one, then by several (items having all)', async ({ app: page, request, sheaf }) => {
  const ids = await api<number[]>(request, sheaf, 'items.ids', {
    view: { kind: 'library' },
    sort: { field: 'added', direction: 'asc' },
    offset: 0,
    limit: 5,
  });
  await api(request, sheaf, 'tags.add', { itemIds: ids, names: ['to-read'] });
  await api(request, sheaf, 'tags.add', { itemIds: ids.slice(0, 2), names: ['important'] });
  await page.getByRole('treeitem', { name: 'to-read' }).click();
  await expect(page.getByTestId('status-count')).toHaveText('5 items');
  await page.getByRole('treeitem', { name: 'important' }).click();
  await expect(page.getByTestId('status-count')).toHaveText('2 items');
  await expect(page.getByTestId('view-title')).toHaveText('#to-read + #important');
  await page.getByRole('treeitem', { name: 'to-read' }).click();
  await expect(page.getByTestId('status-count')).toHaveText('2 items');
  await page.getByRole('treeitem', { name: 'important' }).click();
  await expect(page.getByTestId('view-title')).toHaveText('My Library');
});

test('the sidebar, list and item pane are reachable and usable from the keyboard', async ({ app: page }) => {
  await page.getByTestId('view-library').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('view-unfiled')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-title')).toHaveText('Unfiled Items');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('item-list')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-pane="item"]').getByRole('textbox', { name: 'Title' })).toBeFocused();
  // Escape leaves the field for the list; Shift+F6 goes back to the sidebar.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('item-list')).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(page.getByTestId('view-unfiled')).toBeFocused();
  // The list's context menu from the keyboard.
  await page.keyboard.press('F6');
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'Item actions' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByTestId('item-list')).toBeFocused();
});

test('Enter on a row whose details have not arrived yet moves the focus in when they do', async ({
  app: page,
}) => {
  const list = page.getByTestId('item-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  const title = page.locator('[data-pane="item"]').getByRole('textbox', { name: 'Title' });
  await expect(title).toBeVisible();
  // The next item's details come late, as they do from a busy main process.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/items.get', async (route) => {
    await held;
    await route.continue();
  });
  const next = (await listRows(page).nth(1).locator('.cell-title').textContent())!;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list).toBeFocused(); // nothing to focus in yet
  release();
  await expect(title).toHaveValue(next);
  await expect(title).toBeFocused();

  // Moved on before the details came: the focus stays in the list.
  let releaseAgain = () => {};
  const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
  await page.unroute('**/api/items.get');
  await page.route('**/api/items.get', async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.keyboard.press('Escape');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  releaseAgain();
  await expect(title).toHaveValue((await listRows(page).nth(3).locator('.cell-title').textContent())!);
  await expect(list).toBeFocused();
});
