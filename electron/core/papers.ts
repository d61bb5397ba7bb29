import { ApiError } from '../../shared/api/errors';
import type { papersOps } from '../../shared/api/papers';
import { addDays, academicYearOf, financialYearOf } from '../../shared/domain/calendar';
import {
  changesSince,
  comparable,
  countsOf,
  PACK_VERSION,
  type DigPackContent,
  type PackDecision,
  type PackProject,
} from '../../shared/domain/dig-pack';
import { disagreement } from '../../shared/domain/ofsted';
import { formatDate, formatPounds, londonDate } from '../../shared/domain/format';
import { COST_SOURCE_LABELS, COST_SOURCES, paidFromFund } from '../../shared/domain/money';
import { dmtReferralOn } from '../../shared/domain/projects';
import {
  digMeetingOn,
  insertPapers,
  nextDigMeeting,
  latestOfstedOverall,
  ofstedActivitySince,
  paperFile,
  paperMeeting,
  papersOf,
  pendingProposals,
  previousPapers,
  type PaperMeeting,
} from '../data/papers';
import { listProjects } from '../data/projects';
import { listSchools } from '../data/schools';
import { listWarningNotices } from '../data/warning-notices';
import { write } from '../data/write';
import { writeDigPackPdf } from '../pdf/dig-pack';
import { writeDigPackWorkbook } from '../workbooks/dig-pack';
import { calendarOf } from './calendar';
import { concernsHandlers } from './concerns';
import type { Ctx, HandlersOf } from './context';
import { fundsHandlers } from './funds';
import { reachStage } from './progress';
import { projectsHandlers } from './projects';
import type { Session } from './session';
import { noticeRow } from './warning-notices';

const scopeOf = (meeting: PaperMeeting) => meeting.doubleDistrict ?? 'County-wide';
export const packTitle = (meeting: PaperMeeting) =>
  `${meeting.kind} of ${formatDate(meeting.heldOn)} — ${scopeOf(meeting)}`;

function requireMeeting(ctx: Ctx, id: number): PaperMeeting {
  const found = paperMeeting(ctx.db, id);
  if (!found) throw new ApiError({ code: 'not_found', message: `There is no meeting ${id}.` });
  return found;
}

/**
 * The pack's content from the file as it stands today, compared with the papers last presented to
 * the same group. Every rule (time at stage, open duties, deadlines, RAG, the DMT point, the fund's
 * figures) is the one the rest of the app uses, reached through its handler or its shared rule.
 */
