import type { concernRegisterExportOps } from '../../shared/api/concerns';
import { formatDate, londonDate } from '../../shared/domain/format';
import { paidFromFund } from '../../shared/domain/money';
import { doubleDistricts } from '../data/organisation';
import { listProjects } from '../data/projects';
import { listSchools } from '../data/schools';
import { listWarningNotices } from '../data/warning-notices';
import { notFound } from '../data/write';
import { writeConcernRegister } from '../workbooks/concern-register';
import { concernsHandlers } from './concerns';
import type { HandlersOf } from './context';
import type { Session } from './session';
import { noticeRow } from './warning-notices';

/** The register's rows, its notices and its open projects, as the workbook's three sheets hold them. */
async function exportRegister(session: Session, doubleDistrictId: number | null) {
  const ctx = session.ctx();
  const on = londonDate(ctx.now());
  let scope = 'All double districts';
  if (doubleDistrictId !== null) {
    const found = doubleDistricts.get(ctx.db, doubleDistrictId);
    if (!found) throw notFound('double-district', doubleDistrictId);
    scope = `Double district: ${found.name}`;
  }
  const register = await concernsHandlers['concerns.register']({ doubleDistrictId, today: on }, session);
  const concerns = register.map((r) => ({
    dfe: r.dfe,
    school: r.school,
    district: r.district,
    stage: r.stage,
    stageSince: r.stageSince,
    daysAtStage: r.daysAtStage,
    openDuties: r.openDuties.map((d) => d.label).join('; '),
    nextDeadlineOn: r.nextDeadline?.on ?? null,
    nextDeadline: r.nextDeadline
      ? `${r.nextDeadline.what}${r.nextDeadline.overdue ? ' (overdue)' : ''}`
      : null,
    ofstedCategory: r.ofstedCategory && (r.urgent ? `${r.ofstedCategory} (${r.urgent})` : r.ofstedCategory),
    rag: r.rag,
    spentPence: r.spentPence,
  }));
  const notices = listWarningNotices(ctx.db, { doubleDistrictId })
    .map(noticeRow)
    .map((n) => ({
      dfe: n.dfe,
      school: n.school,
      grounds: n.grounds.join('; '),
      givenOn: n.givenOn,
      responseDueOn: n.responseDueOn,
      complianceDueOn: n.complianceDueOn,
      outcome: n.outcome,
      outcomeOn: n.outcomeOn,
      powers: n.powers.join('; '),
      notes: n.notes,
    }));
  const dfeOf = new Map(listSchools(ctx.db).map((s) => [s.id, s.dfe]));
  const projects = listProjects(ctx.db, { doubleDistrictId: doubleDistrictId ?? undefined }).map((p) => {
    const fund = p.costs.filter((c) => paidFromFund(c.source) && c.status === 'Spent');
    return {
      dfe: dfeOf.get(p.schoolId) ?? null,
      school: p.school,
      stage: p.stage,
      leadOfficer: p.leadOfficer,
      startedOn: p.startedOn,
      reviewOn: p.reviewOn,
      status: p.status,
      rag: p.reports.at(-1)?.overall ?? null,
      spentPence: fund.reduce((sum, c) => sum + c.amountPence, 0),
      totalPence: p.costs.reduce((sum, c) => sum + c.amountPence, 0),
    };
  });
  const data = await writeConcernRegister({
    scope,
    exportedOn: formatDate(on),
    concerns,
    notices,
    projects,
  });
  return { fileName: `Concern register ${on}.xlsx`, dataBase64: data.toString('base64') };
}

export const concernRegisterExportHandlers: HandlersOf<typeof concernRegisterExportOps> = {
  'concerns.exportRegister': ({ doubleDistrictId }, s) => exportRegister(s, doubleDistrictId),
};
