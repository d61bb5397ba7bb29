import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { formatDate, todayInLondon } from '../../shared/domain/format';
import { pdfPages } from '../unit/pdf-text';
import { startScreen } from './app';

const today = formatDate(todayInLondon());
const SHEETS = [
  'Summary',
  'Schools causing concern',
  'Category moderation',
  'Ofsted since last meeting',
  'Projects and funding',
  'Decisions required',
];

/** The papers panel at both laptop sizes the app is used at, for a person to look at. */
async function screens(page: Page) {
  mkdirSync('/tmp/shots', { recursive: true });
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
  for (const [width, height] of [
    [1360, 860],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { name: 'Papers', level: 3 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/papers-${width}.png` });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

const bytes = async (download: Download) => readFileSync((await download.path())!);

test('a DSIM records a group meeting, generates its papers in one step and opens the workbook and the PDF', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Meetings', exact: true }).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Record a meeting' });
  await form.getByRole('combobox', { name: 'Double district' }).click();
  const option = page.getByRole('option').nth(1); // the first is County-wide
  const area = (await option.textContent())!.trim();
  await option.click();
  await form.getByRole('button', { name: 'Record meeting' }).click();
  await expect(
    page.getByRole('heading', { name: `District Intervention/Resource Group of ${today}` }),
  ).toBeVisible();

  const panel = page.getByRole('region', { name: 'Papers' });
  await expect(panel.getByText('No papers have been generated for this meeting yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'Generate the papers' }).click();
  await expect(panel.getByText('Presented')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('cell', { name: 'e2e.tester' })).toBeVisible();
  await expect(panel.locator('tbody tr').first().getByRole('cell').nth(2)).toHaveText(
    /^(First pack|The papers of \d{2}\/\d{2}\/\d{4})$/,
  );
  await screens(page);

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^Workbook/ }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^DIG papers .+ \d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytes(xlsx)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
  const note = String(workbook.getWorksheet('Summary')!.getCell('A2').value);
  expect(note).toContain(`${area}. Meeting of ${today}`);
  expect(workbook.getWorksheet('Summary')!.getCell('A4').value).toBe('Schools in the pack');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^PDF/ }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pages = await pdfPages(await bytes(pdf));
  expect(pages.length).toBeGreaterThanOrEqual(6);
  pages.forEach((text, i) => {
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text).toContain(today);
  });
  expect(pages[0]).toContain(`Summary: District Intervention/Resource Group of ${today} — ${area}`);
  expect(pages.at(-1)).toContain('Decisions required');

  // Generated again, the new papers are the ones presented; the first are kept as they were.
  await panel.getByRole('button', { name: 'Generate the papers' }).click();
  await expect(panel.locator('tbody tr')).toHaveCount(2, { timeout: 30_000 });
  await expect(panel.locator('tbody tr').first().getByText('Presented')).toBeVisible();
  await expect(panel.locator('tbody tr').nth(1).getByText('Presented')).toHaveCount(0);
});
