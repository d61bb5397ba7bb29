import { expect, type Page } from '@playwright/test';

/** Opens the app as a fresh tab would: the address with this run's token. */
export async function openApp(page: Page) {
  const url = process.env.SID_URL;
  if (!url) throw new Error('SID_URL is not set; global-setup starts the app.');
  await page.goto(url);
}

/** Back to the start screen whatever file an earlier test left open. */
export async function startScreen(page: Page) {
  await openApp(page);
  const close = page.getByRole('button', { name: 'Close file' });
  const demo = page.getByRole('button', { name: 'Open demo authority' });
  await expect(close.or(demo)).toBeVisible();
  if (await close.isVisible()) await close.click();
  await expect(demo).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
