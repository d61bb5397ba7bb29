import {
  savingsLabels,
  savingsOptionDraft,
  type SavingsOptionDraft,
  type SavingsOptionRow,
} from '../../shared/api/savings';
import { showCash, showFte, UNKNOWN, type Figure } from '../../shared/domain/savings';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

/** The columns of a figure: its value, and the flag saying the owner typed `?`. */
const FIGURE_COLUMNS = {
  fte: ['fte_hundredths', 'fte_unknown'],
  cash1: ['cash1_pence', 'cash1_unknown'],
  cash2: ['cash2_pence', 'cash2_unknown'],
  cash3: ['cash3_pence', 'cash3_unknown'],
  diff: ['diff_pence', 'diff_unknown'],
} as const;
type FigureKey = keyof typeof FIGURE_COLUMNS;
const FIGURE_KEYS = Object.keys(FIGURE_COLUMNS) as FigureKey[];

const SELECT = `
  SELECT id, ref, service, option_header AS optionHeader, comments, status, priority, do_anyway AS doAnyway,
         ${FIGURE_KEYS.map((k) => `${FIGURE_COLUMNS[k][0]} AS ${k}, ${FIGURE_COLUMNS[k][1]} AS ${k}Unknown`).join(', ')},
         sponsor, code, position
  FROM savings_options`;

type Stored = Omit<SavingsOptionRow, FigureKey> &
  Record<FigureKey, number | null> &
  Record<`${FigureKey}Unknown`, 0 | 1>;

function asRow(stored: Stored): SavingsOptionRow {
  const row = { ...stored } as Record<string, unknown>;
  for (const k of FIGURE_KEYS) {
    row[k] = stored[`${k}Unknown`] ? UNKNOWN : stored[k];
    delete row[`${k}Unknown`];
  }
  return row as SavingsOptionRow;
}

/** The draft's values for the SQL: each figure split into its value and its unknown flag. */
function params(d: SavingsOptionDraft) {
  const split: Record<string, number | null> = {};
  for (const k of FIGURE_KEYS) {
    const figure: Figure = d[k];
    split[k] = figure === UNKNOWN ? null : figure;
    split[`${k}Unknown`] = figure === UNKNOWN ? 1 : 0;
  }
  return { ...d, ...split };
}

const COLUMNS = `ref = @ref, service = @service, option_header = @optionHeader, comments = @comments,
  status = @status, priority = @priority, do_anyway = @doAnyway,
  ${FIGURE_KEYS.map((k) => `${FIGURE_COLUMNS[k][0]} = @${k}, ${FIGURE_COLUMNS[k][1]} = @${k}Unknown`).join(', ')},
  sponsor = @sponsor, code = @code, position = @position`;

export const listSavingsOptions = (db: Db): SavingsOptionRow[] =>
  (prepared(db, `${SELECT} ORDER BY position, ref`).all() as Stored[]).map(asRow);

/** Savings options are corrected by the next workbook, never deleted: the register keeps them. */
export const savingsOptions: RecordTable<SavingsOptionRow, SavingsOptionDraft> = {
  entity: 'savings-option',
  rules: savingsOptionDraft,
  labels: savingsLabels,
  get: (db, id) => {
    const found = prepared(db, `${SELECT} WHERE id = ?`).get(id) as Stored | undefined;
    return found && asRow(found);
  },
  insert: (db, d) => {
    // The SET list doubles as the column list, so the two cannot drift apart.
    const pairs = COLUMNS.split(',').map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]);
    const sql = `INSERT INTO savings_options (${pairs.map((p) => p[0]).join(', ')}) VALUES (${pairs.map((p) => p[1]).join(', ')})`;
    return Number(prepared(db, sql).run(params(d)).lastInsertRowid);
  },
  update: (db, id, d) =>
    void prepared(db, `UPDATE savings_options SET ${COLUMNS} WHERE id = @id`).run({ ...params(d), id }),
  describe: (o) => ({
    Ref: o.ref,
    Service: o.service || null,
    Option: o.optionHeader || null,
    Comments: o.comments || null,
    Status: o.status || null,
    Priority: o.priority || null,
    'Do anyway': o.doAnyway || null,
    'FTE saving': showFte(o.fte) || null,
    'Cash 2008/09': showCash(o.cash1) || null,
    'Cash 2009/10': showCash(o.cash2) || null,
    'Cash 2010/11': showCash(o.cash3) || null,
    Diff: showCash(o.diff) || null,
    Sponsor: o.sponsor || null,
    'F/S/E': o.code || null,
  }),
  schoolOf: () => null,
  title: (o) => `savings option ${o.ref}`,
};
