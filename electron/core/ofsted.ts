import type { ofstedOps } from '../../shared/api/ofsted';
import { inspections, monitoringVisits } from '../data/ofsted';
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
  'ofsted.deleteInspection': ({ id }, s) => deleteRecord(s.ctx(), inspections, id),
  'ofsted.saveMonitoring': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, monitoringVisits, id, draft, {
      check: () => requireSchool(ctx, draft.schoolId),
      summary: (after) => `HMI monitoring visit: progress ${after.progress.toLowerCase()}`,
    });
  },
  'ofsted.deleteMonitoring': ({ id }, s) => deleteRecord(s.ctx(), monitoringVisits, id),
};
