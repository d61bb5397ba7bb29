import type { SheetRow } from './layout';

/**
 * A sheet's rows as one column of strings per field, to cross from the workbook thread to the main
 * thread: cloning 650 rows of small objects, each naming its fields again, cost the main thread
 * about as much as planning the import, where a few arrays of strings cost a fraction.
 */
export interface PackedRows<F extends string> {
  fields: F[];
  rows: number[];
  values: string[][];
  cells: string[][];
}

/** Every row read by `readRows` has the same fields, in the same order, so the first names them. */
export function packRows<F extends string>(rows: Array<SheetRow<F>>): PackedRows<F> {
  const fields = rows.length === 0 ? [] : (Object.keys(rows[0]!.values) as F[]);
  return {
    fields,
    rows: rows.map((r) => r.row),
    values: fields.map((f) => rows.map((r) => r.values[f])),
    cells: fields.map((f) => rows.map((r) => r.cell[f])),
  };
}

/** The rows as `readRows` gave them, fields in the same order. */
export function unpackRows<F extends string>(packed: PackedRows<F>): Array<SheetRow<F>> {
  const { fields, values, cells } = packed;
  return packed.rows.map((row, i) => {
    const value = {} as Record<F, string>;
    const cell = {} as Record<F, string>;
    for (let f = 0; f < fields.length; f++) {
      value[fields[f]!] = values[f]![i]!;
      cell[fields[f]!] = cells[f]![i]!;
    }
    return { row, values: value, cell };
  });
}
