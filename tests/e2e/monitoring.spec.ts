import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { academicYearLabel, academicYearOf, defaultTermDates, termLabel } from '../../shared/domain/calendar';
import { formatDate } from '../../shared/domain/format';
import { screenshot, startScreen } from './app';

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');

async function openDemoSchool(page: Page, search: string) {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  await page.getByRole('textbox', { name: 'Search' }).fill(search);
  await page.locator('tbody tr:not([aria-hidden])').first().getByRole('link').click();
}

test('a DSIM records a visit and sees it on the timeline and in the SIP days', async ({ page }) => {
  await openDemoSchool(page, 'Cannock');
  const days = page.getByTestId('sip-days');
  await expect(days).toHaveText(/^[\d.]+ of 5$/);
  const before = Number(/^([\d.]+)/.exec((await days.textContent()) ?? '')?.[1]);

  await page.getByRole('button', { name: 'Record visit' }).click();
  const form = page.getByRole('form', { name: 'Record a visit' });
  const today = new Date().toLocaleDateString('en-GB'); // dd/mm/yyyy, as staff type it
  await form.getByRole('textbox', { name: 'Date of visit' }).fill(today);
  await form.getByLabel('Days').fill('1.5');
  await form.getByLabel('Purpose').click();
  await page.getByRole('option', { name: 'Identifying support' }).click();
  await form.getByLabel('Notes').fill('Discussed the maths action plan with the head.');
  await screenshot(page, 'visit-form');
  await form.getByRole('button', { name: 'Record visit' }).click();
  await expect(form).toBeHidden();

  await expect(days).toHaveText(`${before + 1.5} of 5`);
  const timeline = page.getByLabel('Timeline');
  await expect(timeline.getByText(/SIP visit by .* — Identifying support \(1\.5 days\)/)).toBeVisible();
  await expect(timeline.getByText('Discussed the maths action plan with the head.')).toBeVisible();
  await expect(timeline.getByText(`${today} · Visits`).first()).toBeVisible();
  await screenshot(page, 'school-timeline');

  // The report comes in, then the DSIM quality-assures it.
  const update = async (field: string) => {
    await page
      .getByRole('button', { name: `Update visit of ${today}` })
      .first()
      .click();
    const edit = page.getByRole('form', { name: 'Update visit' });
    await edit.getByRole('textbox', { name: field }).fill(today);
    await edit.getByRole('button', { name: 'Save visit' }).click();
    await expect(edit).toBeHidden();
  };
  await update('Report received');
  await expect(timeline.getByText(`Report received ${today}; awaiting QA`)).toBeVisible();
  await update('Quality-assured by the DSIM');
  await expect(timeline.getByText(`Report received ${today}; quality-assured ${today}`)).toBeVisible();

  // Only visits, when the user asks for only visits.
  await page.getByLabel('Show in the timeline').getByText('SEF', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'SEF' })).not.toBeChecked();
  await expect(timeline.getByText(/^SEF: /)).toHaveCount(0);
});

test('a DSIM proposes and confirms a category and sees the support level change on the list', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Schools', exact: true }).click(); // a file opens on the dashboard
  const count = page.getByTestId('match-count');
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: '2 Good' }).click();
  const row = page.locator('tbody tr:not([aria-hidden])').first();
  const name = (await row.getByRole('link').textContent())!.trim();
  await expect(row.locator('td:nth-child(8)')).toHaveText('low');
  await row.getByRole('link').click();

  await page.getByRole('button', { name: 'Propose category' }).click();
  const propose = page.getByRole('form', { name: 'Propose a category' });
  await propose.getByRole('combobox', { name: 'Proposed category' }).click();
  await page.getByRole('option', { name: '4 Inadequate' }).click();
  await propose.getByLabel('Source').click();
  await page.getByRole('option', { name: 'DSIM' }).click();
  await propose
    .getByLabel('Evidence')
    .fill('Key stage 2 results fell sharply; two teachers on long-term absence.');
  await propose.getByRole('button', { name: 'Propose category' }).click();
  await expect(propose).toBeHidden();

  await page.getByRole('button', { name: 'Record DIG decision' }).click();
  const decide = page.getByRole('form', { name: 'DIG decision on the category' });
  await screenshot(page, 'category-decision');
  await decide.getByRole('button', { name: 'Confirm category' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByTestId('current-category')).toContainText('4');
  await expect(page.getByTestId('current-category')).toContainText('high');

  await page.getByRole('button', { name: '← All schools' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(name);
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: '4 Inadequate' }).click();
  const updated = page.locator('tbody tr:not([aria-hidden])').filter({ hasText: name });
  await expect(updated.locator('td:nth-child(7)')).toHaveText('4');
  await expect(updated.locator('td:nth-child(8)')).toHaveText('high');
  await expect(count).toHaveText(/^1 of \d+ schools$/);
  await screenshot(page, 'schools-with-categories');
});

