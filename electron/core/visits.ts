import type { visitsOps } from '../../shared/api/visits';
import { termLabel, termOf } from '../../shared/domain/calendar';
import { visits, type StoredVisit } from '../data/visits';
import { deleteRecord, saveRecord } from '../data/write';
import { calendarOf } from './calendar';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { requireSchool } from './schools';

export const withTerm = (ctx: Ctx, v: StoredVisit) => ({
  ...v,
  term: termLabel(termOf(v.visitedOn, calendarOf(ctx))),
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
    return withTerm(ctx, saved);
  },
  'visits.delete': ({ id }, s) => deleteRecord(s.ctx(), visits, id),
};
