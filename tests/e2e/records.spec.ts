import { expect, test, type Page } from '@playwright/test';
import { screenshot, startScreen } from './app';

/**
 * Records that can be trusted: nothing typed is bent or dropped without a word, a mistake can be
 * deleted and the deletion undone, and unsaved changes are never lost silently.
 */

async function openDemoSchool(page: Page, search: string) {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await page.getByRole('textbox', { name: 'Search' }).fill(search);
  await page.locator('tbody tr:not([aria-hidden])').first().getByRole('link').click();
  await expect(page.getByLabel('Timeline', { exact: true })).toBeVisible();
}

/** The timeline entries of one kind, as the "dd/mm/yyyy · Kind" line each carries. */
const entriesOf = (page: Page, kind: string) =>
  page.getByLabel('Timeline', { exact: true }).getByText(new RegExp(`^\\d{2}/\\d{2}/\\d{4} · ${kind}$`));

test('a profile with 150% attendance or −3 exclusions is refused at the field, not bent, and nothing is saved', async ({
  page,
}) => {
  await openDemoSchool(page, 'Stafford');
  const before = await entriesOf(page, 'Profiles').count();

  await page.getByRole('button', { name: 'Termly profile' }).click();
  const form = page.getByRole('form', { name: 'Record a termly profile' });
  const attendance = form.getByRole('textbox', { name: 'Attendance %' });
  const exclusions = form.getByRole('textbox', { name: 'Exclusions' });
  await attendance.fill('150');
  await exclusions.fill('-3');
  await form.getByRole('textbox', { name: 'Number on roll' }).click();
  await expect(attendance).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('A percentage cannot be more than 100')).toBeVisible();
  await expect(exclusions).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('This cannot be negative')).toBeVisible();
  await screenshot(page, 'profile-out-of-range');

  await form.getByRole('button', { name: 'Save profile' }).click();
  // Still open, with what was typed: never clamped to 100 or 0.
  await expect(form).toBeVisible();
  await expect(attendance).toHaveValue('150');
  await expect(exclusions).toHaveValue('-3');
  await expect(page.getByText('Profile saved.')).toHaveCount(0);

  // Put right, each error goes as its field is corrected.
  await attendance.fill('95.5');
  await expect(attendance).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('This cannot be negative')).toBeVisible();

  await form.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Discard your changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(form).toBeHidden();
  await expect(entriesOf(page, 'Profiles')).toHaveCount(before);
});

test('a QA date of 31/02/2026 blocks saving the visit, with the error at that field', async ({ page }) => {
  await openDemoSchool(page, 'Lichfield');
  const days = page.getByTestId('sip-days');
  const used = await days.textContent();
  const visits = await entriesOf(page, 'Visits').count();

  await page.getByRole('button', { name: 'Record visit' }).click();
  const form = page.getByRole('form', { name: 'Record a visit' });
  const qa = form.getByRole('textbox', { name: 'Quality-assured by the DSIM' });
  await qa.fill('31/02/2026');
  await form.getByLabel('Notes').click();
  await expect(qa).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Enter a real date, like 22/11/2026')).toBeVisible();
  await screenshot(page, 'visit-invalid-qa-date');

  await form.getByRole('button', { name: 'Record visit' }).click();
  await expect(form).toBeVisible();
  await expect(qa).toHaveValue('31/02/2026');
  await expect(qa).toBeFocused();
  await expect(page.getByText('Visit recorded.')).toHaveCount(0);

  await form.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Discard your changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(form).toBeHidden();
  await expect(days).toHaveText(used ?? '');
  await expect(entriesOf(page, 'Visits')).toHaveCount(visits);
});

