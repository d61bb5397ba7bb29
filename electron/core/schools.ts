import { ApiError } from '../../shared/api/errors';
import type { SchoolListRow, schoolsOps } from '../../shared/api/schools';
import { termOf } from '../../shared/domain/calendar';
import { missingDuties } from '../../shared/domain/concerns';
import { londonDate } from '../../shared/domain/format';
import { checkSchool, type SchoolDraft } from '../../shared/domain/school';
import { schoolHistory } from '../data/audit';
import { currentOfstedCategories } from '../data/ofsted';
import { isDistrict } from '../data/organisation';
import { findClash, listSchools, schools, setClosedOn } from '../data/schools';
import { openConcernDuties } from '../data/standings';
import { schoolsVisitedBySip } from '../data/visits';
import { changeRecord, notFound, saveRecord } from '../data/write';
import { calendarOf } from './calendar';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { untilWritten } from './write-mark-cache';

export function requireSchool(ctx: Ctx, id: number) {
  const school = schools.get(ctx.db, id);
  if (!school) throw notFound('school', id);
  return school;
}

export function saveSchool(ctx: Ctx, id: number | undefined, draft: SchoolDraft) {
  const checked = checkSchool(draft);
  if (!checked.ok) {
    const named = Object.values(checked.errors);
    throw new ApiError({
      code: 'invalid_input',
      message: named.length === 1 ? `${named[0]}.` : 'Some fields need attention.',
      fields: checked.errors,
    });
  }
  const fields = checked.fields;
  return saveRecord(ctx, schools, id, fields, {
    check: () => {
      if (!isDistrict(ctx.db, fields.districtId))
        throw new ApiError({
          code: 'invalid_input',
          message: 'Choose a district.',
          fields: { districtId: 'Choose a district from the list' },
        });
      if (fields.sipId !== null) requirePerson(ctx, fields.sipId, 'sipId');
      const clash = findClash(ctx.db, fields, id);
      if (clash.dfe !== undefined || clash.urn !== undefined) {
        const errors: Record<string, string> = {};
        if (clash.dfe !== undefined) errors.dfe = `${fields.dfe} is already used by ${clash.dfe}`;
        if (clash.urn !== undefined) errors.urn = `URN ${fields.urn} is already used by ${clash.urn}`;
        throw new ApiError({
          code: 'conflict',
          message: 'Another school has the same number.',
          fields: errors,
        });
      }
    },
    summary: (after, before) => (before ? `Changed ${schoolChanges(before, after)}` : `Added ${after.name}`),
  });
}

function schoolChanges(before: ReturnType<typeof requireSchool>, after: ReturnType<typeof requireSchool>) {
  const a = schools.describe(after);
  const b = schools.describe(before);
  return Object.keys(a)
    .filter((k) => a[k] !== b[k])
    .join(', ');
}

export function setSchoolClosed(ctx: Ctx, id: number, closed: boolean) {
  return changeRecord(
    ctx,
    schools,
    id,
    closed ? 'close' : 'reopen',
    (before) => {
      if ((before.closedOn !== null) === closed) return;
      setClosedOn(ctx.db, id, closed ? londonDate(ctx.now()) : null);
    },
    () => (closed ? 'Closed the school' : 'Reopened the school'),
  );
}

/**
 * The schools with their open concern's stage and how many of its duties are missing today, by the
 * same rule the concern's page uses, their Ofsted category and whether a SIP has visited this term,
 * so the list (and the dashboard's counts, which open it) can be filtered on them.
 */
export function schoolListRows(ctx: Ctx, today = londonDate(ctx.now())): SchoolListRow[] {
  const calendar = calendarOf(ctx);
  const open = openConcernDuties(ctx.db);
  const ofsted = currentOfstedCategories(ctx.db);
  const term = termOf(today, calendar);
  const visited = schoolsVisitedBySip(ctx.db, term.startsOn, term.endsOn);
  // Added to the rows as read rather than to copies of them: a copy of 650 rows costs more than the query.
  return listSchools(ctx.db).map((row) => {
    const concern = open.get(row.id);
    return Object.assign(row, {
      concernStage: concern?.stage ?? null,
      dutiesMissing: concern ? missingDuties(concern.stage, concern.duties, today, calendar).length : 0,
      ofstedCategory: ofsted.get(row.id) ?? null,
      sipVisitedThisTerm: visited.has(row.id),
    });
  });
}

/** The list as the window asks for it on every visit: worked out again only once the file or the day has changed. */
export const schoolList = untilWritten(schoolListRows);

export const schoolsHandlers: HandlersOf<typeof schoolsOps> = {
  'schools.list': (_, s) => schoolList(s.ctx()),
  'schools.get': ({ id }, s) => {
    const ctx = s.ctx();
    return { school: requireSchool(ctx, id), history: schoolHistory(ctx.db, id) };
  },
  'schools.save': ({ id, draft }, s) => saveSchool(s.ctx(), id, draft),
  'schools.setClosed': ({ id, closed }, s) => setSchoolClosed(s.ctx(), id, closed),
};
