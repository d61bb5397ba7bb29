import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../electron/workbooks/layout';
import { packRows, unpackRows } from '../../electron/workbooks/packed-rows';

type Field = 'dfe' | 'name' | 'sip';

const rows: Array<SheetRow<Field>> = [
  {
    row: 5,
    values: { dfe: '860/2001', name: 'Oakfield Primary', sip: '' },
    cell: { dfe: 'Schools!A5', name: 'Schools!C5', sip: 'Schools!K5' },
  },
  {
    row: 9,
    values: { dfe: '', name: 'Brook "Lane" — Infant', sip: 'Ann Price' },
    cell: { dfe: 'Schools!A9', name: 'Schools!C9', sip: 'Schools!K9' },
  },
];

describe('rows packed to cross to the main thread', () => {
  it('come back as they were read, fields in the same order, after a structured clone', () => {
    const back = unpackRows(deserialize(serialize(packRows(rows))) as ReturnType<typeof packRows<Field>>);
    expect(back).toEqual(rows);
    expect(back.map((r) => Object.keys(r.values))).toEqual(rows.map((r) => Object.keys(r.values)));
    expect(back.map((r) => Object.keys(r.cell))).toEqual(rows.map((r) => Object.keys(r.cell)));
  });

  it('travel as one column of strings per field, not one object per row', () => {
    const packed = packRows(rows);
    expect(packed.fields).toEqual(['dfe', 'name', 'sip']);
    expect(packed.rows).toEqual([5, 9]);
    expect(packed.values[1]).toEqual(['Oakfield Primary', 'Brook "Lane" — Infant']);
    expect(packed.cells[2]).toEqual(['Schools!K5', 'Schools!K9']);
  });

  it('leave a sheet with no rows with none', () => {
    expect(unpackRows(packRows<Field>([]))).toEqual([]);
  });
});
