import type { z } from 'zod';
import { ApiError, type OpInput, type OpOutput } from '../../shared/api/contract';
import type { categoryRow, profileDraft, visitDraft } from '../../shared/api/monitoring';
import {
  academicYearLabel,
  academicYearOf,
  calendarFrom,
  termLabel,
  termOf,
  type Calendar,
  type TermDates,
} from '../../shared/domain/calendar';
import { checkOverride, isCategory, supportLevel, type Category } from '../../shared/domain/categories';
import { formatDate } from '../../shared/domain/format';
import { urgentCase } from '../../shared/domain/ofsted';
import { checkDays, sipDays } from '../../shared/domain/visits';
import { writeAudit, type Change } from '../data/audit';
import * as data from '../data/monitoring';
import { listSchools } from '../data/schools';
import type { Ctx } from './context';
import { requireSchool } from './schools';

const today = (ctx: Ctx) => ctx.now().toISOString().slice(0, 10);

function invalid(message: string, fields?: Record<string, string>): never {
  throw new ApiError({ code: 'invalid_input', message, ...(fields ? { fields } : {}) });
}

export function calendarOf(ctx: Ctx): Calendar {
  return calendarFrom(data.customTermDates(ctx.db));
}

export function termsOf(ctx: Ctx, academicYear: number): OpOutput<'calendar.terms'> {
  const custom = data.customTermDates(ctx.db);
  return calendarOf(ctx)(academicYear).map((t) => ({
    ...t,
    label: termLabel(t),
    custom: custom.some((c) => c.academicYear === t.academicYear && c.term === t.term),
  }));
}

export function saveTerm(ctx: Ctx, t: TermDates): OpOutput<'calendar.terms'> {
  if (!(t.startsOn < t.secondHalfOn && t.secondHalfOn <= t.endsOn))
    invalid('The term must start before its second half begins, and end after it.');
  if (academicYearOf(t.startsOn) !== t.academicYear || academicYearOf(t.endsOn) !== t.academicYear)
    invalid(`Those dates are not in the ${academicYearLabel(t.academicYear)} academic year.`);
  ctx.db.transaction(() => {
    data.upsertTermDates(ctx.db, t);
    writeAudit(ctx.db, ctx, {
      entity: 'calendar',
      entityId: t.academicYear,
      action: 'edit',
      summary: `Set the dates of ${termLabel(t)}`,
      changes: [{ field: 'Dates', before: null, after: `${t.startsOn} – ${t.endsOn}` }],
    });
  })();
  return termsOf(ctx, t.academicYear);
}

function audit(ctx: Ctx, schoolId: number, action: string, summary: string, changes: Change[] = []) {
  writeAudit(ctx.db, ctx, { entity: 'school', entityId: schoolId, action, summary, changes });
}

function requirePerson(ctx: Ctx, id: number): string {
  const row = ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) invalid('Choose a person from the list.', { visitorId: 'Unknown person' });
  return row.name;
}

export function saveVisit(ctx: Ctx, id: number | undefined, draft: z.infer<typeof visitDraft>) {
  const daysProblem = checkDays(draft.days);
  if (daysProblem) invalid(daysProblem, { days: daysProblem });
  if (draft.qaOn !== null && draft.reportReceivedOn === null)
    invalid('A report must be received before the DSIM can quality-assure it.', { qaOn: 'No report yet' });
  return ctx.db.transaction(() => {
    const school = requireSchool(ctx, draft.schoolId);
    const visitor = requirePerson(ctx, draft.visitorId);
    const before = id === undefined ? undefined : data.getVisit(ctx.db, id);
    if (id !== undefined && !before)
      throw new ApiError({ code: 'not_found', message: `There is no visit ${id}.` });
    const savedId = id ?? data.insertVisit(ctx.db, draft);
    if (id !== undefined) data.updateVisit(ctx.db, id, draft);
    audit(
      ctx,
      school.id,
      before ? 'edit visit' : 'visit',
      `${before ? 'Updated the' : 'Recorded a'} ${draft.role} visit of ${draft.visitedOn} by ${visitor}`,
      before
        ? diff(before, draft, {
            reportReceivedOn: 'Report received',
            qaOn: 'Quality-assured',
            claimStatus: 'Claim',
            days: 'Days',
            purpose: 'Purpose',
          })
        : [],
    );
    const saved = data.getVisit(ctx.db, savedId)!;
    return { ...saved, term: termLabel(termOf(saved.visitedOn, calendarOf(ctx))) };
  })();
}

