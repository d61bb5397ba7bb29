import { expect, test, type Page } from '@playwright/test';
import { startScreen } from './app';

/** Every new screen at the two window sizes staff use: a laptop and a small office screen. */
async function shots(page: Page, name: string, fullPage = true) {
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

async function openDemo(page: Page) {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await expect(page.getByTestId('match-count')).toBeVisible();
}

const today = () => new Date().toLocaleDateString('en-GB'); // dd/mm/yyyy, as staff type it
const NEAREST_FIRST = [
  'Same district',
  'Same double district',
  'In a partnership with this school',
  'Elsewhere in the authority',
];

test('a DSIM finds a school to support a weak school in its weakest area, records it, and sees it on both timelines', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: '4 Inadequate' }).click();
  const first = page.locator('tbody tr:not([aria-hidden])').first().getByRole('link');
  const weakSchool = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { name: weakSchool, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Find support' }).click();
  const finder = page.getByRole('dialog', { name: `Find support for ${weakSchool}` });
  const weakest = (await finder
    .getByRole('group', { name: 'Where this school is weak' })
    .locator('b')
    .first()
    .textContent())!;
  // The area asked about is the school's weakest, until the user picks another.
  await expect(finder.getByRole('combobox', { name: 'Look for strength in' })).toHaveValue(weakest);
  const suggestions = finder.getByRole('listitem');
  await expect(suggestions.first()).toBeVisible();
  const nearness = await suggestions.locator('.mantine-Badge-root').allTextContents();
  const order = nearness.map((n) => NEAREST_FIRST.indexOf(n));
  expect(order).not.toContain(-1);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(suggestions.first()).toContainText(weakest);
  await expect(suggestions.first()).toContainText('Validated by');
  await shots(page, 'find-support', false);

  // Another area the user picks is looked for instead, then back to the weakest.
  const area = finder.getByRole('combobox', { name: 'Look for strength in' });
  await area.click();
  await page.getByRole('option', { name: 'Leadership and management', exact: true }).click();
  await expect(area).toHaveValue('Leadership and management');
  await expect(finder.getByTestId('suggestion-count')).toBeVisible();
  for (const item of await suggestions.all()) await expect(item).toContainText('Leadership and management');
  await area.click();
  await page.getByRole('option', { name: weakest, exact: true }).click();
  await expect(suggestions.first()).toContainText(weakest);

  const helper = (await suggestions.first().getByRole('link').textContent())!.trim();
  await suggestions
    .first()
    .getByRole('button', { name: `Record brokered support from ${helper}` })
    .click();
  const form = page.getByRole('form', { name: 'Record brokered support' });
  await expect(form.getByRole('combobox', { name: 'Supporting school' })).toHaveValue(
    new RegExp(`^${escape(helper)} \\(`),
  );
  await expect(form.getByRole('combobox', { name: 'Supported school' })).toHaveValue(
    new RegExp(`^${escape(weakSchool)} \\(`),
  );
  await expect(form.getByRole('combobox', { name: 'Area' })).toHaveValue(weakest);
  await form.getByRole('textbox', { name: 'Agreed by' }).fill('Dawn Hughes, DSIM');
  await form.getByLabel('Outcome').fill('Paired lesson observations each fortnight this term.');
  await shots(page, 'record-brokered-support', false);
  await form.getByRole('button', { name: 'Record support' }).click();
  await expect(form).toBeHidden();

  const entry = `Brokered support: ${helper} supports ${weakSchool} in ${weakest} from ${today()}`;
  const brokered = page.getByRole('region', { name: 'Brokered support' });
  const recorded = brokered.getByRole('row', {
    name: new RegExp(`Supported by ${escape(helper)} .*${escape(today())}`),
  });
  await expect(recorded).toBeVisible();
  await expect(page.getByLabel('Timeline').getByText(entry)).toBeVisible();
  await expect(page.getByLabel('Timeline').getByText(`${today()} · Support`).first()).toBeVisible();
  await shots(page, 'school-page-support', false);

  // The supporting school's page says the same, from its side.
  await recorded.getByRole('link', { name: helper }).click();
  await expect(page.getByRole('heading', { name: helper, level: 2 })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Brokered support' })
      .getByRole('row', { name: new RegExp(`Supports ${escape(weakSchool)} .*${escape(today())}`) }),
  ).toBeVisible();
  await expect(page.getByLabel('Timeline').getByText(entry)).toBeVisible();
});

