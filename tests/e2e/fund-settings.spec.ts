import { expect, test, type Page } from '@playwright/test';
import { startScreen } from './app';

/** The fund screen at the two window sizes staff use, whole, without the passing messages. */
async function shots(page: Page, name: string) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

test('the fund screen sets the day rates, refused at the field, and opens each double district from the county view', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Intervention fund' }).click();

  // One row a double district; each opens its own figures at the top of the screen.
  const county = page.getByRole('table', { name: 'Funds of all double districts' });
  const rows = county.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const header of ['Allocation', 'Held back', 'Committed', 'Spent', 'Remaining'])
    await expect(county.getByRole('columnheader', { name: header })).toBeVisible();
  const second = (await rows.nth(1).getByRole('button').textContent())!.trim();
  const allocation = (await rows.nth(1).getByRole('cell').nth(1).textContent())!.trim();
  await rows.nth(1).getByRole('button', { name: second }).click();
  const fund = page.getByRole('region', { name: 'The fund' });
  await expect(fund.getByRole('heading', { name: new RegExp(`^${second},`) })).toBeVisible();
  await expect(page.getByTestId('fund-allocation')).toContainText(allocation);
  await expect(page.getByRole('combobox', { name: 'Double district' })).toHaveValue(second);

  // The day rates, typed in pounds; £0 is refused at its field.
  const rates = page.getByRole('region', { name: 'Day rates' });
  await expect(rates.getByTestId('day-rates')).toHaveText(
    'Priority School Support £500 a day · officer time £480 a day',
  );
  await rates.getByRole('button', { name: 'Change day rates' }).click();
  const form = page.getByRole('form', { name: 'Day rates' });
  await form.getByRole('textbox', { name: 'PSS day rate' }).fill('0');
  await form.getByRole('button', { name: 'Save day rates' }).click();
  await expect(form.getByRole('textbox', { name: 'PSS day rate' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('A day rate must be more than £0')).toBeVisible();
  await shots(page, 'day-rates-refused');
  await form.getByRole('textbox', { name: 'PSS day rate' }).fill('520');
  await form.getByRole('textbox', { name: 'Officer day rate' }).fill('500');
  await form.getByRole('button', { name: 'Save day rates' }).click();
  await expect(form).toBeHidden();
  await expect(rates.getByTestId('day-rates')).toHaveText(
    'Priority School Support £520 a day · officer time £500 a day',
  );

  // The charging band is paid at the new officer rate.
  await page.getByRole('textbox', { name: 'Consultant days this year' }).fill('25');
  await expect(page.getByTestId('charging-band')).toHaveText(
    '21 to 30 days: the school pays 4 days = £2,000 (at £500 a day).',
  );
  await shots(page, 'fund-county');

  // Back to the seed's rates: the other tests share this demo file and charge at £480.
  await rates.getByRole('button', { name: 'Change day rates' }).click();
  await form.getByRole('textbox', { name: 'PSS day rate' }).fill('500');
  await form.getByRole('textbox', { name: 'Officer day rate' }).fill('480');
  await form.getByRole('button', { name: 'Save day rates' }).click();
  await expect(rates.getByTestId('day-rates')).toHaveText(
    'Priority School Support £500 a day · officer time £480 a day',
  );
});
