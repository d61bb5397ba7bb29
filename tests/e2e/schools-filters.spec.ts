import { expect, test } from '@playwright/test';
import { startScreen } from './app';

// The list's selects are drawn as plain inputs until first used (components/DeferredSelect.tsx):
// reaching one by keyboard or mouse must behave exactly as the real select always did.

test('a filter reached with Tab takes typing at once: "sec" and Enter choose Secondary', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  const count = page.getByTestId('match-count');
  await expect(count).toHaveText(/^\d+ of \d+ schools$/);
  const everything = (await count.textContent())!;

  await page.getByRole('combobox', { name: 'District', exact: true }).focus();
  await page.keyboard.press('Tab');
  const phase = page.getByRole('combobox', { name: 'Phase' });
  await expect(phase).toBeFocused();
  await page.keyboard.type('sec');
  await expect(page.getByRole('option').first()).toHaveText('Secondary');
  await page.keyboard.press('Enter');
  await expect(phase).toHaveValue('Secondary');
  await expect(count).not.toHaveText(everything);
  const rows = page.locator('tbody tr:not([aria-hidden])');
  for (const value of await rows.locator('td:nth-child(3)').allTextContents())
    expect(value).toBe('Secondary');
});

test('a filter clicked opens its options, and the one chosen is shown with a way to clear it', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  const count = page.getByTestId('match-count');
  await expect(count).toHaveText(/^\d+ of \d+ schools$/);
  const everything = (await count.textContent())!;

  const support = page.getByRole('combobox', { name: 'Support' });
  await support.click();
  await expect(support).toBeFocused();
  await expect(page.getByRole('option', { name: 'High' })).toBeVisible();
  await page.getByRole('option', { name: 'High' }).click();
  await expect(support).toHaveValue('High');
  await expect(count).not.toHaveText(everything);

  await support.locator('xpath=..').locator('button').click(); // Mantine hides it from the accessibility tree
  await expect(support).toHaveValue('');
  await expect(count).toHaveText(everything);
});
