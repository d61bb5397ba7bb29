import type { visitsOps } from '../../shared/api/visits';
import { termLabel, termOf, type Calendar } from '../../shared/domain/calendar';
import { visits, type StoredVisit } from '../data/visits';
import { deleteRecord, saveRecord } from '../data/write';
import { calendarOf } from './calendar';
import type { HandlersOf } from './context';
import { requirePerson } from './organisation';
import { requireSchool } from './schools';

/** A visit with its term; the caller works the calendar out once for all its visits, not per visit. */
export const withTerm = (calendar: Calendar, v: StoredVisit) => ({
  ...v,
  term: termLabel(termOf(v.visitedOn, calendar)),
});

export const visitsHandlers: HandlersOf<typeof visitsOps> = {
  'visits.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, visits, id, draft, {
      check: () => {
        requireSchool(ctx, draft.schoolId);
        requirePerson(ctx, draft.visitorId, 'visitorId');
      },
    });
    return withTerm(calendarOf(ctx), saved);
  },
  'visits.delete': ({ id }, s) => deleteRecord(s.ctx(), visits, id),
};
