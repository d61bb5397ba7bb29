import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { screenshot, startScreen } from './app';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/samples/schools-register.xlsx');
const SEF_GRID = resolve(
  import.meta.dirname,
  '../../../shared/samples/sef-grid-cannock-lichfield-autumn-2008.xlsx',
);
const SIZES = [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
] as const;

test('a new user imports the sample register into a new file, previewing it first', async ({ page }) => {
  await startScreen(page);
  const fileName = `Register import ${Date.now()}`;
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(fileName);
  await page.getByRole('button', { name: 'Create file' }).click();
  await expect(page).toHaveTitle(`${fileName}.sid — School Improvement Desk`);
  await expect(page.getByText('There are no schools in this file yet.')).toBeVisible(); // on the dashboard
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await expect(page.getByText('There are no schools in this file yet.')).toBeVisible();
  await screenshot(page, 'schools-empty');

  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await chooser).setFiles(SAMPLE);

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByText('432 new')).toBeVisible();
  await expect(preview.getByText('0 unchanged')).toBeVisible();
  await expect(preview.getByText('New district Cannock Chase in Cannock / Lichfield')).toBeVisible();
  await expect(preview.getByText(/^New SIPs: /)).toBeVisible();
  await screenshot(page, 'register-preview');

  // Nothing is written until the user confirms.
  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await expect(page.getByText('There are no schools in this file yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await again).setFiles(SAMPLE);
  await page.getByRole('button', { name: 'Import 432 schools' }).click();
  await expect(page.getByText(/Imported 432 new/)).toBeVisible();

  await page.getByRole('button', { name: 'Schools', exact: true }).click();
  await expect(page.getByTestId('match-count')).toHaveText('432 of 432 schools');
  await page.getByRole('textbox', { name: 'Search' }).fill('8603003');
  await expect(page.getByTestId('match-count')).toHaveText('1 of 432 schools');
  await expect(page.getByRole('link', { name: "St Editha's CE (VC) First School" })).toBeVisible();

  // The SEF grid goes through the same import panel; its file input takes the workbook as a drop would.
  await page.getByRole('button', { name: 'SEF grid', exact: true }).click();
  await page.getByLabel('Choose SEF grid').setInputFiles(SEF_GRID);
  const sefPreview = page.getByTestId('sef-preview');
  await expect(sefPreview.getByText('108 new')).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `sef-grid-preview-${size.width}x${size.height}`);
  }
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(sefPreview).toHaveCount(0);
});

test('the register import panel takes a dropped or chosen workbook and reads at laptop sizes', async ({
  page,
}) => {
  await startScreen(page);
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(`Register sizes ${Date.now()}`);
  await page.getByRole('button', { name: 'Create file' }).click();
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Choose workbook…' })).toBeVisible();
  await expect(page.getByText('or drop an .xlsx file here')).toBeVisible();
  await page.getByLabel('Choose workbook').setInputFiles(SAMPLE);
  await expect(page.getByTestId('import-preview').getByText('432 new')).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `register-preview-${size.width}x${size.height}`);
  }
});

test('a broken register shows each problem with its sheet and cell, and imports nothing', async ({
  page,
}, info) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  workbook.getWorksheet('Schools')!.getCell('A37').value = '86O/2001';
  const broken = info.outputPath('broken-register.xlsx');
  await workbook.xlsx.writeFile(broken);

  await startScreen(page);
  await page.getByRole('textbox', { name: 'File name', exact: true }).fill(`Broken import ${Date.now()}`);
  await page.getByRole('button', { name: 'Create file' }).click();
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await chooser).setFiles(broken);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('Schools!A37: DfE number "86O/2001" is not a valid DfE number');
  await expect(page.getByRole('button', { name: /^Import \d+ schools$/ })).toBeDisabled();
  await screenshot(page, 'register-problems');
});

test('exporting the register downloads the LA template filled in', async ({ page }) => {
  await startScreen(page);
  await page.getByRole('button', { name: 'Open demo authority' }).click();
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export/ }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Schools')!;
  expect(sheet.getCell('A1').value).toBe('School Improvement Division — register of schools');
  expect(sheet.getCell('A4').value).toBe('DfE No');
  expect(sheet.rowCount).toBeGreaterThan(400);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
});
