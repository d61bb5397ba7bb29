import { expect, test, type Page } from '@playwright/test';
import { formatDate, todayInLondon } from '../../shared/domain/format';
import { responseDueOn } from '../../shared/domain/warning-notices';
import { startScreen } from './app';

const today = formatDate(todayInLondon());

/** Both laptop sizes the app is used at, each page kept whole for a person to look at. */
async function screens(page: Page, name: string) {
  // The passing "saved" messages would cover the page.
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

/** Picks the first option a typed select offers: the demo's people are made up. */
async function pickFirst(page: Page, field: ReturnType<Page['getByRole']>) {
  await field.click();
  await page.getByRole('option').first().click();
}

test('a DSIM runs a concern from Stage 2 to a Stage 3 project, its costs and a warning notice', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await page.getByRole('textbox', { name: 'Search' }).fill('Rugeley');
  await page.locator('tbody tr:not([aria-hidden])').first().getByRole('link').click();
  const school = (await page.getByRole('heading', { level: 2 }).textContent())!.trim();

  // Raised from the school's page, at Stage 2.
  await page.getByRole('button', { name: 'Raise a concern' }).click();
  const raise = page.getByRole('form', { name: 'Raise a concern' });
  await raise.getByRole('combobox', { name: 'Source', exact: true }).fill('SIP rep');
  await raise.getByRole('combobox', { name: 'Source', exact: true }).press('Enter');
  await raise.getByRole('button', { name: 'Raise concern' }).click();
  await expect(raise.getByText('Choose at least one factor, or describe it')).toBeVisible();
  await raise.getByRole('combobox', { name: 'Stage', exact: true }).click();
  await page.getByRole('option', { name: 'Stage 2 – light touch' }).click();
  await raise.getByLabel('Significant weaknesses in teaching and learning').check();
  await screens(page, 'concern-raise');
  await raise.getByRole('button', { name: 'Raise concern' }).click();
  await expect(raise).toBeHidden();
  await expect(page).toHaveURL(/#\/concerns\/\d+$/);
  await expect(page.getByRole('heading', { name: school, level: 2 })).toBeVisible();

  // Two duties ticked, with the date and who.
  const duties = page.getByRole('list', { name: 'Duties' });
  for (const duty of [
    'LA officer from the locality team assigned',
    'Improvement co-ordinator named by the school',
  ]) {
    await duties.getByLabel(duty).click();
    const tick = page.getByRole('form', { name: 'Duty done' });
    await tick.getByRole('button', { name: 'Save' }).click();
    await expect(tick.getByText('Say who did it')).toBeVisible();
    await pickFirst(page, tick.getByRole('combobox', { name: 'Who' }));
    await tick.getByRole('button', { name: 'Save' }).click();
    await expect(tick).toBeHidden();
    await expect(duties.getByLabel(duty)).toBeChecked();
  }
  await expect(duties.getByText(`Done ${today} by`)).toHaveCount(2);
  await expect(duties.getByText('Missing')).toHaveCount(5);

  // Insufficient pace: to Stage 3, with the reason.
  await page.getByRole('button', { name: 'Change stage' }).click();
  const change = page.getByRole('form', { name: 'Change stage from Stage 2' });
  await expect(change.getByRole('textbox', { name: 'Reason' })).toHaveValue(
    'Insufficient pace of improvement',
  );
  await change.getByRole('textbox', { name: 'Reason' }).fill('Insufficient pace of improvement in KS2 maths');
  await pickFirst(page, change.getByRole('combobox', { name: 'Decided by' }));
  await change.getByRole('textbox', { name: 'Meeting' }).fill('DIG, this half-term');
  await change.getByRole('button', { name: 'Change stage' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText('Stage 2 → 3')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Stage 3 – intensive programme: duties' })).toBeVisible();

  // A warning notice given today: its response date is the 15th working day after.
  await page.getByRole('button', { name: 'Record warning notice' }).click();
  const notice = page.getByRole('form', { name: 'Record a warning notice' });
  await notice.getByLabel('Pace of improvement too slow').check();
  await notice.getByRole('textbox', { name: 'Given by the Corporate Director' }).fill(today);
  const due = `Response due ${formatDate(responseDueOn(todayInLondon()))} (15 working days)`;
  await expect(notice.getByTestId('response-due-preview')).toHaveText(due);
  await screens(page, 'warning-notice-form');
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('warning-notice').getByText(due)).toBeVisible();
  await screens(page, 'concern-page');

  // A project for the Stage 3 concern.
  await page.getByRole('button', { name: 'Start a project' }).click();
  const start = page.getByRole('form', { name: 'Start an intervention project' });
  await pickFirst(page, start.getByRole('combobox', { name: 'Lead officer' }));
  await start
    .getByRole('textbox', { name: 'Objectives' })
    .fill('Raise KS2 maths\nStrengthen middle leadership');
  await start.getByRole('button', { name: 'Start project' }).click();
  await expect(start).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Intervention project' })).toBeVisible();

  // Costs until the Priority School Support cap refuses, at the field, naming the cap.
  const recordCost = async (days: string, status: 'Committed' | 'Spent') => {
    await page.getByRole('button', { name: 'Record cost' }).click();
    const cost = page.getByRole('form', { name: 'Record a cost' });
    await cost.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: status }).click();
    await cost.getByRole('textbox', { name: 'Officer days' }).fill(days);
    await cost.getByRole('textbox', { name: 'Description' }).fill('Audit and action plan');
    await cost.getByRole('button', { name: 'Record cost' }).click();
    return cost;
  };
  const first = await recordCost('3', 'Spent');
  await expect(first).toBeHidden();
  await expect(page.getByTestId('cost-source-pss-audit')).toContainText('£1,500 of £2,500 · 3 of 5 days');
  const second = await recordCost('2.5', 'Committed');
  const amount = second.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByText(/capped at £2,500 and 5 days; this would make £2,750/)).toBeVisible();
  await screens(page, 'project-cost-refused');
  await second.getByLabel('Record as an exception to the cap').check();
  await second.getByRole('textbox', { name: 'Reason for the exception' }).fill('Head on long-term leave');
  await second.getByRole('button', { name: 'Record cost' }).click();
  await expect(second).toBeHidden();
  await expect(page.getByText('Exception to the cap: Head on long-term leave')).toBeVisible();
  await screens(page, 'project-page');

  // The register shows the school at Stage 3 with its duties missing and the response date next.
  await page.getByRole('button', { name: 'Concerns', exact: true }).click();
  await page.getByLabel('Only with duties missing').check();
  const row = page
    .getByRole('table', { name: 'Concern register' })
    .getByRole('row')
    .filter({ hasText: school });
  await expect(row).toContainText('Stage 3');
  await expect(row).toContainText('7 missing');
  await expect(row).toContainText(formatDate(responseDueOn(todayInLondon())));
  // What has been spent, not what is committed.
  await expect(row).toContainText('£1,500');
  await screens(page, 'concern-register');

  // And on the school's timeline.
  await row.getByRole('link', { name: school }).click();
  await page.getByRole('button', { name: school }).click();
  const timeline = page.getByLabel('Timeline');
  await expect(
    timeline.getByText(/from Stage 2 to Stage 3: Insufficient pace of improvement in KS2 maths/),
  ).toBeVisible();
  await expect(timeline.getByText(/warning notice/i).first()).toBeVisible();
  await screens(page, 'school-with-concern');
});

