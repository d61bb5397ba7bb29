import type { calendarOps } from '../../shared/api/calendar';
import { ApiError } from '../../shared/api/errors';
import {
  academicYearLabel,
  academicYearOf,
  calendarFrom,
  termLabel,
  type Calendar,
  type TermDates,
} from '../../shared/domain/calendar';
import { formatDate } from '../../shared/domain/format';
import { writeAudit } from '../data/audit';
import { customTermDates, getTermDates, upsertTermDates } from '../data/calendar';
import { write } from '../data/write';
import type { Ctx, HandlersOf } from './context';

export function calendarOf(ctx: Ctx): Calendar {
  return calendarFrom(customTermDates(ctx.db));
}

function termsOf(ctx: Ctx, academicYear: number) {
  const custom = customTermDates(ctx.db);
  return calendarOf(ctx)(academicYear).map((t) => ({
    ...t,
    label: termLabel(t),
    custom: custom.some((c) => c.academicYear === t.academicYear && c.term === t.term),
  }));
}

function invalid(message: string, field: string): never {
  throw new ApiError({ code: 'invalid_input', message: `${message}.`, fields: { [field]: message } });
}

const span = (t: TermDates) =>
  `${formatDate(t.startsOn)} – ${formatDate(t.secondHalfOn)} – ${formatDate(t.endsOn)}`;

function saveTerm(ctx: Ctx, t: TermDates) {
  if (!(t.startsOn < t.secondHalfOn))
    invalid('The second half must begin after the term starts', 'secondHalfOn');
  if (!(t.secondHalfOn <= t.endsOn)) invalid('The term must end after its second half begins', 'endsOn');
  if (academicYearOf(t.startsOn) !== t.academicYear)
    invalid(`That date is not in the ${academicYearLabel(t.academicYear)} academic year`, 'startsOn');
  if (academicYearOf(t.endsOn) !== t.academicYear)
    invalid(`That date is not in the ${academicYearLabel(t.academicYear)} academic year`, 'endsOn');
  write(ctx, () => {
    const before = getTermDates(ctx.db, t) ?? calendarOf(ctx)(t.academicYear).find((c) => c.term === t.term)!;
    upsertTermDates(ctx.db, t);
    writeAudit(ctx.db, ctx, {
      entity: 'calendar',
      entityId: t.academicYear,
      schoolId: null,
      action: 'edit',
      summary: `Set the dates of ${termLabel(t)}`,
      changes: [{ field: 'Dates', before: span(before), after: span(t) }].filter((c) => c.before !== c.after),
      before,
      after: t,
    });
  });
  return termsOf(ctx, t.academicYear);
}

export const calendarHandlers: HandlersOf<typeof calendarOps> = {
  'calendar.terms': ({ academicYear }, s) => termsOf(s.ctx(), academicYear),
  'calendar.saveTerm': (term, s) => saveTerm(s.ctx(), term),
};
