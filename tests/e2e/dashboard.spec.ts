import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startScreen } from './app';

/** Both laptop sizes the app is used at, for a person to look at. */
async function screens(page: Page, name: string) {
  mkdirSync('/tmp/shots', { recursive: true });
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `/tmp/shots/dashboard-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

const rows = (page: Page) => page.locator('tbody tr:not([aria-hidden])');
/** A number on the dashboard, once the dashboard has answered. */
async function number(page: Page, key: string) {
  const value = page.getByTestId(`count-${key}`).locator('p').last();
  await expect(value).toHaveText(/^\d+$/);
  return Number(await value.textContent());
}

test('a file opens on the dashboard, and a number opens exactly the schools it counts', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  await expect(page.getByText(/^(Autumn|Spring|Summer) \d{4} · \d+ open schools in the LA$/)).toBeVisible();
  await expect(page.getByTestId('category-chart').getByRole('table')).toBeVisible();
  await expect(page.getByTestId('fund-chart').getByRole('table')).toBeVisible();
  await screens(page, 'all');

  // A deadline opens where it is acted on: its project, or the school's concern.
  await page.getByTestId('deadlines').getByRole('button').first().click();
  await expect(page).toHaveURL(/#\/(projects|concerns)\/\d+$/);
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();

  // Stage 3 concerns across the LA: the list opens filtered to them, and holds that many.
  const stage3 = await number(page, 'stage-3');
  expect(stage3).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^Stage 3: \d+\. Show the list$/ }).click();
  await expect(page.getByRole('heading', { name: 'Schools', level: 2 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Concern', exact: true })).toHaveValue('Stage 3');
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${stage3} of \\d+ schools$`));
  const headers = (await page.locator('thead th').allTextContents()).map((t) =>
    t.replace(/[▲▼]/g, '').trim(),
  );
  const concern = headers.indexOf('Concern') + 1;
  expect(concern).toBeGreaterThan(0);
  for (const cell of await rows(page).locator(`td:nth-child(${concern})`).allTextContents())
    expect(cell).toMatch(/^Stage 3/);

  // One double district, remembered for this file when the app is opened again.
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await page.getByRole('combobox', { name: 'Double district' }).click();
  await page.getByRole('option', { name: 'Cannock / Lichfield' }).click();
  await expect(page.getByText(/open schools? in Cannock \/ Lichfield$/)).toBeVisible();
  await expect(page.getByText(/by month|built up month by month/)).toBeVisible();
  await screens(page, 'double-district');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Double district' })).toHaveValue('Cannock / Lichfield');

  // Category 3 in that double district opens the same count, in that double district.
  const category3 = await number(page, 'category-3');
  await page.getByTestId('count-category-3').click();
  await expect(page.getByRole('combobox', { name: 'Double district' })).toHaveValue('Cannock / Lichfield');
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('3 Satisfactory');
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${category3} of \\d+ schools$`));

  // No SIP visit this term: the list's own filter, with the same count.
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const noVisit = await number(page, 'no-sip-visit');
  await page.getByTestId('count-no-sip-visit').click();
  await expect(page.getByRole('checkbox', { name: 'No SIP visit this term' })).toBeChecked();
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${noVisit} of \\d+ schools$`));

  // Reports awaiting QA open the Monitoring page, where QA is done, on the same double district.
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const awaiting = await number(page, 'awaiting-qa');
  await page.getByTestId('count-awaiting-qa').click();
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 2 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Double district' })).toHaveValue('Cannock / Lichfield');
  if (awaiting === 0)
    await expect(page.getByText('No reports are waiting for quality assurance.')).toBeVisible();
  else await expect(page.getByTestId('awaiting-qa').locator('tbody tr')).toHaveCount(awaiting);
});
