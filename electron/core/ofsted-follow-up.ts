import { ApiError } from '../../shared/api/errors';
import { followUpLabels, type FollowUpRow, type ofstedFollowUpOps } from '../../shared/api/ofsted-follow-up';
import { londonDate } from '../../shared/domain/format';
import { categoryJudgement, closurePresumption, urgentCase } from '../../shared/domain/ofsted';
import {
  checkFollowUp,
  followUpDeadlines,
  isCategoryOutcome,
  statementDueByDefault,
} from '../../shared/domain/ofsted-follow-up';
import { followUpOfInspection, followUps, type StoredFollowUp } from '../data/ofsted-follow-up';
import { inspections, inspectionsOf, monitoringVisitsOf } from '../data/ofsted';
import { deleteRecord, notFound, saveRecord } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { refuseFields } from './refusals';

const row = (f: StoredFollowUp): FollowUpRow => ({ ...f, deadlines: followUpDeadlines(f, f.inspectedOn) });

/**
 * Where a school stands with Ofsted on a date: its category (if any), the follow-up of that
 * judgement, whether the case is urgent and whether closure is presumed.
 */
export function ofstedStanding(ctx: Ctx, schoolId: number, on: string) {
  const all = inspectionsOf(ctx.db, schoolId);
  const visits = monitoringVisitsOf(ctx.db, schoolId);
  const judgement = categoryJudgement(all);
  const category = judgement && judgement.outcome !== 'None' ? judgement.outcome : null;
  const followUp = judgement && category ? followUpOfInspection(ctx.db, judgement.id) : undefined;
  return {
    category,
    urgent: urgentCase(all, visits, followUp ?? null),
    closurePresumption: closurePresumption(all, visits, on, followUp?.closureDecisionOn ?? null),
    /** A category's statement of action is due whether or not the follow-up has been recorded yet. */
    followUpDeadlines:
      judgement && category
        ? {
            statementSubmittedOn: followUp?.statementSubmittedOn ?? null,
            newStatementSubmittedOn: followUp?.newStatementSubmittedOn ?? null,
            closureDecisionOn: followUp?.closureDecisionOn ?? null,
            ...(followUp
              ? followUpDeadlines(followUp, judgement.inspectedOn)
              : { statementDueOn: statementDueByDefault(judgement.inspectedOn), newStatementDueOn: null }),
          }
        : null,
  };
}

function requireCategoryInspection(ctx: Ctx, inspectionId: number) {
  const inspection = inspections.get(ctx.db, inspectionId);
  if (!inspection) throw notFound('inspection', inspectionId);
  if (!isCategoryOutcome(inspection.outcome))
    refuseFields(
      { inspectionId: 'Follow-up is recorded for a Notice to Improve or Special Measures judgement' },
      followUpLabels,
    );
  return inspection;
}

export const ofstedFollowUpHandlers: HandlersOf<typeof ofstedFollowUpOps> = {
  'ofstedFollowUp.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, followUps, id, draft, {
      check: () => {
        const inspection = requireCategoryInspection(ctx, draft.inspectionId);
        const other = followUpOfInspection(ctx.db, draft.inspectionId);
        if (other && other.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `This judgement already has its follow-up record (${other.id}): correct that one.`,
            fields: { inspectionId: 'Already has a follow-up record' },
          });
        if (draft.coreGroupChairId !== null) requirePerson(ctx, draft.coreGroupChairId, 'coreGroupChairId');
        if (draft.leadOfficerId !== null) requirePerson(ctx, draft.leadOfficerId, 'leadOfficerId');
        refuseFields(
          checkFollowUp(draft, inspection, monitoringVisitsOf(ctx.db, inspection.schoolId)),
          followUpLabels,
        );
      },
    });
    return row(saved);
  },
  'ofstedFollowUp.get': ({ inspectionId, today }, s) => {
    const ctx = s.ctx();
    const inspection = inspections.get(ctx.db, inspectionId);
    if (!inspection) throw notFound('inspection', inspectionId);
    const followUp = followUpOfInspection(ctx.db, inspectionId);
    const standing = ofstedStanding(ctx, inspection.schoolId, today ?? londonDate(ctx.now()));
    // The flags belong to the school's current judgement: an older one's follow-up shows none.
    const current = categoryJudgement(inspectionsOf(ctx.db, inspection.schoolId))?.id === inspectionId;
    return {
      inspection: {
        id: inspection.id,
        schoolId: inspection.schoolId,
        inspectedOn: inspection.inspectedOn,
        outcome: inspection.outcome,
      },
      followUp: followUp ? row(followUp) : null,
      statementDueByDefault: statementDueByDefault(followUp?.reportOn ?? inspection.inspectedOn),
      urgent: current ? standing.urgent : null,
      closurePresumption: current ? standing.closurePresumption : null,
    };
  },
  'ofstedFollowUp.delete': ({ id }, s) => deleteRecord(s.ctx(), followUps, id),
};
