import {
  budgetDraft,
  partnershipDraft,
  partnershipLabels,
  spendDraft,
  type BudgetDraft,
  type PartnershipDraft,
  type SpendDraft,
} from '../../shared/api/partnerships';
import { academicYearLabel } from '../../shared/domain/calendar';
import { formatDate, formatPounds } from '../../shared/domain/format';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredPartnership extends PartnershipDraft {
  id: number;
}

const membersOf = (db: Db, id: number): StoredPartnership['members'] =>
  db
    .prepare(
      `SELECT school_id AS schoolId, joined_on AS joinedOn, left_on AS leftOn FROM partnership_members
       WHERE partnership_id = ? ORDER BY position`,
    )
    .all(id) as StoredPartnership['members'];

const P_SELECT = `SELECT id, name, kind, lead_school_id AS leadSchoolId, COALESCE(notes, '') AS notes FROM partnerships`;

export function allPartnerships(db: Db): StoredPartnership[] {
  return (db.prepare(`${P_SELECT} ORDER BY name`).all() as Array<Omit<StoredPartnership, 'members'>>).map(
    (p) => ({ ...p, members: membersOf(db, p.id) }),
  );
}

export const partnershipNamed = (db: Db, name: string) =>
  db.prepare('SELECT id FROM partnerships WHERE name = ? COLLATE NOCASE').get(name.trim()) as
    { id: number } | undefined;

export const hasBudgets = (db: Db, partnershipId: number) =>
  db.prepare('SELECT 1 FROM network_budgets WHERE partnership_id = ?').get(partnershipId) !== undefined;

function replaceMembers(db: Db, id: number, members: PartnershipDraft['members']): void {
  db.prepare('DELETE FROM partnership_members WHERE partnership_id = ?').run(id);
  const add = db.prepare(
    `INSERT INTO partnership_members (partnership_id, position, school_id, joined_on, left_on)
     VALUES (?, ?, ?, ?, ?)`,
  );
  members.forEach((m, position) => add.run(id, position, m.schoolId, m.joinedOn, m.leftOn));
}

const partnershipParams = (d: PartnershipDraft) => ({
  name: d.name.trim(),
  kind: d.kind,
  leadSchoolId: d.leadSchoolId,
  notes: d.notes.trim() || null,
});

export const partnerships: RecordTable<StoredPartnership, PartnershipDraft> = {
  entity: 'partnership',
  rules: partnershipDraft,
  labels: partnershipLabels,
  get: (db, id) => {
    const row = db.prepare(`${P_SELECT} WHERE id = ?`).get(id) as
      Omit<StoredPartnership, 'members'> | undefined;
    return row && { ...row, members: membersOf(db, id) };
  },
  insert: (db, d) => {
    const id = Number(
      db
        .prepare(
          'INSERT INTO partnerships (name, kind, lead_school_id, notes) VALUES (@name, @kind, @leadSchoolId, @notes)',
        )
        .run(partnershipParams(d)).lastInsertRowid,
    );
    replaceMembers(db, id, d.members);
    return id;
  },
  update: (db, id, d) => {
    db.prepare(
      'UPDATE partnerships SET name = @name, kind = @kind, lead_school_id = @leadSchoolId, notes = @notes WHERE id = @id',
    ).run({ ...partnershipParams(d), id });
    replaceMembers(db, id, d.members);
  },
  remove: (db, id) => void db.prepare('DELETE FROM partnerships WHERE id = ?').run(id),
  restore: (db, p) => {
    db.prepare(
      'INSERT INTO partnerships (id, name, kind, lead_school_id, notes) VALUES (@id, @name, @kind, @leadSchoolId, @notes)',
    ).run({ ...partnershipParams(p), id: p.id });
    replaceMembers(db, p.id, p.members);
  },
  describe: (p) => ({
    Name: p.name,
    Kind: p.kind,
    'Lead school': p.leadSchoolId === null ? null : String(p.leadSchoolId),
    Notes: p.notes.trim() || null,
    Members:
      p.members
        .map(
          (m) =>
            `school ${m.schoolId} from ${formatDate(m.joinedOn)}${m.leftOn ? ` to ${formatDate(m.leftOn)}` : ''}`,
        )
        .join('; ') || null,
  }),
  schoolOf: () => null,
  title: (p) => `${p.kind.toLowerCase()} ${p.name}`,
};

export interface StoredBudget {
  id: number;
  partnershipId: number;
  academicYear: number;
  allocationPence: number;
  lines: Array<{ id: number; description: string; plannedPence: number }>;
}

const B_SELECT = `SELECT id, partnership_id AS partnershipId, academic_year AS academicYear,
  allocation_pence AS allocationPence FROM network_budgets`;

const linesOf = (db: Db, budgetId: number): StoredBudget['lines'] =>
  db
    .prepare(
      `SELECT id, description, planned_pence AS plannedPence FROM network_plan_lines
       WHERE budget_id = ? ORDER BY position, id`,
    )
    .all(budgetId) as StoredBudget['lines'];

export function allBudgets(db: Db, partnershipId?: number): StoredBudget[] {
  return (
    db
      .prepare(`${B_SELECT} WHERE (@p IS NULL OR partnership_id = @p) ORDER BY academic_year DESC, id`)
      .all({ p: partnershipId ?? null }) as Array<Omit<StoredBudget, 'lines'>>
  ).map((b) => ({ ...b, lines: linesOf(db, b.id) }));
}

export const budgetFor = (db: Db, partnershipId: number, academicYear: number) =>
  db
    .prepare('SELECT id FROM network_budgets WHERE partnership_id = ? AND academic_year = ?')
    .get(partnershipId, academicYear) as { id: number } | undefined;

