import { ApiError } from '../../shared/api/errors';
import type { BudgetRow, partnershipsOps, PartnershipRow } from '../../shared/api/partnerships';
import { academicYearLabel } from '../../shared/domain/calendar';
import { londonDate } from '../../shared/domain/format';
import { budgetSummary, checkBudget, checkSpend } from '../../shared/domain/network-money';
import { memberOn } from '../../shared/domain/partnerships';
import {
  allBudgets,
  allPartnerships,
  budgetFor,
  budgets,
  hasBudgets,
  lineOf,
  linesWithSpend,
  partnershipNamed,
  partnerships,
  spendOfBudget,
  spending,
  type StoredBudget,
  type StoredPartnership,
} from '../data/partnerships';
import { standingRows } from '../data/standings';
import { deleteRecord, saveRecord } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { exportPartnerships } from './partnerships-export';

const today = (ctx: Ctx) => londonDate(ctx.now());

export function partnershipRow(ctx: Ctx, p: StoredPartnership, schools = standingRows(ctx.db, today(ctx))) {
  const byId = new Map(schools.map((s) => [s.schoolId, s]));
  const members = p.members.map((m) => {
    const s = byId.get(m.schoolId)!;
    return { ...m, dfe: s.dfe, name: s.name, district: s.district, current: memberOn(m, today(ctx)) };
  });
  return {
    ...p,
    leadSchool: p.leadSchoolId === null ? null : (byId.get(p.leadSchoolId)?.name ?? null),
    members,
    districts: [...new Set(members.filter((m) => m.current).map((m) => m.district))].sort(),
  } satisfies PartnershipRow;
}

export function budgetRow(ctx: Ctx, b: StoredBudget, names = new Map<number, string>()): BudgetRow {
  const spend = spendOfBudget(ctx.db, b.id);
  const partnership = names.get(b.partnershipId) ?? partnerships.get(ctx.db, b.partnershipId)!.name;
  return {
    id: b.id,
    partnershipId: b.partnershipId,
    partnership,
    academicYear: b.academicYear,
    label: academicYearLabel(b.academicYear),
    ...budgetSummary(b.allocationPence, b.lines, spend),
    spend,
  };
}

function requireMembers(ctx: Ctx, ids: number[], field: string): void {
  const known = new Set(standingRows(ctx.db, today(ctx)).map((s) => s.schoolId));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw new ApiError({
      code: 'not_found',
      message: `There is no school ${unknown.join(', ')}.`,
      fields: { [field]: 'A school here is not in the register' },
    });
}

const invalid = (field: string, message: string): never => {
  throw new ApiError({ code: 'invalid_input', message: `${message}.`, fields: { [field]: message } });
};

export const partnershipsHandlers: HandlersOf<typeof partnershipsOps> = {
  'partnerships.list': (_, s) => {
    const ctx = s.ctx();
    const schools = standingRows(ctx.db, today(ctx));
    return allPartnerships(ctx.db).map((p) => partnershipRow(ctx, p, schools));
  },
  'partnerships.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, partnerships, id, draft, {
      check: () => {
        requireMembers(
          ctx,
          draft.members.map((m) => m.schoolId),
          'members',
        );
        const clash = partnershipNamed(ctx.db, draft.name);
        if (clash && clash.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `There is already a partnership called ${draft.name.trim()}.`,
            fields: { name: 'Already used' },
          });
      },
    });
    return partnershipRow(ctx, saved);
  },
  'partnerships.delete': ({ id }, s) => {
    const ctx = s.ctx();
    return deleteRecord(ctx, partnerships, id, (p) => {
      if (hasBudgets(ctx.db, p.id))
        throw new ApiError({
          code: 'rejected',
          message: `${p.name} has network money recorded, so it cannot be deleted; record its members leaving instead.`,
        });
    });
  },
  'partnerships.budgets': ({ partnershipId }, s) => {
    const ctx = s.ctx();
    if (partnershipId !== undefined && !partnerships.get(ctx.db, partnershipId))
      throw new ApiError({ code: 'not_found', message: `There is no partnership ${partnershipId}.` });
    const names = new Map(allPartnerships(ctx.db).map((p) => [p.id, p.name]));
    return allBudgets(ctx.db, partnershipId).map((b) => budgetRow(ctx, b, names));
  },
  'partnerships.saveBudget': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, budgets, id, draft, {
      check: (before) => {
        if (!partnerships.get(ctx.db, draft.partnershipId))
          throw new ApiError({
            code: 'not_found',
            message: `There is no partnership ${draft.partnershipId}.`,
            fields: { partnershipId: 'Choose a partnership' },
          });
        const held = budgetFor(ctx.db, draft.partnershipId, draft.academicYear);
        if (held && held.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `This network already has a budget for ${academicYearLabel(draft.academicYear)} (budget ${held.id}); correct that one instead.`,
            fields: { academicYear: 'Already recorded' },
          });
        const own = new Set(before?.lines.map((l) => l.id) ?? []);
        if (draft.lines.some((l) => l.id !== null && !own.has(l.id)))
          invalid('lines', 'A line of this plan is not one of its own');
        const spentLines = before ? linesWithSpend(ctx.db, before.id) : [];
        const dropped = spentLines.filter((lineId) => !draft.lines.some((l) => l.id === lineId));
        if (dropped.length) invalid('lines', 'A line with spending recorded against it cannot be removed');
        const spentPence = before
          ? spendOfBudget(ctx.db, before.id).reduce((a, x) => a + x.amountPence, 0)
          : 0;
        const problem = checkBudget({
          allocationPence: draft.allocationPence,
          plannedPence: draft.lines.reduce((a, l) => a + l.plannedPence, 0),
          spentPence,
          previousAllocationPence: before?.allocationPence ?? null,
        });
        if (problem) invalid(problem.field, problem.message);
      },
    });
    return budgetRow(ctx, saved);
  },
  'partnerships.saveSpend': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, spending, id, draft, {
      check: () => {
        const line = lineOf(ctx.db, draft.lineId);
        if (!line)
          throw new ApiError({
            code: 'not_found',
            message: `There is no line ${draft.lineId} in any spending plan.`,
            fields: { lineId: 'Choose a line of the spending plan' },
          });
        const otherSpentPence = spendOfBudget(ctx.db, line.budgetId)
          .filter((x) => x.id !== id)
          .reduce((a, x) => a + x.amountPence, 0);
        const problem = checkSpend({
          allocationPence: line.allocationPence,
          otherSpentPence,
          amountPence: draft.amountPence,
          overspendReason: draft.overspendReason,
        });
        if (problem)
          throw new ApiError({
            code: 'rejected',
            message: `${problem}.`,
            fields: { amountPence: problem, overspendReason: 'Give the reason the overspend was agreed' },
          });
      },
    });
    return budgetRow(ctx, budgets.get(ctx.db, saved.budgetId)!);
  },
  'partnerships.deleteSpend': ({ id }, s) => deleteRecord(s.ctx(), spending, id),
  'partnerships.export': (_, s) => exportPartnerships(s.ctx()),
};
