import type { BudgetDraft } from '../../shared/api/budgets';
import type { Framework } from '../../shared/domain/sef';
import { readBudgetSummary, writeBudgetSummary } from './budget-summary';
import { readSavingsOptions, writeSavingsOptions, type SavingsExportRow } from './savings-options';
import { packRows } from './packed-rows';
import { readRegister, writeRegister, type RegisterExport } from './schools-register';
import { readSefGridSheet, writeSefGrid, type GridExport } from './sef-grid';

/*
 * The work the workbook thread does: everything ExcelJS parses or writes, which would otherwise hold
 * the app's main thread (the window's requests, browser mode's server) for as long as it takes.
 * Bytes cross between threads as plain Uint8Arrays, so each task takes and gives those; the imports'
 * rows cross packed (packed-rows.ts), unpacked by the code that asked for them.
 */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const workbookTasks = {
  readRegister: async (data: Uint8Array) => {
    const { rows, districts, problems } = await readRegister(asBuffer(data));
    return { rows: packRows(rows), districts: packRows(districts), problems };
  },
  readBudgetSummary: (data: Uint8Array) => readBudgetSummary(asBuffer(data)),
  writeBudgetSummary: async (templatePath: string, data: BudgetDraft): Promise<Uint8Array> =>
    writeBudgetSummary(templatePath, data),
  readSefGrid: async (data: Uint8Array, framework: Framework) => {
    const grid = await readSefGridSheet(asBuffer(data), framework);
    return { ...grid, rows: packRows(grid.rows) };
  },
  writeRegister: async (templatePath: string, data: RegisterExport): Promise<Uint8Array> =>
    writeRegister(templatePath, data),
  writeSefGrid: async (templatePath: string, data: GridExport): Promise<Uint8Array> =>
    writeSefGrid(templatePath, data),
  readSavingsOptions: (data: Uint8Array) => readSavingsOptions(asBuffer(data)),
  writeSavingsOptions: async (templatePath: string, options: SavingsExportRow[]): Promise<Uint8Array> =>
    writeSavingsOptions(templatePath, options),
};

export type WorkbookTasks = typeof workbookTasks;
export type WorkbookTask = keyof WorkbookTasks;

/** What the main side posts to the workbook thread, and what it answers. */
export interface TaskRequest {
  id: number;
  task: WorkbookTask;
  args: unknown[];
}
export type TaskAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
