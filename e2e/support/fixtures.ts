// Test fixtures: a fresh Sheaf (server + library) per test, and a page that has loaded
// it and reported ready (library opened, first render) — never a fixed sleep.
import { test as base, expect, type Page } from '@playwright/test';
import { startSheafServer, type SheafServer } from './sheaf-server';

export interface SheafFixtures {
  sheaf: SheafServer;
  app: Page;
}

export const test = base.extend<SheafFixtures>({
  // eslint-disable-next-line no-empty-pattern
  sheaf: async ({}, use) => {
    const server = await startSheafServer();
    await use(server);
    await server.stop();
  },
  app: async ({ page, sheaf }, use) => {
    await page.goto(sheaf.url);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await use(page);
  },
});

export { expect };