async function gatherPack(session: Session, meeting: PaperMeeting): Promise<DigPackContent> {
  const ctx = session.ctx();
  const today = londonDate(ctx.now());
  const dd = meeting.doubleDistrictId;
  const inScope = (s: { doubleDistrictId: number }) => dd === null || s.doubleDistrictId === dd;
  const schools = listSchools(ctx.db).filter(
    (s) => inScope(s) && (s.closedOn === null || s.closedOn > meeting.heldOn),
  );
  const bySchool = new Map(schools.map((s) => [s.id, s]));
  const names = new Map(schools.map((s) => [s.id, { dfe: s.dfe, school: s.name }]));
  const named = (schoolId: number) => names.get(schoolId) ?? { dfe: '', school: `School ${schoolId}` };

  const prior = previousPapers(ctx.db, meeting);
  const previous = prior ? comparable(JSON.parse(prior.content)) : null;
  const ofstedSince = prior ? addDays(prior.heldOn, 1) : `${academicYearOf(meeting.heldOn)}-09-01`;

  const register = await concernsHandlers['concerns.register']({ doubleDistrictId: dd, today }, session);
  const concernRows = await concernsHandlers['concerns.list']({ doubleDistrictId: dd, today }, session);
  const concernById = new Map(concernRows.map((c) => [c.id, c]));
  const concerns = register.map((r) => {
    const c = concernById.get(r.concernId);
    const reasons = [...(c?.factors ?? []), ...(c?.factorNotes.trim() ? [c.factorNotes.trim()] : [])];
    return {
      schoolId: r.schoolId,
      dfe: r.dfe,
      school: r.school,
      district: r.district,
      stage: r.stage,
      stageSince: r.stageSince,
      daysAtStage: r.daysAtStage,
      reasons: reasons.join('; '),
      openDuties: r.openDuties.map((d) => d.label),
      nextDeadline: r.nextDeadline,
      ofstedCategory: r.ofstedCategory && (r.urgent ? `${r.ofstedCategory} (${r.urgent})` : r.ofstedCategory),
      rag: r.rag,
      change: '',
    };
  });

  const categoryOf: Record<string, number> = {};
  for (const s of schools) if (s.category !== null) categoryOf[String(s.id)] = s.category;
  const ofstedCategoryOf: Record<string, string> = {};
  for (const r of register) if (r.ofstedCategory) ofstedCategoryOf[String(r.schoolId)] = r.ofstedCategory;

  const ofstedOverall = latestOfstedOverall(ctx.db);
  const moderation = pendingProposals(ctx.db)
    .filter((p) => bySchool.has(p.schoolId))
    .map((p) => {
      const current = bySchool.get(p.schoolId)!.category;
      const ofsted = ofstedOverall.get(p.schoolId) ?? null;
      const notes: string[] = [];
      if (current !== null && current !== p.proposedCategory)
        notes.push(`Proposal differs from the current category ${current}`);
      const withOfsted = disagreement(ofsted?.overall ?? null, p.proposedCategory);
      if (withOfsted && ofsted)
        notes.push(
          `Ofsted's latest judgement (${ofsted.overall}) is ${withOfsted === 'harsher' ? 'less' : 'more'} favourable than the proposal`,
        );
      return {
        schoolId: p.schoolId,
        ...named(p.schoolId),
        proposedOn: p.proposedOn,
        source: p.source,
        proposedBy: p.proposedBy,
        proposed: p.proposedCategory,
        current,
        ofsted: ofsted?.overall ?? null,
        ofstedOn: ofsted?.on ?? null,
        disagreement: notes.length ? notes.join('; ') : null,
      };
    });

  const ofsted = ofstedActivitySince(ctx.db, ofstedSince)
    .filter((i) => bySchool.has(i.schoolId))
    .map((i) => ({ ...i, ...named(i.schoolId) }));

  const calendar = calendarOf(ctx);
  const stored = new Map(
    listProjects(ctx.db, { doubleDistrictId: dd ?? undefined }).map((p) => [p.id, p] as const),
  );
  const projectRows = await projectsHandlers['projects.list']({ doubleDistrictId: dd ?? undefined }, session);
  const projects: PackProject[] = projectRows.map((p) => {
    const full = stored.get(p.id)!;
    const costs = Object.fromEntries(COST_SOURCES.map((source) => [source, 0])) as PackProject['costs'];
    for (const c of full.costs) costs[c.source] += c.amountPence;
    return {
      projectId: p.id,
      schoolId: p.schoolId,
      ...named(p.schoolId),
      school: p.school,
      stage: p.stage,
      leadOfficer: p.leadOfficer,
      status: p.status,
      rag: p.rag,
      startedOn: p.startedOn,
      reviewOn: p.reviewOn,
      dmtOn: p.stage === 'Ofsted category' ? null : dmtReferralOn(p.startedOn, full.reports, calendar),
      costs,
      days: p.days,
      fundPence: p.fundPence,
      totalPence: p.totalPence,
    };
  });

  const financialYear = financialYearOf(meeting.heldOn);
  const fundSummaries =
    dd === null
      ? await fundsHandlers['funds.list']({ financialYear }, session)
      : [await fundsHandlers['funds.get']({ doubleDistrictId: dd, financialYear }, session)];
  const funds = fundSummaries.map((f) => ({
    doubleDistrict: f.doubleDistrict,
    financialYear,
    allocationPence: f.allocationPence,
    committedPence: f.committedPence,
    spentPence: f.spentPence,
    remainingPence: f.remainingPence,
  }));

  const decisions: PackDecision[] = [];
  for (const c of concernRows) {
    if (c.digConfirmedOn === null)
      decisions.push({
        type: 'Confirm as causing concern',
        ...named(c.schoolId),
        what: `Opened ${formatDate(c.openedOn)} at Stage ${c.stage}: confirm the school causes concern`,
        dueOn: null,
      });
    if (c.suggestsStage3)
      decisions.push({
        type: 'Stage change',
        ...named(c.schoolId),
        what: 'Stage 2 progress found wanting (insufficient pace): move to Stage 3?',
        dueOn: null,
      });
  }
  for (const [i, p] of projectRows.entries()) {
    if (p.status !== 'Open') continue;
    const full = stored.get(p.id)!;
    if (p.flags.reviewDue || p.reviewOn <= meeting.heldOn)
      decisions.push({
        type: 'Project review',
        ...named(p.schoolId),
        what: 'Review due: continue, refer to DMT or close?',
        dueOn: p.reviewOn,
      });
    // `projects` is made from `projectRows`, row for row.
    const dmtOn = projects[i]!.dmtOn;
    if (dmtOn !== null && (p.flags.threeTermsWithoutImprovement || dmtOn <= meeting.heldOn))
      decisions.push({
        type: 'DMT referral',
        ...named(p.schoolId),
        what: 'Three terms without significant improvement: refer the school to DMT?',
        dueOn: dmtOn,
      });
    for (const cost of full.costs)
      if (
        paidFromFund(cost.source) &&
        cost.status === 'Committed' &&
        (!prior || cost.incurredOn > prior.heldOn)
      )
        decisions.push({
          type: 'Funding request',
          ...named(p.schoolId),
          what: `${formatPounds(cost.amountPence)} for ${COST_SOURCE_LABELS[cost.source]}${cost.description.trim() ? `: ${cost.description.trim()}` : ''}`,
          dueOn: null,
        });
  }
  for (const n of listWarningNotices(ctx.db, { doubleDistrictId: dd }).map(noticeRow)) {
    if (n.outcome !== null || !bySchool.has(n.schoolId)) continue;
    decisions.push({
      type: 'Warning notice',
      ...named(n.schoolId),
      what:
        n.givenOn === null
          ? `Advise on issuing a warning notice (${n.grounds.join('; ')})`
          : `Given ${formatDate(n.givenOn)}: advise on the next step once the school has responded`,
      dueOn: n.responseDueOn,
    });
  }

  const { changes, concernChange } = changesSince(
    previous,
    { categoryOf, ofstedCategoryOf, concerns, projects },
    names,
  );
  for (const c of concerns) c.change = concernChange.get(c.schoolId) ?? '';

  return {
    version: PACK_VERSION,
    scope: scopeOf(meeting),
    meetingKind: meeting.kind,
    meetingId: meeting.id,
    heldOn: meeting.heldOn,
    generatedOn: today,
    previous: prior && previous ? { meetingId: prior.meetingId, heldOn: prior.heldOn } : null,
    ofstedSince,
    counts: countsOf(schools.length, categoryOf, ofstedCategoryOf, concerns),
    countsBefore: previous?.counts ?? null,
    categoryOf,
    ofstedCategoryOf,
    concerns,
    moderation,
    ofsted,
    projects,
    funds,
    decisions,
    changes,
  };
}