test('the DSIM overview lists what needs doing this term for a double district', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Monitoring', exact: true }).click();
  await expect(page.getByText(/^This term: (Autumn|Spring|Summer) \d{4}$/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Double district' }).click();
  await page.getByRole('option', { name: 'Cannock / Lichfield' }).click();
  await expect(page.getByTestId('no-sip-visit')).toBeVisible();
  for (const district of await page
    .getByTestId('no-sip-visit')
    .locator('tbody td:nth-child(3)')
    .allTextContents())
    expect(['Cannock Chase', 'Lichfield']).toContain(district);
  await screenshot(page, 'monitoring-overview');

  // And for one SIP: only the reports they wrote.
  const awaiting = page.getByTestId('awaiting-qa');
  const sip = (await awaiting.locator('tbody td:nth-child(1)').first().textContent())!.trim();
  await page.getByRole('combobox', { name: 'SIP' }).click();
  await page.getByRole('option', { name: sip, exact: true }).click();
  for (const visitor of await awaiting.locator('tbody td:nth-child(1)').allTextContents())
    expect(visitor).toBe(sip);
});

test('staff import the sample SEF grid with a preview, then export it and get the same cells back', async ({
  page,
}, info) => {
  await startScreen(page);
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(`SEF grid ${Date.now()}`);
  await page.getByRole('button', { name: 'Create file' }).click();
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await chooser).setFiles(resolve(SAMPLES, 'schools-register.xlsx'));
  await page.getByRole('button', { name: 'Import 432 schools' }).click();
  await expect(page.getByText(/Imported 432 new/)).toBeVisible();

  await page.getByRole('button', { name: 'SEF grid', exact: true }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose SEF grid…' }).click();
  await (await chooser).setFiles(resolve(SAMPLES, 'sef-grid-cannock-lichfield-autumn-2008.xlsx'));
  const preview = page.getByTestId('sef-preview');
  await expect(preview.getByText('108 new')).toBeVisible();
  await expect(preview.getByText('— Cannock / Lichfield, Autumn 2008')).toBeVisible();
  await screenshot(page, 'sef-grid-preview');
  await page.getByRole('button', { name: 'Import 108 SEFs' }).click();
  await expect(page.getByText('Imported 108 new and 0 changed SEFs.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Double district' }).click();
  await page.getByRole('option', { name: 'Cannock / Lichfield' }).click();
  await page.getByRole('combobox', { name: 'Term' }).click();
  await page.getByRole('option', { name: 'Autumn 2008' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SEF grid' }).click();
  const saved = info.outputPath('exported.xlsx');
  await (await download).saveAs(saved);

  const [exported, sample] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await exported.xlsx.readFile(saved);
  await sample.xlsx.readFile(resolve(SAMPLES, 'sef-grid-cannock-lichfield-autumn-2008.xlsx'));
  const out = exported.getWorksheet('SEF grid')!;
  const want = sample.getWorksheet('SEF grid')!;
  expect(out.getCell('B2').value).toBe('Cannock / Lichfield');
  expect(out.getCell('E2').value).toBe('Autumn 2008');
  const rows = (sheet: ExcelJS.Worksheet) => {
    const found = new Map<string, unknown[]>();
    for (let r = 6; r <= sheet.rowCount; r++) {
      const values = Array.from({ length: 16 }, (_, c) => {
        const v = sheet.getRow(r).getCell(c + 1).value;
        return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      });
      if (values[0]) found.set(String(values[0]), [values[4], values[5], ...values.slice(6)]);
    }
    return found;
  };
  const got = rows(out);
  const expected = rows(want);
  expect(got.size).toBe(expected.size);
  for (const [dfe, cells] of expected) expect(got.get(dfe), dfe).toEqual(cells);
});

test('the LA sets its own term dates, typed the British way', async ({ page }) => {
  // Last academic year, whenever this runs.
  const year = academicYearOf(new Date().toISOString().slice(0, 10)) - 1;
  const autumn = termLabel({ academicYear: year, term: 'autumn' });
  const typicalEnd = defaultTermDates(year)[0]!.endsOn;
  await startScreen(page);
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(`Calendar ${Date.now()}`);
  await page.getByRole('button', { name: 'Create file' }).click();
  await page.getByRole('button', { name: 'Organisation', exact: true }).click();
  const chooseYear = async () => {
    await page.getByRole('combobox', { name: 'Academic year' }).click();
    await page.getByRole('option', { name: academicYearLabel(year) }).click();
  };
  await chooseYear();
  const ends = page.getByRole('textbox', { name: `${autumn} ends` });
  await expect(ends).toHaveValue(formatDate(typicalEnd));
  await ends.fill(`17/12/${year}`);
  await page
    .getByRole('row', { name: new RegExp(autumn) })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByText(`${autumn} dates saved.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(autumn) }).getByText('typical')).toHaveCount(0);
  await page.reload();
  await chooseYear();
  await expect(page.getByRole('textbox', { name: `${autumn} ends` })).toHaveValue(`17/12/${year}`);
  await screenshot(page, 'term-dates');
});

test('an Ofsted inspection is recorded with its grades, then corrected from the timeline', async ({
  page,
}) => {
  await openDemoSchool(page, 'Lichfield');
  await page.getByRole('button', { name: 'Ofsted inspection' }).click();
  const form = page.getByRole('form', { name: 'Record an Ofsted inspection' });
  await form.getByRole('textbox', { name: 'Date' }).fill('03/11/2025');
  await form.getByRole('combobox', { name: 'Overall effectiveness' }).click();
  await page.getByRole('option', { name: '3 Satisfactory' }).click();
  await form.getByRole('combobox', { name: 'Teaching and learning' }).click();
  await page.getByRole('option', { name: '4 Inadequate' }).click();
  await form.getByRole('button', { name: 'Record inspection' }).click();
  await expect(form).toBeHidden();
  const timeline = page.getByLabel('Timeline');
  await expect(
    timeline.getByText('Ofsted section 5 inspection: overall 3 Satisfactory').first(),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Correct inspection of 03/11/2025' }).first().click();
  const correct = page.getByRole('form', { name: 'Correct an Ofsted inspection' });
  await expect(correct.getByRole('textbox', { name: 'Date' })).toHaveValue('03/11/2025');
  await expect(correct.getByRole('combobox', { name: 'Teaching and learning' })).toHaveValue('4 Inadequate');
  await correct.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Notice to Improve' }).click();
  // A category comes only with an inadequate overall grade: said at the field, nothing saved.
  await correct.getByRole('button', { name: 'Save inspection' }).click();
  await expect(
    correct.getByText('Notice to Improve comes only with an overall judgement of 4 (Inadequate).'),
  ).toBeVisible();
  await correct.getByRole('combobox', { name: 'Overall effectiveness' }).click();
  await page.getByRole('option', { name: '4 Inadequate' }).click();
  await correct.getByRole('button', { name: 'Save inspection' }).click();
  await expect(correct).toBeHidden();
  await expect(
    timeline.getByText('Ofsted section 5 inspection: overall 4 Inadequate, Notice to Improve').first(),
  ).toBeVisible();
  await screenshot(page, 'inspection-corrected');
});
