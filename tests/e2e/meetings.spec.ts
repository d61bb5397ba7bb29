import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatDate, todayInLondon } from '../../shared/domain/format';
import { startScreen } from './app';

const today = formatDate(todayInLondon());
const SHOTS = '/tmp/shots';

/** Both laptop sizes the app is used at, each page kept whole for a person to look at. */
async function screens(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}/meetings-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

test('a DSIM records a stage change in the minutes, previews it, applies it and finds it on the school', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Meetings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 2 })).toBeVisible();

  // A meeting recorded in error is deleted after a question, and Undo puts it back.
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  const error = page.getByRole('dialog', { name: 'Record a meeting' });
  await error.getByRole('combobox', { name: 'Meeting' }).click();
  await page.getByRole('option', { name: 'Core group' }).click();
  await error.getByRole('button', { name: 'Record meeting' }).click();
  await expect(page.getByRole('heading', { name: `Core group of ${today}`, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this meeting?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: `Core group of ${today}`, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this meeting?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 2 })).toBeVisible();

  // The demo's past meetings, newest first, for one double district.
  await page.getByRole('combobox', { name: 'Double district' }).click();
  await page.getByRole('option').first().click();
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const dates = await rows.locator('td:first-child').allTextContents();
  const iso = dates.map((d) => d.split('/').reverse().join('-'));
  expect(iso).toEqual([...iso].sort().reverse());
  await expect(rows.filter({ hasText: /\d+ applied/ }).first()).toBeVisible();
  await screens(page, 'list');

  // Only the kind chosen; then a filter that matches nothing says so.
  await page.getByRole('combobox', { name: 'Meeting' }).click();
  await page.getByRole('option', { name: 'Project group' }).click();
  await expect(page.getByText('No meeting matches these filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Meeting' }).click();
  await page.getByRole('option', { name: 'District Intervention/Resource Group' }).click();

  // Today's group meeting, recorded from the list.
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  const add = page.getByRole('dialog', { name: 'Record a meeting' });
  await add.getByRole('button', { name: 'Record meeting' }).click();
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);
  const title = `District Intervention/Resource Group of ${today}`;
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();

  // Who came, a row each, and the minutes.
  const meeting = page.getByRole('region', { name: 'Meeting' });
  await meeting.getByRole('button', { name: 'Add attendee' }).click();
  await meeting.getByRole('button', { name: 'Save meeting' }).click();
  await expect(meeting.getByText('This is required')).toBeVisible();
  await meeting.getByRole('textbox', { name: 'Attendee 1 name' }).fill('Harriet Oldfield');
  await meeting.getByRole('textbox', { name: 'Attendee 1 role' }).fill('Head of SID (chair)');
  await meeting.getByRole('button', { name: 'Add attendee' }).click();
  await meeting.getByRole('textbox', { name: 'Attendee 2 name' }).fill('Frank Ledger');
  await meeting.getByRole('textbox', { name: 'Attendee 2 role' }).fill('SID Finance');
  await meeting.getByRole('textbox', { name: 'Agenda' }).fill('1. Schools causing concern\n2. Funding');
  await meeting
    .getByRole('textbox', { name: 'Minutes' })
    .fill('Progress reviewed. The group agreed to move one concern on a stage.');
  await meeting.getByRole('button', { name: 'Save meeting' }).click();
  await expect(meeting.getByRole('button', { name: 'Save meeting' })).toBeDisabled();

  // The decision the minutes record: a concern moved on a stage.
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  const form = page.getByRole('dialog', { name: 'Record a decision' });
  // Chosen as a keyboard user chooses: typed, then Enter, which takes the match and closes the list.
  const picker = form.getByRole('combobox', { name: 'School' });
  await picker.click();
  const last = (await page.getByRole('option').last().textContent())!;
  await picker.pressSequentially(last.slice(0, -1));
  await picker.press('Enter');
  await expect(picker).toHaveValue(last);
  await expect(page.getByRole('listbox')).toBeHidden();
  const school = (await picker.inputValue()).replace(/ \(\d{3}\/\d{4}\)$/, '');
  const now = Number((await form.getByText(/^Now at Stage \d\.$/).textContent())!.match(/\d/)![0]);
  const to = now === 3 ? 2 : now + 1;
  await form.getByText(`Stage ${to}`, { exact: true }).click();
  await form.getByRole('button', { name: 'Add decision' }).click();
  await expect(form.getByText('This is required')).toBeVisible();
  await form.getByRole('textbox', { name: 'Reason' }).fill('Insufficient pace of improvement');
  await screens(page, 'decision');
  await form.getByRole('button', { name: 'Add decision' }).click();
  await expect(form).toBeHidden();
  await expect(decisions.getByText(`${school}: move the concern to Stage ${to}`)).toBeVisible();
  await expect(decisions.getByText('Not applied yet')).toBeVisible();

  // The preview says exactly what will change, before → after.
  await decisions.getByRole('button', { name: 'Preview changes' }).click();
  const stageRow = page
    .getByRole('table', { name: 'Changes to apply' })
    .getByRole('row')
    .filter({ hasText: school })
    .filter({ has: page.getByRole('cell', { name: 'Stage', exact: true }) });
  await expect(stageRow).toContainText(`Stage ${now}`);
  await expect(stageRow).toContainText(`Stage ${to}`);
  await screens(page, 'page');

  await decisions.getByRole('button', { name: 'Apply' }).click();
  await page
    .getByRole('dialog', { name: 'Apply these decisions?' })
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(decisions.getByText(/^Applied \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await expect(decisions.getByRole('button', { name: 'Preview changes' })).toBeHidden();
  await screens(page, 'applied');

  // On the school's page: the concern at its new stage, and the change made at the meeting.
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(school);
  await page.locator('tbody tr:not([aria-hidden])').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: school, level: 2 })).toBeVisible();
  await expect(page.getByText(`Stage ${to}`).first()).toBeVisible();
  await expect(page.getByText(`(at the ${title})`).first()).toBeVisible();
});
