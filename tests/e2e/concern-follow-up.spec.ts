import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../shared/domain/calendar';
import { formatDate, parseDate, todayInLondon } from '../../shared/domain/format';
import { statementDueByDefault } from '../../shared/domain/ofsted-follow-up';
import { startScreen } from './app';

/** Both laptop sizes, the page whole, without the passing messages over it. */
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

/** Opens, from the concern register, the first concern whose row matches: double district by double district. */
async function openConcernWhere(page: Page, matches: (row: ReturnType<Page['locator']>) => Promise<boolean>) {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Concerns', exact: true }).click();
  const dd = page.getByRole('combobox', { name: 'Double district' });
  await dd.click();
  const names = (await page.getByRole('option').allTextContents()).map((t) => t.trim());
  await page.keyboard.press('Escape');
  for (const name of names) {
    await dd.click();
    await page.getByRole('option', { name, exact: true }).click();
    const rows = page.getByRole('table', { name: 'Concern register' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all())
      if (await matches(row)) {
        await row.getByRole('link').first().click();
        await expect(page).toHaveURL(/#\/concerns\/\d+$/);
        return;
      }
  }
  throw new Error('No concern in the demo matches');
}

const iso = (shown: string) => parseDate(shown.trim())!;

test('an Ofsted category school’s follow-up: the formal meeting, and the statement of action due 10 working days from the report', async ({
  page,
}) => {
  await openConcernWhere(page, async (row) =>
    /Notice to Improve|Special Measures/i.test(await row.innerText()),
  );
  const section = page.getByRole('region', { name: /^Ofsted follow-up:/ });
  await expect(section).toBeVisible();
  const inspected = (await section
    .getByText(/^\d\d\/\d\d\/\d{4}$/)
    .first()
    .textContent())!;

  // The report came out the day of the inspection; the statement's due date is left to the rule.
  await section.getByRole('button', { name: /follow-up/ }).click();
  const form = page.getByRole('form', { name: /^Follow-up of the/ });
  await form.getByRole('textbox', { name: 'Report date' }).fill(inspected);
  await form.getByRole('textbox', { name: 'Formal meeting', exact: true }).fill(inspected);
  await form
    .getByRole('textbox', { name: 'Who attended the formal meeting' })
    .fill('Headteacher, chair of governors, DSIM, Head of SID');
  await form.getByRole('textbox', { name: 'Statement of action due' }).fill('');
  await form.getByRole('textbox', { name: 'Statement of action submitted' }).fill('');
  await form.getByRole('textbox', { name: 'Statement of action submitted' }).press('Tab');
  await expect(form.getByText(/^Blank: 10 working days from the report/)).toBeVisible();
  await form.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(form).toBeHidden();

  const due = formatDate(statementDueByDefault(iso(inspected)));
  await expect(
    section.getByText(`${inspected}: Headteacher, chair of governors, DSIM, Head of SID`),
  ).toBeVisible();
  await expect(section.getByText(`Due ${due}`)).toBeVisible();
  await shots(page, 'follow-up-due');

  // The statement is submitted on its due date.
  await section.getByRole('button', { name: 'Update follow-up' }).click();
  await form.getByRole('textbox', { name: 'Statement of action submitted' }).fill(due);
  await form.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(form).toBeHidden();
  await expect(section.getByText(`Submitted ${due}`)).toBeVisible();
});

test('a project’s plan: an overdue milestone, a group meeting and a termly RAG report', async ({ page }) => {
  await openConcernWhere(page, async (row) => !/£0$/.test((await row.innerText()).trim()));
  await page
    .getByRole('region', { name: 'Intervention projects' })
    .getByRole('button', { name: /project, started/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#\/projects\/\d+$/);
  const today = formatDate(todayInLondon());
  const yesterday = formatDate(addDays(todayInLondon(), -1));

  // A milestone whose date has passed without being met is shown overdue.
  const plan = page.getByRole('region', { name: 'Action plan' });
  await plan.getByRole('button', { name: 'Add milestone' }).click();
  const milestone = page.getByRole('form', { name: 'Add a milestone' });
  await milestone.getByRole('textbox', { name: 'Milestone' }).fill('Governors’ standards committee set up');
  await milestone.getByRole('textbox', { name: 'Owner' }).fill('Chair of governors');
  await milestone.getByRole('textbox', { name: 'Due' }).fill(yesterday);
  await milestone.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'In progress' }).click();
  await milestone.getByRole('button', { name: 'Add milestone' }).click();
  await expect(milestone).toBeHidden();
  const row = plan.getByRole('row', { name: /Governors’ standards committee set up/ });
  await expect(row).toContainText(yesterday);
  await expect(row).toContainText('Overdue');

  // The project group meets today.
  const meetings = page.getByRole('region', { name: 'Group meetings' });
  await meetings.getByRole('button', { name: 'Record meeting' }).click();
  const meeting = page.getByRole('form', { name: 'Record a meeting' });
  await meeting.getByRole('textbox', { name: 'Meeting date' }).fill(today);
  await meeting.getByRole('textbox', { name: 'Attendees' }).fill('DSIM, headteacher, SIP, lead officer');
  await meeting.getByRole('button', { name: 'Record meeting' }).click();
  await expect(meeting).toBeHidden();
  await expect(
    meetings.getByRole('row', { name: new RegExp(`${today}.*DSIM, headteacher, SIP, lead officer`) }),
  ).toBeVisible();

  // A termly report for a term not yet reported on: every objective must be rated.
  const reports = page.getByRole('region', { name: 'Termly progress reports' });
  const reported = (await reports.locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim());
  await reports.getByRole('button', { name: 'Write report' }).click();
  const report = page.getByRole('form', { name: 'Write a termly report' });
  await report.getByRole('combobox', { name: 'Term' }).click();
  const terms = (await page.getByRole('option').allTextContents()).map((t) => t.trim());
  const term = terms.find((t) => !reported.includes(t))!;
  await page.getByRole('option', { name: term, exact: true }).click();
  await report.getByRole('combobox', { name: 'Overall' }).click();
  await page.getByRole('option', { name: 'Amber', exact: true }).click();
  await report
    .getByRole('textbox', { name: 'Impact evidence' })
    .fill('Lesson observations show more good teaching.');
  await report.getByRole('button', { name: 'Add report' }).click();
  await expect(report.getByText('Rate every objective')).toBeVisible();
  const ratings = report.getByRole('combobox', { name: /^Rating: / });
  for (let i = 0; i < (await ratings.count()); i++) {
    await ratings.nth(i).click();
    await page.getByRole('option', { name: 'Green', exact: true }).click();
  }
  await report.getByRole('button', { name: 'Add report' }).click();
  await expect(report).toBeHidden();
  await expect(reports.getByRole('row', { name: new RegExp(`^${term}`) })).toContainText(
    'Lesson observations show more good teaching.',
  );
  await shots(page, 'project-plan');
});
