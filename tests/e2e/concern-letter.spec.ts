import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatDate, todayInLondon } from '../../shared/domain/format';
import { pdfPages } from '../unit/pdf-text';
import { startScreen } from './app';

const today = formatDate(todayInLondon());

/** The modal at both laptop sizes the app is used at, for a person to look at. */
async function screens(page: Page) {
  mkdirSync('/tmp/shots', { recursive: true });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/shots/letter-${width}.png` });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

test('a DSIM writes the notification letter from a concern, edits it, saves it and downloads its PDF', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Concerns', exact: true }).click();
  await page
    .getByRole('table', { name: 'Concern register' })
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page).toHaveURL(/#\/concerns\/\d+$/);
  const school = (await page.getByRole('heading', { level: 2 }).textContent())!.trim();
  const stage = (await page
    .getByText(/^Stage [123]$/)
    .first()
    .textContent())!.trim();

  const letters = page.getByRole('region', { name: 'Notification letters' });
  const before = await letters.getByRole('row').count();
  await letters.getByRole('button', { name: 'Write notification letter' }).click();
  const form = page.getByRole('form', { name: 'Notification letter' });
  const body = form.getByRole('textbox', { name: 'Letter', exact: true });
  await expect(body).toHaveValue(
    new RegExp(
      `identified ${school.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} as a school causing concern, at ${stage}`,
    ),
  );
  await expect(body).toHaveValue(/What happens next/);
  await expect(form.getByRole('textbox', { name: 'Contact', exact: true })).not.toHaveValue('');
  await expect(form.getByRole('textbox', { name: 'Letter date', exact: true })).toHaveValue(today);
  await screens(page);

  // A blank letter is refused at its field; the edited words are what the PDF carries.
  await body.fill('');
  await form.getByRole('button', { name: 'Save letter' }).click();
  await expect(form.getByText('This is required')).toBeVisible();
  await body.fill(
    `Dear Headteacher and Chair of Governors,\n\nThe school causes concern at ${stage}.\n\nWe will meet the governors on Thursday to agree the support.`,
  );
  await form.getByRole('button', { name: 'Save letter' }).click();
  await expect(form).toBeHidden();

  // Listed with the concern, and the concern records that the school was told today.
  await expect(letters.getByRole('row')).toHaveCount(before + 1);
  await expect(letters.getByRole('row').first()).toContainText(today);
  await expect(letters.getByRole('row').first()).toContainText(stage);
  const notified = page.getByRole('region', { name: 'Notification to the school' });
  await expect(notified.getByText(`Told on ${today}`)).toBeVisible();
  await expect(notified.getByText(`Letter of ${today} to`)).toBeVisible();

  const download = page.waitForEvent('download');
  await letters
    .getByRole('button', { name: `Download the letter of ${today}` })
    .first()
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Notification letter .+\.pdf$/);
  const text = (await pdfPages(readFileSync((await file.path())!))).join(' ');
  expect(text).toContain('CONFIDENTIAL');
  expect(text).toContain(`${school}: a school causing concern at ${stage}`);
  expect(text).toContain('We will meet the governors on Thursday to agree the support.');
  expect(text).toContain(today);
});