/** Lines of a budget that have spend recorded against them. */
export const linesWithSpend = (db: Db, budgetId: number): number[] =>
  db
    .prepare(
      `SELECT DISTINCT l.id FROM network_plan_lines l JOIN network_spend s ON s.plan_line_id = l.id
       WHERE l.budget_id = ?`,
    )
    .pluck()
    .all(budgetId) as number[];

/** Keeps each line's id where the draft names it, so the spend recorded against it stays with it. */
function saveLines(db: Db, budgetId: number, lines: BudgetDraft['lines']): void {
  const kept = lines.flatMap((l) => (l.id === null ? [] : [l.id]));
  db.prepare(
    `DELETE FROM network_plan_lines WHERE budget_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(budgetId, JSON.stringify(kept));
  const update = db.prepare(
    'UPDATE network_plan_lines SET position = ?, description = ?, planned_pence = ? WHERE id = ? AND budget_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO network_plan_lines (budget_id, position, description, planned_pence) VALUES (?, ?, ?, ?)',
  );
  lines.forEach((l, position) => {
    if (l.id === null) insert.run(budgetId, position, l.description.trim(), l.plannedPence);
    else update.run(position, l.description.trim(), l.plannedPence, l.id, budgetId);
  });
}

export const budgets: RecordTable<StoredBudget, BudgetDraft> = {
  entity: 'network-budget',
  rules: budgetDraft,
  labels: partnershipLabels,
  get: (db, id) => {
    const row = db.prepare(`${B_SELECT} WHERE id = ?`).get(id) as Omit<StoredBudget, 'lines'> | undefined;
    return row && { ...row, lines: linesOf(db, id) };
  },
  insert: (db, d) => {
    const id = Number(
      db
        .prepare(
          'INSERT INTO network_budgets (partnership_id, academic_year, allocation_pence) VALUES (?, ?, ?)',
        )
        .run(d.partnershipId, d.academicYear, d.allocationPence).lastInsertRowid,
    );
    saveLines(db, id, d.lines);
    return id;
  },
  update: (db, id, d) => {
    db.prepare(
      'UPDATE network_budgets SET partnership_id = ?, academic_year = ?, allocation_pence = ? WHERE id = ?',
    ).run(d.partnershipId, d.academicYear, d.allocationPence, id);
    saveLines(db, id, d.lines);
  },
  describe: (b) => ({
    'Academic year': academicYearLabel(b.academicYear),
    Allocation: formatPounds(b.allocationPence),
    ...Object.fromEntries(b.lines.map((l) => [`Plan: ${l.description}`, formatPounds(l.plannedPence)])),
  }),
  schoolOf: () => null,
  title: (b) => `network budget for ${academicYearLabel(b.academicYear)}`,
};

export interface StoredSpend extends SpendDraft {
  id: number;
  budgetId: number;
}

const S_SELECT = `SELECT s.id, s.plan_line_id AS lineId, l.budget_id AS budgetId, s.spent_on AS spentOn,
  s.amount_pence AS amountPence, s.description, COALESCE(s.overspend_reason, '') AS overspendReason
  FROM network_spend s JOIN network_plan_lines l ON l.id = s.plan_line_id`;

export const spendOfBudget = (db: Db, budgetId: number): StoredSpend[] =>
  db.prepare(`${S_SELECT} WHERE l.budget_id = ? ORDER BY s.spent_on, s.id`).all(budgetId) as StoredSpend[];

export const lineOf = (db: Db, lineId: number) =>
  db
    .prepare(
      `SELECT l.budget_id AS budgetId, b.allocation_pence AS allocationPence, l.description
       FROM network_plan_lines l JOIN network_budgets b ON b.id = l.budget_id WHERE l.id = ?`,
    )
    .get(lineId) as { budgetId: number; allocationPence: number; description: string } | undefined;

const spendParams = (d: SpendDraft) => ({
  lineId: d.lineId,
  spentOn: d.spentOn,
  amountPence: d.amountPence,
  description: d.description.trim(),
  overspendReason: d.overspendReason.trim() || null,
});

export const spending: RecordTable<StoredSpend, SpendDraft> = {
  entity: 'network-spend',
  rules: spendDraft,
  labels: partnershipLabels,
  get: (db, id) => db.prepare(`${S_SELECT} WHERE s.id = ?`).get(id) as StoredSpend | undefined,
  insert: (db, d) =>
    Number(
      db
        .prepare(
          `INSERT INTO network_spend (plan_line_id, spent_on, amount_pence, description, overspend_reason)
           VALUES (@lineId, @spentOn, @amountPence, @description, @overspendReason)`,
        )
        .run(spendParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(
        `UPDATE network_spend SET plan_line_id = @lineId, spent_on = @spentOn, amount_pence = @amountPence,
           description = @description, overspend_reason = @overspendReason WHERE id = @id`,
      )
      .run({ ...spendParams(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM network_spend WHERE id = ?').run(id),
  restore: (db, s) =>
    void db
      .prepare(
        `INSERT INTO network_spend (id, plan_line_id, spent_on, amount_pence, description, overspend_reason)
         VALUES (@id, @lineId, @spentOn, @amountPence, @description, @overspendReason)`,
      )
      .run({ ...spendParams(s), id: s.id }),
  describe: (s) => ({
    'Plan line': String(s.lineId),
    'Date spent': formatDate(s.spentOn),
    Amount: formatPounds(s.amountPence),
    Description: s.description,
    'Agreed overspend': s.overspendReason.trim() || null,
  }),
  schoolOf: () => null,
  title: (s) => `network spending of ${formatPounds(s.amountPence)} on ${formatDate(s.spentOn)}`,
};
