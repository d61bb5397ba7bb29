import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, startScreen } from './app';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/samples/schools-register.xlsx');
const SIZES = [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
] as const;

async function importRegister(page: Page, file: string, button: string, done: string) {
  await page.getByRole('button', { name: 'Register workbook', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(done)).toBeVisible();
}

/** The sample register with one headteacher changed, so importing it changes a school already held. */
async function changedRegister(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  workbook.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
  const path = join(tmpdir(), `changed-register-${Date.now()}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

for (const size of SIZES) {
  test(`an import is backed up first, and the backup can be restored (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await startScreen(page);
    await page
      .getByRole('textbox', { name: 'File name', exact: true })
      .fill(`Backups ${size.width} ${Date.now()}`);
    await page.getByRole('button', { name: 'Create file' }).click();
    await importRegister(page, SAMPLE, 'Import 432 schools', 'Imported 432 new and 0 changed schools.');

    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    await expect(page.getByText('No backups yet.', { exact: false })).toBeVisible();

    await importRegister(
      page,
      await changedRegister(),
      'Import 1 schools',
      'Imported 0 new and 1 changed schools.',
    );
    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    const table = page.getByRole('table', { name: 'Backups' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByText('Before a register import')).toBeVisible();
    await expect(
      page
        .getByText(/Backups$/)
        .or(page.getByText(/[\\/]Backups/))
        .first(),
    ).toBeVisible();
    await screenshot(page, `backups-list-${size.width}`);

    await table.getByRole('button', { name: /^Restore the backup of/ }).click();
    const question = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(question).toContainText('The file as it is now is backed up first');
    await expect(question).toHaveCSS('opacity', '1'); // the question has finished fading in
    await screenshot(page, `backups-confirm-${size.width}`);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);

    await table.getByRole('button', { name: /^Restore the backup of/ }).click();
    await page
      .getByRole('dialog', { name: 'Restore this backup?' })
      .getByRole('button', { name: 'Restore backup' })
      .click();
    await expect(page.getByText(/^Restored the backup of .* The file as it was is kept in /)).toBeVisible();
    await expect(table.getByText('Before a restore')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3);
    await screenshot(page, `backups-restored-${size.width}`);

    // The school is back as it was before the import.
    await page.getByRole('button', { name: 'Schools', exact: true }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill('8603003');
    await page.getByRole('link', { name: "St Editha's CE (VC) First School" }).click();
    await expect(page.getByText('Ms Helen Bradbury').first()).toBeVisible();
  });
}