function diff<T extends object>(before: T, after: T, labels: Partial<Record<keyof T, string>>): Change[] {
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return (Object.keys(labels) as Array<keyof T>)
    .filter((k) => text(before[k]) !== text(after[k]))
    .map((k) => ({ field: labels[k]!, before: text(before[k]), after: text(after[k]) }));
}

/** A proposal can be corrected until the DIG has decided on it; after that, propose again. */
export function proposeCategory(ctx: Ctx, { id, ...p }: OpInput<'categories.propose'>): number {
  return ctx.db.transaction(() => {
    requireSchool(ctx, p.schoolId);
    if (p.proposedById !== null) requirePerson(ctx, p.proposedById);
    const before =
      id === undefined ? undefined : data.categoriesOf(ctx.db, p.schoolId).find((c) => c.id === id);
    if (id !== undefined && !before)
      throw new ApiError({
        code: 'not_found',
        message: `There is no category proposal ${id} for this school.`,
      });
    if (before?.decidedOn)
      invalid('The DIG has already decided on this proposal; record a new proposal instead.');
    const savedId = id ?? data.insertProposal(ctx.db, p);
    if (id !== undefined) data.updateProposal(ctx.db, id, p);
    audit(
      ctx,
      p.schoolId,
      before ? 'edit category proposal' : 'category proposed',
      `Category ${p.category} ${before ? 'proposal corrected' : 'proposed'} (${p.source})`,
      [
        {
          field: 'Category',
          before: before ? String(before.proposedCategory) : null,
          after: String(p.category),
        },
        { field: 'Evidence', before: before?.evidence ?? null, after: p.evidence.trim() },
      ].filter((c) => c.before !== c.after),
    );
    return savedId;
  })();
}

export function decideCategory(ctx: Ctx, d: OpInput<'categories.decide'>): number {
  const category = d.category as Category;
  const overrideProblem = checkOverride(category, d.supportOverride, d.overrideReason);
  if (overrideProblem) invalid(overrideProblem, { overrideReason: overrideProblem });
  return ctx.db.transaction(() => {
    const row = ctx.db
      .prepare(
        'SELECT school_id AS schoolId, proposed_on AS proposedOn, decided_on AS decidedOn FROM category_reviews WHERE id = ?',
      )
      .get(d.id) as { schoolId: number; proposedOn: string; decidedOn: string | null } | undefined;
    if (!row) throw new ApiError({ code: 'not_found', message: `There is no category proposal ${d.id}.` });
    if (d.decidedOn < row.proposedOn) invalid('The DIG cannot confirm a category before it was proposed.');
    const before = requireSchool(ctx, row.schoolId);
    // An "override" to the level the category brings anyway is no override.
    const natural = supportLevel({ category, override: null, overrideReason: null });
    const override = d.supportOverride === natural ? null : d.supportOverride;
    data.recordDecision(ctx.db, { ...d, supportOverride: override });
    const after = requireSchool(ctx, row.schoolId);
    audit(
      ctx,
      row.schoolId,
      'category confirmed',
      `DIG confirmed category ${d.category}`,
      [
        {
          field: 'Category',
          before: before.category === null ? null : String(before.category),
          after: after.category === null ? null : String(after.category),
        },
        { field: 'Support level', before: before.supportLevel, after: after.supportLevel },
      ].filter((c) => c.before !== c.after),
    );
    return d.id;
  })();
}

function categoryRows(ctx: Ctx, schoolId: number): Array<z.infer<typeof categoryRow>> {
  return data.categoriesOf(ctx.db, schoolId).map((c) => ({
    ...c,
    proposedCategory: c.proposedCategory,
    supportLevel:
      c.confirmedCategory !== null && isCategory(c.confirmedCategory)
        ? supportLevel({
            category: c.confirmedCategory,
            override: c.supportOverride,
            overrideReason: c.overrideReason,
          })
        : null,
  }));
}

export function sefFrameworks(ctx: Ctx) {
  const frameworks = data.frameworks(ctx.db).map((f) => ({ ...f, judgements: [...f.judgements] }));
  return { active: data.activeFramework(ctx.db), frameworks };
}