test('the fund page shows a double district’s money and works out a charging band', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Intervention fund' }).click();
  await page.getByRole('button', { name: /Set allocation|Change allocation/ }).click();
  const fund = page.getByRole('form', { name: /fund for/ });
  await fund.getByRole('textbox', { name: 'Allocation' }).fill('40000');
  await fund.getByRole('textbox', { name: 'Held back' }).fill('50000');
  await fund.getByRole('button', { name: 'Save fund' }).click();
  await expect(fund.getByText('The amount held back cannot be more than the allocation')).toBeVisible();
  await fund.getByRole('textbox', { name: 'Held back' }).fill('5000');
  await fund.getByRole('button', { name: 'Save fund' }).click();
  await expect(fund).toBeHidden();
  await expect(page.getByTestId('fund-allocation')).toContainText('£40,000');
  await page.getByRole('textbox', { name: 'Consultant days this year' }).fill('25');
  await expect(page.getByTestId('charging-band')).toHaveText(
    '21 to 30 days: the school pays 4 days = £1,920 (at £480 a day).',
  );
  await page.getByRole('textbox', { name: 'Consultant days this year' }).fill('10');
  await expect(page.getByTestId('charging-band')).toContainText('pays 0 days = £0');
  await screens(page, 'fund-page');
});