test('a visit recorded in error is deleted after a question naming it, and Undo puts it back', async ({
  page,
}) => {
  await openDemoSchool(page, 'Tamworth');
  const notes = `Recorded in error ${Date.now()}`;
  await page.getByRole('button', { name: 'Record visit' }).click();
  const form = page.getByRole('form', { name: 'Record a visit' });
  await form.getByRole('textbox', { name: 'Date of visit' }).fill('04/09/2008');
  await form.getByLabel('Notes').fill(notes);
  await form.getByRole('button', { name: 'Record visit' }).click();
  await expect(form).toBeHidden();
  const timeline = page.getByLabel('Timeline', { exact: true });
  const visit = timeline.getByText(notes, { exact: true });
  await expect(visit).toBeVisible();

  await page.getByRole('button', { name: 'Update visit of 04/09/2008' }).first().click();
  const edit = page.getByRole('form', { name: 'Update visit' });
  await expect(edit.getByLabel('Notes')).toHaveValue(notes);
  await screenshot(page, 'visit-correct-with-delete');
  await edit.getByRole('button', { name: 'Delete' }).click();
  const question = page.getByRole('dialog', { name: 'Delete the SIP visit of 04/09/2008?' });
  await expect(question).toBeVisible();
  await screenshot(page, 'visit-delete-question');
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(edit).toBeHidden();
  await expect(visit).toHaveCount(0);

  const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Visit deleted.' });
  await expect(notice).toBeVisible();
  await screenshot(page, 'visit-deleted-undo');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(visit).toBeVisible();
});

test('closing a form with changes asks to discard them; without changes it just closes', async ({ page }) => {
  await openDemoSchool(page, 'Cannock');
  const form = page.getByRole('form', { name: 'Record a visit' });
  const question = page.getByRole('dialog', { name: 'Discard your changes?' });

  await page.getByRole('button', { name: 'Record visit' }).click();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(question).toBeHidden();

  await page.getByRole('button', { name: 'Record visit' }).click();
  await form.getByLabel('Notes').fill('Half-written note');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await screenshot(page, 'discard-question');
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(form.getByLabel('Notes')).toHaveValue('Half-written note');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await expect(form).toBeHidden();

  // The school form too, when the user leaves the page with changes in it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const school = page.getByRole('form', { name: 'Edit school' });
  await school.getByRole('textbox', { name: 'Headteacher' }).fill('Mrs A. N. Other');
  await page.getByRole('button', { name: 'Organisation', exact: true }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(school.getByRole('textbox', { name: 'Headteacher' })).toHaveValue('Mrs A. N. Other');
  await page.getByRole('button', { name: 'Organisation', exact: true }).click();
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
});

test('taking the SIP role from someone asks first, naming their schools, and leaves those schools with no SIP', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  // The first school by name with a SIP is that SIP's first school by name.
  const row = page
    .locator('tbody tr:not([aria-hidden])')
    .filter({ has: page.locator('td:nth-child(6):not(:empty)') })
    .first();
  const sip = (await row.locator('td:nth-child(6)').textContent())!.trim();
  const school = (await row.getByRole('link').textContent())!.trim();

  await page.getByRole('button', { name: 'Organisation', exact: true }).click();
  // The × on their SIP pill, as a user removes a role.
  const removeSip = page
    .getByRole('row', { name: new RegExp(`^${sip}`) })
    .locator('.mantine-Pill-root', { hasText: /^SIP$/ })
    .locator('button');
  await removeSip.click();
  const question = page.getByRole('dialog', { name: `Remove the SIP role from ${sip}?` });
  await expect(question).toBeVisible();
  await expect(question).toContainText(school);
  await screenshot(page, 'remove-sip-question');

  // Cancelled, nothing changes; confirmed, the school has no SIP.
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await removeSip.click();
  await question.getByRole('button', { name: 'Remove role' }).click();
  await expect(page.getByText(new RegExp(`^${sip} is no longer a SIP`))).toBeVisible();

  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(school);
  await page
    .locator('tbody tr:not([aria-hidden])')
    .filter({ hasText: school })
    .first()
    .getByRole('link')
    .click();
  await expect(page.locator('[data-field="SIP"]')).toHaveText('—');
});

test('a person sets the name their changes are recorded under', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Organisation', exact: true }).click();
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.fill('nan');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('This looks like a spreadsheet error, not a name')).toBeVisible();
  await name.fill('Jo Bloggs');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText(/Changes you make are now recorded as/)).toBeVisible();
  await expect(name).toHaveValue('Jo Bloggs');
  await screenshot(page, 'organisation-your-name');
});