export function setFramework(ctx: Ctx, code: string): string {
  if (!data.frameworks(ctx.db).some((f) => f.code === code)) invalid(`There is no framework "${code}".`);
  const before = data.activeFramework(ctx.db);
  if (before === code) return code;
  ctx.db.transaction(() => {
    data.setActiveFramework(ctx.db, code);
    writeAudit(ctx.db, ctx, {
      entity: 'settings',
      entityId: 1,
      action: 'edit',
      summary: 'Changed the SEF framework',
      changes: [{ field: 'SEF framework', before, after: code }],
    });
  })();
  return code;
}

export function saveSef(ctx: Ctx, d: OpInput<'sef.save'>): number {
  const { active, frameworks } = sefFrameworks(ctx);
  const framework = frameworks.find((f) => f.code === active)!;
  const unknown = Object.keys(d.grades).filter((code) => !framework.judgements.some((j) => j.code === code));
  if (unknown.length)
    invalid(`${framework.name} has no judgement ${unknown.map((u) => `"${u}"`).join(', ')}.`);
  const missing = framework.judgements.filter((j) => !j.optional && d.grades[j.code] === undefined);
  if (missing.length) invalid(`Give a grade for ${missing.map((m) => m.label).join(', ')}.`);
  const { id, ...entry } = d;
  return ctx.db.transaction(() => {
    requireSchool(ctx, d.schoolId);
    if (id !== undefined) {
      const held = data.sefEntries(ctx.db, { schoolId: d.schoolId }).find((e) => e.id === id);
      if (!held) throw new ApiError({ code: 'not_found', message: `There is no SEF ${id} for this school.` });
      if (held.framework !== active)
        invalid('That SEF was recorded against another framework; switch back to it to correct it.');
      const clash = data
        .sefEntries(ctx.db, { schoolId: d.schoolId, framework: active })
        .some((e) => e.id !== id && e.sefOn === d.sefOn);
      if (clash)
        invalid(`This school already has a SEF dated ${formatDate(d.sefOn)}.`, { sefOn: 'Already recorded' });
      data.updateSef(ctx.db, id, entry);
      audit(ctx, d.schoolId, 'sef', `SEF of ${d.sefOn} corrected`);
      return id;
    }
    const saved = data.upsertSef(ctx.db, { ...entry, framework: active });
    audit(ctx, d.schoolId, 'sef', `SEF of ${d.sefOn} recorded${d.validated ? ', validated by the SIP' : ''}`);
    return saved;
  })();
}

export function saveInspection(
  ctx: Ctx,
  id: number | undefined,
  d: OpInput<'ofsted.saveInspection'>['draft'],
) {
  return ctx.db.transaction(() => {
    requireSchool(ctx, d.schoolId);
    const saved = data.saveInspectionRow(ctx.db, id, d);
    audit(
      ctx,
      d.schoolId,
      'ofsted',
      `Ofsted ${d.type.toLowerCase()} of ${d.inspectedOn}: ${d.outcome === 'None' ? 'no category' : d.outcome}`,
      d.laResponse ? [{ field: 'LA response', before: null, after: d.laResponse }] : [],
    );
    return saved;
  })();
}

export function saveMonitoringVisit(
  ctx: Ctx,
  { id: existing, ...d }: OpInput<'ofsted.saveMonitoring'>,
): number {
  return ctx.db.transaction(() => {
    requireSchool(ctx, d.schoolId);
    if (existing !== undefined && !data.monitoringVisitsOf(ctx.db, d.schoolId).some((v) => v.id === existing))
      throw new ApiError({
        code: 'not_found',
        message: `There is no monitoring visit ${existing} for this school.`,
      });
    const id = existing ?? data.insertMonitoringVisit(ctx.db, d);
    if (existing !== undefined) data.updateMonitoringVisit(ctx.db, existing, d);
    audit(
      ctx,
      d.schoolId,
      'hmi',
      `HMI monitoring visit of ${d.visitedOn}: progress ${d.progress.toLowerCase()}`,
    );
    return id;
  })();
}

export function saveProfile(ctx: Ctx, d: z.infer<typeof profileDraft>): number {
  return ctx.db.transaction(() => {
    requireSchool(ctx, d.schoolId);
    const id = data.upsertProfile(ctx.db, d);
    audit(ctx, d.schoolId, 'profile', `Termly profile for ${termLabel(d)}`);
    return id;
  })();
}

