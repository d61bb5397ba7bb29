import { ApiError } from '../../shared/api/errors';
import type { recordsOps } from '../../shared/api/records';
import type { AuditEntity } from '../../shared/domain/audit';
import { getAudit } from '../data/audit';
import { categories } from '../data/categories';
import { concerns } from '../data/concerns';
import { barriers, strengths } from '../data/brokerage';
import { effectivenessProfiles } from '../data/effectiveness-profiles';
import { partnerships, spending } from '../data/partnerships';
import { inspections, monitoringVisits } from '../data/ofsted';
import { followUps } from '../data/ofsted-follow-up';
import { profiles } from '../data/profiles';
import { costs, meetings, milestones, projects, reports } from '../data/projects';
import { sefs } from '../data/sef';
import { visits } from '../data/visits';
import { warningNotices } from '../data/warning-notices';
import { meetings as groupMeetings } from '../data/meetings';
import { restoreRecord, type RecordTable } from '../data/write';
import { restoreSupport } from './brokerage';
import type { Ctx, HandlersOf } from './context';

/** A record deleted in error, put back from what its deletion's audit entry kept. */
const restore =
  <Row extends { id: number }, Draft>(table: RecordTable<Row, Draft>) =>
  (ctx: Ctx, kept: unknown) =>
    restoreRecord(ctx, table, kept as Row);

const restorers: Partial<Record<AuditEntity, (ctx: Ctx, kept: unknown) => { id: number }>> = {
  visit: restore(visits),
  category: restore(categories),
  sef: restore(sefs),
  inspection: restore(inspections),
  'hmi-visit': restore(monitoringVisits),
  profile: restore(profiles),
  concern: restore(concerns),
  'warning-notice': restore(warningNotices),
  'ofsted-follow-up': restore(followUps),
  project: restore(projects),
  milestone: restore(milestones),
  'project-meeting': restore(meetings),
  'progress-report': restore(reports),
  'project-cost': restore(costs),
  'effectiveness-profile': restore(effectivenessProfiles),
  partnership: restore(partnerships),
  'network-spend': restore(spending),
  'key-strength': restore(strengths),
  'brokered-support': restoreSupport,
  barrier: restore(barriers),
  meeting: restore(groupMeetings),
};

export const recordsHandlers: HandlersOf<typeof recordsOps> = {
  'records.restore': ({ auditId }, s) => {
    const ctx = s.ctx();
    const entry = getAudit(ctx.db, auditId);
    const restorer = entry && restorers[entry.entity];
    if (!entry || entry.action !== 'delete' || !restorer || entry.before === null)
      throw new ApiError({ code: 'not_found', message: 'There is no deletion to undo with that reference.' });
    const restored = restorer(ctx, entry.before);
    return { entity: entry.entity, id: restored.id };
  },
};
