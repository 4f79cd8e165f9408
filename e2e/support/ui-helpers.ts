// Helpers for the UI tests: the API of the test's server (to set up or check state the
// way another process would), and the few gestures Playwright has no single call for.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { SheafServer } from './sheaf-server';
import { sharedPath } from '../../test/support/shared-folder';

export const REAL_DIGEST = sharedPath('fixtures/digests/hf-trending-jun17.txt');

export function readRealDigest(): string {
  return fs.readFileSync(REAL_DIGEST, 'utf8');
}

/** Calls the test server's API directly (as the CLI or another window would). */
export async function api<T = unknown>(
  request: APIRequestContext,
  sheaf: SheafServer,
  method: string,
  args: unknown = {},
): Promise<T> {
  const response = await request.post(`${sheaf.origin}/api/${method}`, {
    headers: { 'X-Sheaf-Token': sheaf.token },
    data: args,
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message}`);
  return body.value as T;
}

/** Imports text through the API (preview + commit), as a set-up step. */
export async function importText(
  request: APIRequestContext,
  sheaf: SheafServer,
  text: string,
  options: { collectionId?: number } = {},
): Promise<{ itemIds: number[]; digest?: { id: number } }> {
  const preview = await api<{ id: string }>(request, sheaf, 'import.preview', { input: { text } });
  return api(request, sheaf, 'import.commit', { previewId: preview.id, ...options });
}

/** Pastes `text` the way Ctrl/Cmd+V does outside a text field. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Drops a file from outside the window onto `target`. */
export async function dropFile(
  page: Page,
  target: Locator,
  name: string,
  content: string,
  type = 'text/plain',
) {
  const transfer = await page.evaluateHandle(
    ([fileName, text, mediaType]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: mediaType }));
      return data;
    },
    [name, content, type] as const,
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** The item list's grid. */
export const itemList = (page: Page) => page.getByTestId('item-list');

/** Rows of the item list currently in the DOM (the list is virtual). */
export const listRows = (page: Page) => itemList(page).locator('[role="row"][data-id]');

/** Waits until the list shows `search`'s results (not the previous query's). */
export async function waitForSearch(page: Page, search: string): Promise<void> {
  await page.locator(`[data-testid="item-list"][data-search="${search}"][data-loading="false"]`).waitFor();
}

/** The text of one cell of each row in the DOM, in order. */
export async function columnTexts(page: Page, column: string): Promise<string[]> {
  return listRows(page).locator(`.cell-${column}`).allTextContents();
}

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** A Hugging Face-style digest of `count` made-up papers (for large imports). */
export function syntheticDigest(count: number): string {
  const parts = [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'byAK and the research community',
    'Jun 17',
  ];
  for (let i = 0; i < count; i++) {
    parts.push(`Synthetic Paper ${i}: Scaling Benchmarks for Reference Managers, Part ${i % 97}`);
    parts.push(
      `We study synthetic paper ${i} in detail, with a method that improves results by ${i % 89}% on standard benchmarks for importing digests. ` +
        'The approach is simple and the experiments are extensive, covering many settings and baselines.',
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Drags `source` onto `target` with the mouse, pressing `modifier` once the drag has
 * started (Chromium starts no drag from a Shift+press: Shift there extends a selection).
 */
export async function dragHolding(
  page: Page,
  source: Locator,
  target: Locator,
  modifier: string,
): Promise<void> {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 3 + 20, from.y + from.height / 2 + 10, { steps: 3 });
  await page.keyboard.down(modifier);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up(modifier);
}
