import { expect, test } from '@playwright/test';
import { screenshot, startScreen } from './app';

test('a new user opens the demo authority, edits a Cannock Chase school, reloads and sees its history', async ({
  page,
}) => {
  await startScreen(page);
  await screenshot(page, 'start');
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard

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
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await page.getByRole('button', { name: 'Add school' }).click();
  const form = page.getByRole('form', { name: 'Add school' });
  await form.getByRole('textbox', { name: 'DfE number' }).fill('86O/2001');
  await form.getByRole('button', { name: 'Add school' }).click();
  await expect(
    form.getByText('DfE number "86O/2001" is not a valid DfE number (like 860/2001)'),
  ).toBeVisible();
  await expect(form.getByText(/School name.*required/i)).toBeVisible();
  await screenshot(page, 'add-school-errors');
});

const SIZES = [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
] as const;

test('the schools list reads at laptop sizes: DfE numbers whole, long text on hover, a category legend', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ of \d+ schools$/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const dfeCells = page.locator('tbody tr:not([aria-hidden]) td:nth-child(1)');
    await expect(dfeCells.first()).toHaveText(/^\d{3}\/\d{4}$/);
    // Not cut: each cell's text fits in the width it is given.
    const cut = await dfeCells.evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
    );
    expect(cut).toEqual([]);
    const name = page.locator('tbody tr:not([aria-hidden]) td:nth-child(2)').first();
    await expect(name).toHaveAttribute('title', (await name.getByRole('link').textContent())!.trim());
    const legend = page.getByLabel('Categories');
    for (const category of ['Outstanding', 'Good', 'Satisfactory', 'Inadequate'])
      await expect(legend.getByText(category)).toBeVisible();
    await screenshot(page, `schools-list-${size.width}x${size.height}`);
  }
});

test('"Clear filters" is offered only when a filter is set, and clears them all', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  const count = page.getByTestId('match-count');
  await expect(count).toHaveText(/^\d+ of \d+ schools$/);
  const everything = (await count.textContent())!;
  const clear = page.getByRole('button', { name: 'Clear filters' });
  await expect(clear).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Phase' })).toHaveAttribute('placeholder', 'All');

  await page.getByRole('textbox', { name: 'Search' }).fill('primary');
  await page.getByRole('combobox', { name: 'Phase' }).click();
  await page.getByRole('option', { name: 'Primary', exact: true }).click();
  await expect(count).not.toHaveText(everything);
  await expect(clear).toBeEnabled();

  await clear.click();
  await expect(count).toHaveText(everything);
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Phase' })).toHaveValue('');
  await expect(clear).toBeDisabled();
});

test('a school added with its phase typed is found by a search without the apostrophe', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ of \d+ schools$/);

  // The demo's St Mary's schools, if any, and one added now with a curly apostrophe.
  const name = `St Mary’s Catholic Primary School ${Date.now()}`;
  await page.getByRole('button', { name: 'Add school' }).click();
  const form = page.getByRole('form', { name: 'Add school' });
  await form
    .getByRole('textbox', { name: 'DfE number' })
    .fill(`860/${5000 + Math.floor(Math.random() * 4000)}`);
  await form.getByRole('textbox', { name: 'School name' }).fill(name);
  // Typing picks what was typed: "Pri" + Enter is Primary, not the first option (Nursery).
  const phase = form.getByRole('combobox', { name: 'Phase' });
  await phase.fill('Pri');
  await phase.press('Enter');
  await expect(phase).toHaveValue('Primary');
  const district = form.getByRole('combobox', { name: 'District' });
  await district.pressSequentially('Cannock');
  await district.press('Enter');
  await expect(district).toHaveValue('Cannock Chase');
  await form.getByRole('button', { name: 'Add school' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.locator('[data-field="Phase"]')).toHaveText('Primary');

  await page.getByRole('button', { name: '← All schools' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('st marys');
  const names = page.locator('tbody tr:not([aria-hidden]) td:nth-child(2) a');
  await expect(names.filter({ hasText: name })).toHaveCount(1);
  for (const found of await names.allTextContents()) expect(found).toMatch(/St Mary[’']s/);
  await screenshot(page, 'schools-search-st-marys');
});

test("a school's SEFs show as a grid, and a date typed the British way is kept", async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ of \d+ schools$/);
  await page.locator('tbody tr:not([aria-hidden]) td:nth-child(2) a').first().click();

  const grid = page.getByTestId('sef-table').first();
  await expect(grid).toBeVisible();
  await expect(grid.locator('abbr[title="Overall effectiveness"]')).toHaveText('Overall');
  const dates = await grid.locator('tbody tr td:nth-child(1)').allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  // Each row: the SEF's date and its academic year, newest first.
  for (const cell of dates) expect(cell).toMatch(/^\d{2}\/\d{2}\/\d{4}\d{4}\/\d{2}$/);
  const iso = dates.map((d) => d.slice(0, 10).split('/').reverse().join('-'));
  expect(iso).toEqual([...iso].sort().reverse());
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `school-sef-grid-${size.width}x${size.height}`);
    await grid.screenshot({ path: `test-results/screens/sef-table-${size.width}x${size.height}.png` });
  }

  await page.getByRole('button', { name: 'Record visit' }).click();
  const date = page.getByRole('textbox', { name: 'Date of visit' });
  await date.fill('04/09/2008');
  await date.press('Tab');
  await expect(date).toHaveValue('04/09/2008');
  await expect(page.getByText('Enter a real date')).toHaveCount(0);
  // Typing and tabbing leave the calendar shut, so it never covers the form; its button opens it.
  await expect(page.locator('[data-dates-dropdown]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Choose date of visit from a calendar' }).click();
  // The calendar opens on the date typed, in British English with Monday first.
  await expect(page.getByRole('button', { name: 'September 2008', exact: true })).toBeVisible();
  await expect(page.locator('[data-dates-dropdown] th').first()).toHaveText(/^mo$/i);
  await screenshot(page, 'date-picker');

  await date.fill('31/02/2008');
  await date.press('Tab');
  await expect(date).toHaveValue('31/02/2008');
  await expect(page.getByText('Enter a real date, like 22/11/2026')).toBeVisible();
});