test('spend beyond a network’s allocation is refused at the amount until it is recorded as an agreed overspend', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Partnerships', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Partnerships' })).toBeVisible();
  await shots(page, 'partnerships');
  await page.getByRole('textbox', { name: 'Search' }).fill('Tamworth Network');
  await page.getByRole('link', { name: 'Tamworth Network' }).click();
  await expect(page.getByRole('heading', { name: 'Tamworth Network', level: 2 })).toBeVisible();
  const money = page.getByRole('region', { name: 'Network money' });
  await expect(money.getByTestId('network-money')).toContainText('£5,000');
  await shots(page, 'partnership');
  await page.getByRole('button', { name: 'Edit partnership' }).click();
  const edit = page.getByRole('form', { name: 'Update Tamworth Network' });
  await expect(edit.getByRole('group', { name: 'Member 1' })).toBeVisible();
  await shots(page, 'partnership-form', false);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  await money.getByRole('button', { name: 'Edit allocation and plan' }).click();
  const plan = page.getByRole('form', { name: /^Allocation and plan/ });
  await expect(plan.getByRole('textbox', { name: 'Allocation' })).toHaveValue('£5,000');
  await shots(page, 'budget-form', false);
  await plan.getByRole('button', { name: 'Cancel' }).click();
  await expect(plan).toBeHidden();

  await money.getByRole('button', { name: 'Record spend' }).click();
  const form = page.getByRole('form', { name: /^Record spend/ });
  await form.getByRole('combobox', { name: 'Plan line' }).click();
  await page.getByRole('option').first().click();
  await form.getByRole('textbox', { name: 'Amount' }).fill('6000');
  await form
    .getByRole('textbox', { name: 'Description' })
    .fill('Supply cover for the network moderation day');
  const amount = form.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(
    form.getByText(/over the £5,000 allocation: record it as an agreed overspend, with the reason/),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Record spend' }).click();
  await expect(amount).toBeFocused();
  await expect(form).toBeVisible();
  await shots(page, 'spend-refused');

  await form.getByRole('checkbox', { name: 'Record as an agreed overspend' }).check();
  await form.getByRole('button', { name: 'Record spend' }).click();
  await expect(form.getByText('Give the reason the overspend was agreed')).toBeVisible();
  await form
    .getByRole('textbox', { name: 'Reason for the agreed overspend' })
    .fill('Agreed by the DSIM on 12/11: the moderation day serves all six schools.');
  await form.getByRole('button', { name: 'Record spend' }).click();
  await expect(form).toBeHidden();
  await expect(
    money.getByText(
      'Agreed overspend: Agreed by the DSIM on 12/11: the moderation day serves all six schools.',
    ),
  ).toBeVisible();
  await expect(money.getByText('Overspent', { exact: true })).toBeVisible();

  // Recorded in error: deleted after asking, and put back by Undo.
  await money.getByRole('button', { name: `Correct the spend of £6,000 on ${today()}` }).click();
  const correct = page.getByRole('form', { name: 'Correct spend' });
  await correct.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: `Delete the spend of £6,000 on ${today()}?` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(correct).toBeHidden();
  await expect(money.getByText('Overspent', { exact: true })).toBeHidden();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Spend deleted.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(money.getByText('Overspent', { exact: true })).toBeVisible();
  await expect(money.getByText(/^Agreed overspend: /)).toBeVisible();
});

