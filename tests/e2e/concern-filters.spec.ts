import { expect, test, type Page } from '@playwright/test';
import { formatDate, todayInLondon } from '../../shared/domain/format';
import { responseDueOn } from '../../shared/domain/warning-notices';
import { startScreen } from './app';

/**
 * Both laptop sizes the app is used at, for a person to look at: the whole page, or what the first
 * screenful shows where the page runs long below.
 */
async function screens(page: Page, name: string, fullPage = true) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

const rows = (page: Page) => page.locator('tbody tr:not([aria-hidden])');

async function chooseConcern(page: Page, option: string) {
  await page.getByRole('combobox', { name: 'Concern', exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the schools list filters on concern stage and missing duties, and the Monitoring page lists the deadlines ahead', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  const count = page.getByTestId('match-count');
  await expect(count).toHaveText(/^\d+ of \d+ schools$/);
  await expect(page.getByRole('combobox', { name: 'Concern', exact: true })).toHaveAttribute(
    'placeholder',
    'Any',
  );

  // A school not causing concern is raised at Stage 3, and given a warning notice today.
  await chooseConcern(page, 'Not causing concern');
  await rows(page).first().getByRole('link').click();
  const school = (await page.getByRole('heading', { level: 2 }).textContent())!.trim();
  await page.getByRole('button', { name: 'Raise a concern' }).click();
  const raise = page.getByRole('form', { name: 'Raise a concern' });
  await raise.getByRole('combobox', { name: 'Source', exact: true }).fill('SIP rep');
  await raise.getByRole('combobox', { name: 'Source', exact: true }).press('Enter');
  await raise.getByRole('combobox', { name: 'Stage', exact: true }).click();
  await page.getByRole('option', { name: 'Stage 3 – intensive programme' }).click();
  await raise.getByLabel('Significant weaknesses in teaching and learning').check();
  await raise.getByRole('button', { name: 'Raise concern' }).click();
  await expect(page).toHaveURL(/#\/concerns\/\d+$/);
  const concernUrl = page.url();
  await page.getByRole('button', { name: 'Record warning notice' }).click();
  const notice = page.getByRole('form', { name: 'Record a warning notice' });
  await notice.getByLabel('Pace of improvement too slow').check();
  await notice
    .getByRole('textbox', { name: 'Given by the Corporate Director' })
    .fill(formatDate(todayInLondon()));
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice).toBeHidden();

  // Stage 3 only: every school listed is at Stage 3, the new one among them.
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const everything = (await count.textContent())!;
  await chooseConcern(page, 'Stage 3');
  await expect(count).not.toHaveText(everything);
  await expect(rows(page).filter({ hasText: school })).toHaveCount(1);
  for (const stage of await rows(page).locator('td[title^="Stage"]').allTextContents())
    expect(stage).toMatch(/^Stage 3/);
  await expect(rows(page).locator('td[title^="Stage"]')).toHaveCount(await rows(page).count());
  await screens(page, 'schools-stage-3');

  // Duties missing, any stage: each school listed has some, and says how many.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('checkbox', { name: 'Duties missing' }).check();
  await expect(count).not.toHaveText(everything);
  await expect(rows(page).filter({ hasText: school })).toHaveCount(1);
  const titles = await rows(page)
    .locator('td[title^="Stage"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('title')));
  expect(titles.length).toBe(await rows(page).count());
  for (const title of titles) expect(title).toMatch(/^Stage [123], \d+ dut(y|ies) missing$/);
  await screens(page, 'schools-duties-missing');

  // The filter survives going into a school and back; "Clear filters" clears these too.
  const filtered = (await count.textContent())!;
  await rows(page).filter({ hasText: school }).getByRole('link').click();
  await page.getByRole('button', { name: '← All schools' }).click();
  await expect(count).toHaveText(filtered);
  await expect(page.getByRole('checkbox', { name: 'Duties missing' })).toBeChecked();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(everything);
  await expect(page.getByRole('checkbox', { name: 'Duties missing' })).not.toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Concern', exact: true })).toHaveValue('');

  // The Monitoring page: the notice's response date, 15 working days on, opens the concern.
  await page.getByRole('button', { name: 'Monitoring', exact: true }).click();
  const deadlines = page.getByTestId('deadlines');
  const row = deadlines.getByRole('row').filter({ hasText: school });
  await expect(row.filter({ hasText: 'Warning notice: response due' })).toContainText(
    formatDate(responseDueOn(todayInLondon())),
  );
  await expect(row.first()).toContainText(/\d+ working days?/);
  await screens(page, 'monitoring-deadlines', false);
  await row.getByRole('button', { name: 'Warning notice: response due' }).click();
  await expect(page).toHaveURL(concernUrl);
  await expect(page.getByRole('heading', { name: school, level: 2 })).toBeVisible();
});