function urgentFor(ctx: Ctx, schoolId: number) {
  return urgentCase(data.inspectionsOf(ctx.db, schoolId), data.monitoringVisitsOf(ctx.db, schoolId));
}

export function schoolMonitoring(ctx: Ctx, schoolId: number, on = today(ctx)): OpOutput<'monitoring.school'> {
  requireSchool(ctx, schoolId);
  const calendar = calendarOf(ctx);
  const visits = data
    .visitsOf(ctx.db, schoolId)
    .map((v) => ({ ...v, term: termLabel(termOf(v.visitedOn, calendar)) }));
  const year = academicYearOf(on);
  const categories = categoryRows(ctx, schoolId);
  const confirmedAt = (date: string) =>
    categories.find((c) => c.decidedOn !== null && c.decidedOn <= date)?.confirmedCategory ?? null;
  return {
    visits,
    categories,
    sef: data.sefEntries(ctx.db, { schoolId }),
    inspections: data
      .inspectionsOf(ctx.db, schoolId)
      .map((i) => ({ ...i, laCategory: confirmedAt(i.inspectedOn) })),
    monitoringVisits: data.monitoringVisitsOf(ctx.db, schoolId),
    profiles: data.profilesOf(ctx.db, schoolId).map((p) => ({ ...p, label: termLabel(p) })),
    sipDays: { academicYear: academicYearLabel(year), ...sipDays(visits, year) },
    urgent: urgentFor(ctx, schoolId),
  };
}

/**
 * What a DSIM asks of their double district: who has had no SIP visit this term, which reports wait
 * for quality assurance, which cases are urgent, and who has used more than their SIP days.
 */
export function overview(
  ctx: Ctx,
  doubleDistrictId: number | null,
  on = today(ctx),
): OpOutput<'monitoring.overview'> {
  const calendar = calendarOf(ctx);
  const term = termOf(on, calendar);
  const schools = listSchools(ctx.db).filter(
    (s) => s.closedOn === null && (doubleDistrictId === null || s.doubleDistrictId === doubleDistrictId),
  );
  const ref = (s: (typeof schools)[number]) => ({
    schoolId: s.id,
    dfe: s.dfe,
    name: s.name,
    district: s.district,
    doubleDistrict: s.doubleDistrict,
    sip: s.sip,
  });
  const byId = new Map(schools.map((s) => [s.id, s]));
  const termVisits = data.allVisits(ctx.db, term.startsOn, term.endsOn);
  const visitedBySip = new Set(termVisits.filter((v) => v.role === 'SIP').map((v) => v.schoolId));
  const yearStart = calendar(term.academicYear)[0]!.startsOn;
  const yearEnd = calendar(term.academicYear)[2]!.endsOn;
  const yearVisits = data.allVisits(ctx.db, yearStart, yearEnd);
  const bySchool = new Map<number, typeof yearVisits>();
  for (const v of yearVisits) bySchool.set(v.schoolId, [...(bySchool.get(v.schoolId) ?? []), v]);
  const sortBySip = <T extends { sip: string | null; name: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.sip ?? '').localeCompare(b.sip ?? '') || a.name.localeCompare(b.name));
  return {
    term: termLabel(term),
    noSipVisit: sortBySip(schools.filter((s) => !visitedBySip.has(s.id)).map(ref)),
    awaitingQa: sortBySip(
      data
        .visitsAwaitingQa(ctx.db)
        .filter((v) => byId.has(v.schoolId))
        .map((v) => ({
          ...ref(byId.get(v.schoolId)!),
          visitId: v.id,
          visitedOn: v.visitedOn,
          visitor: v.visitor,
          reportReceivedOn: v.reportReceivedOn!,
        })),
    ),
    urgent: data
      .schoolsEverInSpecialMeasures(ctx.db)
      .filter((id) => byId.has(id))
      .flatMap((id) => {
        const found = urgentFor(ctx, id);
        return found ? [{ ...ref(byId.get(id)!), ...found }] : [];
      }),
    overUsed: sortBySip(
      [...bySchool.entries()].flatMap(([id, visits]) => {
        const days = sipDays(visits, term.academicYear);
        return byId.has(id) && days.over ? [{ ...ref(byId.get(id)!), used: days.used }] : [];
      }),
    ),
  };
}
