import { expect, test } from '@playwright/test';
import { screenshot, startScreen } from './app';

test('a new user opens the demo authority, edits a Cannock Chase school, reloads and sees its history', async ({
  page,
}) => {
  await startScreen(page);
  await screenshot(page, 'start');
  await page.getByRole('button', { name: 'Open demo authority' }).click();

  await expect(page).toHaveTitle('Demo authority.sid — School Improvement Desk');
  const count = page.getByTestId('match-count');
  await expect(count).toHaveText(/^\d+ of \d+ schools$/);
  const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(400);

  await page.getByRole('combobox', { name: 'District', exact: true }).click();
  await page.getByRole('option', { name: 'Cannock Chase' }).click();
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} schools$`));
  const matched = Number(/^(\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(matched).toBeGreaterThan(10);
  expect(matched).toBeLessThan(total);
  const rows = page.locator('tbody tr:not([aria-hidden])');
  for (const district of await rows.locator('td:nth-child(5)').allTextContents())
    expect(district).toBe('Cannock Chase');
  await screenshot(page, 'schools-cannock-chase');

  const link = rows.first().getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const headteacher = page.locator('[data-field="Headteacher"]');
  const before = (await headteacher.textContent())!.trim();

  await page.getByRole('button', { name: 'Edit' }).click();
  const field = page.getByRole('textbox', { name: 'Headteacher' });
  await field.fill('Mrs Evelyn Marsh');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(headteacher).toHaveText('Mrs Evelyn Marsh');
  await screenshot(page, 'school-after-edit');

  await page.reload();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(headteacher).toHaveText('Mrs Evelyn Marsh');
  const history = page.getByLabel('Timeline');
  await expect(history.getByText('Changed Headteacher')).toBeVisible();
  await expect(history.getByText(`Headteacher: ${before} → Mrs Evelyn Marsh`)).toBeVisible();
  await expect(history.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} by e2e\.tester$/).first()).toBeVisible();

  // Back to the list: the Cannock Chase filter is still there.
  await page.getByRole('button', { name: '← All schools' }).click();
  await expect(count).toHaveText(`${matched} of ${total} schools`);
});

test('the school form refuses a bad DfE number in plain words', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Add school' }).click();
  const form = page.getByRole('form', { name: 'Add school' });
  await form.getByRole('textbox', { name: 'DfE number' }).fill('86O/2001');
  await form.getByRole('button', { name: 'Add school' }).click();
  await expect(
    form.getByText('DfE number "86O/2001" is not a valid DfE number (like 860/2001)'),
  ).toBeVisible();
  await expect(form.getByText('School name is required')).toBeVisible();
  await screenshot(page, 'add-school-errors');
});
