import { expect, test, type Locator, type Page } from '@playwright/test';
import { startScreen } from './app';

/**
 * Each changed screen at the two window sizes staff use, without the passing messages over it: the
 * whole page, or for a long one the window where `at` is.
 */
async function shots(page: Page, name: string, at?: Locator) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (at) await at.scrollIntoViewIfNeeded();
    else await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: !at });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

async function openDemo(page: Page) {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await expect(page.getByTestId('match-count')).toBeVisible();
}

const supportingNow = (text: string | null) => Number(/^(\d+)/.exec(text ?? '')?.[1] ?? 0);

test('a concern counts the schools supporting it, finds one more, and links to it and its strengths', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Concerns', exact: true }).click();
  await page
    .getByRole('table', { name: 'Concern register' })
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/#\/concerns\/\d+$/);
  const school = (await page.getByRole('heading', { level: 2 }).textContent())!.trim();

  const section = page.getByRole('region', { name: 'Brokered support' });
  const list = section.getByRole('list', { name: 'Schools supporting this school' });
  const count = section.getByTestId('supporting-count');
  const none = section.getByText('No other school has been brokered to support this school.');
  await expect(count.or(none)).toBeVisible();
  const before = (await none.isVisible()) ? 0 : supportingNow(await count.textContent());
  const current = (
    await list.getByRole('listitem').filter({ hasText: 'Now' }).getByRole('button').allTextContents()
  ).map((t) => t.trim());
  expect(current.length).toBeGreaterThanOrEqual(before);

  await section.getByRole('button', { name: 'Find support' }).click();
  const finder = page.getByRole('dialog', { name: `Find support for ${school}` });
  const first = finder.getByRole('listitem').first();
  await expect(first).toBeVisible();
  const helper = (await first.getByRole('link').textContent())!.trim();
  await first.getByRole('button', { name: `Record brokered support from ${helper}` }).click();
  const form = page.getByRole('form', { name: 'Record brokered support' });
  await form.getByRole('textbox', { name: 'Agreed by' }).fill('Dawn Hughes, DSIM');
  await form.getByRole('button', { name: 'Record support' }).click();
  await expect(form).toBeHidden();

  const after = before + (current.includes(helper) ? 0 : 1);
  await expect(count).toHaveText(`${after} ${after === 1 ? 'school' : 'schools'} supporting`);
  await expect(
    list.getByRole('listitem').filter({ hasText: helper }).filter({ hasText: 'Now' }),
  ).not.toHaveCount(0);
  await shots(page, 'concern-brokered-support');

  // The link opens the supporting school, whose page lists the strengths it was suggested for.
  await list.getByRole('button', { name: helper }).first().click();
  await expect(page.getByRole('heading', { name: helper, level: 2 })).toBeVisible();
  const strengths = page.getByRole('list', { name: 'This school’s key strengths' });
  await expect(strengths.getByRole('listitem').first()).toContainText('validated');
  await shots(page, 'school-key-strengths', page.getByRole('region', { name: 'Key strengths' }));
});

test('the support limit is set on the Key strengths screen and refused at its field', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Key strengths', exact: true }).click();
  const limit = page.getByRole('textbox', { name: 'Support limit' });
  await expect(limit).not.toHaveValue('');
  const original = await limit.inputValue();
  const save = page.getByRole('button', { name: 'Save limit' });
  await expect(save).toBeDisabled();

  await limit.fill('0');
  await save.click();
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Support limit' }).getByText('At least 1')).toBeVisible();
  await limit.fill('');
  await save.click();
  await expect(page.getByRole('group', { name: 'Support limit' }).getByText('Enter a number')).toBeVisible();
  await shots(page, 'support-limit-refused', page.getByRole('group', { name: 'Support limit' }));

  await limit.fill('4');
  await save.click();
  await expect(limit).not.toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await page.getByRole('button', { name: 'Key strengths', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Support limit' })).toHaveValue('4');

  // Back as it was: the other tests share this demo file.
  await page.getByRole('textbox', { name: 'Support limit' }).fill(original);
  await page.getByRole('button', { name: 'Save limit' }).click();
  await expect(page.getByRole('button', { name: 'Save limit' })).toBeDisabled();
});