/**
 * The group's meeting for a double district (null: county-wide) on a day, or with no day the next one
 * from today in London.
 */
export function findDigMeeting(session: Session, doubleDistrictId: number | null, on: string | null) {
  const ctx = session.ctx();
  return on === null
    ? nextDigMeeting(ctx.db, doubleDistrictId, londonDate(ctx.now()))
    : digMeetingOn(ctx.db, doubleDistrictId, on);
}

/** The pack for a meeting, its content and both files, not yet saved. */
export async function makePapers(session: Session, meeting: PaperMeeting) {
  await reachStage('reading');
  const content = await gatherPack(session, meeting);
  await reachStage('writing');
  const title = packTitle(meeting);
  const workbook = await writeDigPackWorkbook(content, title);
  const pdf = await writeDigPackPdf(content, title);
  return { content, title, workbook, pdf };
}

/** Generates the pack for a meeting and saves it with the meeting, as the papers presented. */
export async function generatePapers(session: Session, meetingId: number) {
  const ctx = session.ctx();
  const meeting = requireMeeting(ctx, meetingId);
  const { content, title, workbook, pdf } = await makePapers(session, meeting);
  const saved = write(ctx, () =>
    insertPapers(ctx.db, ctx, meeting, { content: JSON.stringify(content), workbook, pdf, title }),
  );
  return { paper: saved, content, workbook, pdf };
}

const fileStem = (heldOn: string, doubleDistrict: string | null) =>
  `DIG papers ${(doubleDistrict ?? 'County-wide').replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ')} ${heldOn}`;

export const papersHandlers: HandlersOf<typeof papersOps> = {
  'papers.generate': async ({ meetingId }, s) => {
    const { paper, content } = await generatePapers(s, meetingId);
    return { paperId: paper.id, meetingId, comparedWith: content.previous?.heldOn ?? null };
  },
  'papers.list': ({ meetingId }, s) => {
    const ctx = s.ctx();
    requireMeeting(ctx, meetingId);
    return papersOf(ctx.db, meetingId).map((p, i) => ({ ...p, presented: i === 0 }));
  },
  'papers.download': ({ paperId, format }, s) => {
    const found = paperFile(s.ctx().db, paperId, format);
    if (!found)
      throw new ApiError({
        code: 'not_found',
        message: 'Those papers are not in the file: their meeting may have been deleted.',
      });
    return {
      fileName: `${fileStem(found.heldOn, found.doubleDistrict)}.${format}`,
      dataBase64: found.data.toString('base64'),
    };
  },
};
