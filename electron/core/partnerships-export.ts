import { academicYearLabel, academicYearOf } from '../../shared/domain/calendar';
import { formatDate, londonDate } from '../../shared/domain/format';
import { areaLabel } from '../../shared/domain/partnerships';
import { allBarriers, allResponses, allStrengths, allSupport } from '../data/brokerage';
import { allBudgets, allPartnerships } from '../data/partnerships';
import { standingRows } from '../data/standings';
import { writePartnerships } from '../workbooks/partnerships';
import type { Ctx } from './context';
import { budgetRow, partnershipRow } from './partnerships';

/** The partnerships workbook: each network with this year's money (or its latest), and the registers. */
export async function exportPartnerships(ctx: Ctx) {
  const on = londonDate(ctx.now());
  const schools = standingRows(ctx.db, on);
  const byId = new Map(schools.map((s) => [s.schoolId, s]));
  const thisYear = academicYearOf(on);
  const budgets = allBudgets(ctx.db);
  const networks = allPartnerships(ctx.db).map((p) => {
    const row = partnershipRow(ctx, p, schools);
    const own = budgets.filter((b) => b.partnershipId === p.id);
    const budget = own.find((b) => b.academicYear === thisYear) ?? own[0];
    const money = budget && budgetRow(ctx, budget, new Map([[p.id, p.name]]));
    return {
      name: p.name,
      kind: p.kind,
      lead: row.leadSchool,
      members: row.members.filter((m) => m.current).length,
      districts: row.districts.join(', '),
      year: money ? academicYearLabel(money.academicYear) : null,
      allocation: money?.allocationPence ?? null,
      planned: money?.plannedPence ?? null,
      spent: money?.spentPence ?? null,
      remaining: money?.remainingPence ?? null,
    };
  });
  const strengths = allStrengths(ctx.db).map((k) => ({
    dfe: byId.get(k.schoolId)!.dfe,
    school: byId.get(k.schoolId)!.name,
    district: byId.get(k.schoolId)!.district,
    area: areaLabel(k.area),
    aspect: k.aspect,
    evidence: k.evidence,
    validated: k.validatedOn !== null,
    validatedBy: k.validatedBy,
    validatedOn: k.validatedOn,
    contact: k.contact,
  }));
  const support = allSupport(ctx.db).map((x) => ({
    supportingDfe: byId.get(x.supportingSchoolId)!.dfe,
    supporting: byId.get(x.supportingSchoolId)!.name,
    supportedDfe: byId.get(x.supportedSchoolId)!.dfe,
    supported: byId.get(x.supportedSchoolId)!.name,
    area: areaLabel(x.area),
    startsOn: x.startsOn,
    endsOn: x.endsOn,
    agreedBy: x.agreedBy,
    outcome: x.outcome,
  }));
  const responses = new Map(allResponses(ctx.db).map((r) => [r.theme.toLowerCase(), r]));
  const themes = new Map<string, { theme: string; count: number; schools: Set<string> }>();
  for (const b of allBarriers(ctx.db)) {
    const held = themes.get(b.theme.toLowerCase()) ?? {
      theme: b.theme,
      count: 0,
      schools: new Set<string>(),
    };
    held.count++;
    held.schools.add(byId.get(b.schoolId)!.name);
    themes.set(b.theme.toLowerCase(), held);
  }
  const barriers = [...themes.entries()]
    .sort(([, a], [, b]) => b.count - a.count || a.theme.localeCompare(b.theme))
    .map(([key, t]) => ({
      theme: t.theme,
      count: t.count,
      schools: [...t.schools].sort().join('; '),
      response: responses.get(key)?.response ?? null,
      respondedOn: responses.get(key)?.respondedOn ?? null,
    }));
  const data = await writePartnerships({
    exportedOn: formatDate(on),
    networks,
    strengths,
    support,
    barriers,
  });
  return { fileName: `Partnerships ${on}.xlsx`, dataBase64: data.toString('base64') };
}
