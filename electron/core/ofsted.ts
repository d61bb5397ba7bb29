import type { ofstedOps } from '../../shared/api/ofsted';
import { inspections, monitoringVisits } from '../data/ofsted';
import { followUpOfInspection } from '../data/ofsted-follow-up';
import { ApiError } from '../../shared/api/errors';
import { deleteRecord, saveRecord } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { requireSchool } from './schools';
import { laCategoryOn } from './monitoring';

export const ofstedHandlers: HandlersOf<typeof ofstedOps> = {
  'ofsted.saveInspection': ({ id, draft }, s) => {
    const ctx: Ctx = s.ctx();
    const saved = saveRecord(ctx, inspections, id, draft, {
      check: () => requireSchool(ctx, draft.schoolId),
      summary: (after) =>
        `Ofsted ${after.type.toLowerCase()}: ${after.outcome === 'None' ? 'no category' : after.outcome}`,
    });
    return { ...saved, laCategory: laCategoryOn(ctx, saved.schoolId, saved.inspectedOn) };
  },
  'ofsted.deleteInspection': ({ id }, s) => {
    const ctx = s.ctx();
    return deleteRecord(ctx, inspections, id, () => {
      // Deleting the judgement would orphan its follow-up: that record goes first, on its own undo.
      if (followUpOfInspection(ctx.db, id))
        throw new ApiError({
          code: 'conflict',
          message:
            'This inspection has a follow-up record: delete that first if the inspection was entered in error.',
        });
    });
  },
  'ofsted.saveMonitoring': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, monitoringVisits, id, draft, {
      check: () => requireSchool(ctx, draft.schoolId),
      summary: (after) => `HMI monitoring visit: progress ${after.progress.toLowerCase()}`,
    });
  },
  'ofsted.deleteMonitoring': ({ id }, s) => deleteRecord(s.ctx(), monitoringVisits, id),
};
