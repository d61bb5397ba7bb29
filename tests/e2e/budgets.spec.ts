import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startScreen } from './app';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/samples/budget-summary-2007-08.xlsx');
const SIZES = [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
] as const;

test('finance staff import the budget summary and see its totals, variance and chart', async ({ page }) => {
  await startScreen(page);
  const fileName = `Budgets ${Date.now()}`;
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(fileName);
  await page.getByRole('button', { name: 'Create file' }).click();
  await expect(page).toHaveTitle(`${fileName}.sid — School Improvement Desk`);

  await page.getByRole('button', { name: 'Budget monitoring', exact: true }).click();
  await expect(page.getByText('No budget summary has been imported yet.')).toBeVisible();
  await page.getByLabel('Choose budget summary').setInputFiles(SAMPLE);
  const preview = page.getByTestId('budget-preview');
  await expect(preview.getByText('1 new')).toBeVisible();
  await expect(preview.getByText('2007/08, actual as at 31/01/2008')).toBeVisible();
  await page.getByRole('button', { name: 'Import budget summary' }).click();
  await expect(page.getByText('Imported the budget summary 2007/08 as at 31/01/2008.')).toBeVisible();

  const table = page.getByTestId('budget-table');
  const row = (label: string) =>
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
  // Totals are computed from the lines: the actuals add up to £9,696,513.
  await expect(row('Gross Expenditure')).toContainText('£12,513,420£9,696,513£12,439,436');
  await expect(row('Total Income')).toContainText('−£12,458,830−£8,190,115−£12,385,860');
  await expect(row('Projected Deficit')).toContainText('£54,590£1,506,398£53,576');
  await expect(row('TSF').getByLabel('−£199,490 favourable')).toBeVisible();
  await expect(row('TSF')).toContainText('−£199,490');
  await expect(row('Supplies & Services')).toContainText('+£30,390');
  await expect(page.getByTestId('budget-chart')).toContainText('Deficit at each monitoring date');
  await expect(page.getByTestId('budget-chart').locator('.recharts-bar-rectangle')).toHaveCount(2);

  await page.getByRole('alert').filter({ hasText: 'Imported the budget' }).getByRole('button').click();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/budgets-${size.width}.png`, fullPage: true });
  }
});