test('the key strengths register answers who is strong in an area in a district, and takes a new validated strength', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Key strengths', exact: true }).click();
  const count = page.getByTestId('strength-count');
  await expect(count).toHaveText(/^\d+ strengths$/);
  await page.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Teaching and learning', exact: true }).click();
  await page.getByRole('combobox', { name: 'District or double district' }).click();
  await page.getByRole('option', { name: 'Tamworth', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Key strengths' }).locator('tbody tr');
  const before = await rows.count();

  await page.getByRole('button', { name: 'Add a strength' }).click();
  const form = page.getByRole('form', { name: 'Add a key strength' });
  await form.getByRole('combobox', { name: 'School' }).fill('Belgrave Church Middle');
  await form.getByRole('combobox', { name: 'School' }).press('Enter');
  await form.getByRole('combobox', { name: 'School' }).press('Tab');
  await form.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Teaching and learning', exact: true }).click();
  await form.getByRole('textbox', { name: 'Aspect' }).fill('Assessment for learning');
  await form.getByRole('textbox', { name: 'Validated by' }).fill('Dawn Hughes, DSIM');
  await form.getByRole('button', { name: 'Add strength' }).click();
  // Evidence is required, and a validation needs its date as well as its validator.
  await expect(form.getByText('This is required')).toBeVisible();
  await expect(form.getByText('Give both who validated this strength and when, or neither')).toBeVisible();
  await form
    .getByRole('textbox', { name: 'Evidence' })
    .fill('Every lesson seen on the joint visit used peer marking well.');
  await form.getByRole('textbox', { name: 'Validated on' }).fill(today());
  await form.getByRole('textbox', { name: 'Contact' }).fill('Deputy head, 01827 000000');
  await shots(page, 'add-strength');
  await form.getByRole('button', { name: 'Add strength' }).click();
  await expect(form).toBeHidden();

  await expect(rows).toHaveCount(before + 1);
  const added = rows.filter({ hasText: 'Assessment for learning' });
  await expect(added).toContainText('Belgrave Church Middle School');
  await expect(added).toContainText(today());
  await page.getByRole('textbox', { name: 'Words' }).fill('peer marking');
  await expect(rows).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Words' }).fill('');
  await expect(rows).toHaveCount(before + 1);
  await shots(page, 'key-strengths');
});

test('a barrier raised by a school joins the LA’s agenda under its theme, with the LA’s response', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Barriers agenda', exact: true }).click();
  await page.getByRole('button', { name: 'Raise a barrier' }).click();
  const form = page.getByRole('form', { name: 'Raise a barrier to effectiveness' });
  await form.getByRole('combobox', { name: 'School' }).fill('Belgrave Church Middle');
  await form.getByRole('combobox', { name: 'School' }).press('Enter');
  await form.getByRole('combobox', { name: 'School' }).press('Tab');
  await form.getByRole('combobox', { name: 'Theme' }).fill('Recruiting to rural posts');
  await form
    .getByRole('textbox', { name: 'Description' })
    .fill('No applicants for two advertised KS2 posts.');
  await form.getByRole('checkbox', { name: 'Beyond the school' }).check();
  await form.getByRole('button', { name: 'Raise barrier' }).click();
  await expect(form).toBeHidden();

  const theme = page.getByRole('region', { name: 'Recruiting to rural posts' });
  await expect(theme).toContainText('1 raised by 1 school');
  await expect(theme).toContainText('No response from the LA yet.');
  await theme.getByRole('button', { name: 'Record the LA’s response' }).click();
  const response = page.getByRole('form', { name: 'The LA’s response: Recruiting to rural posts' });
  await response
    .getByRole('textbox', { name: 'LA response' })
    .fill('A shared advert across the cluster next term.');
  await response.getByRole('button', { name: 'Save response' }).click();
  await expect(response).toBeHidden();
  await expect(theme).toContainText(`LA response, ${today()}`);
  await shots(page, 'barriers-agenda');

  await theme.getByRole('link', { name: 'Belgrave Church Middle School' }).click();
  await expect(page.getByRole('region', { name: 'Barriers to effectiveness' })).toContainText(
    'Recruiting to rural posts',
  );
  await page.getByRole('button', { name: 'New profile' }).click();
  const profile = page.getByRole('form', { name: 'New School Effectiveness Profile' });
  await profile
    .getByRole('textbox', { name: 'Themes for improvement' })
    .first()
    .fill('Middle leaders new to post.');
  await shots(page, 'effectiveness-profile', false);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile).toBeHidden();
  await expect(page.getByRole('region', { name: 'School Effectiveness Profile' })).toContainText(
    'themes for improvement in Leadership',
  );
});

/** A school's name as a pattern: names hold apostrophes, commas and full stops. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
