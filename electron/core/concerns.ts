import { concernLabels, type ConcernRow, type concernsOps } from '../../shared/api/concerns';
import { ApiError } from '../../shared/api/errors';
import {
  checkStageChange,
  deadlinesOf,
  dutyOf,
  missingDuties,
  suggestsStage3,
  timeAtStage,
} from '../../shared/domain/concerns';
import { formatDate, londonDate } from '../../shared/domain/format';
import {
  concerns,
  listConcerns,
  openConcernOf,
  recordClosure,
  recordDutyCheck,
  recordNotification,
  recordStageDecision,
  type StoredConcern,
} from '../data/concerns';
import { listSchools } from '../data/schools';
import { changeRecord, deleteRecord, notFound, saveRecord } from '../data/write';
import { calendarOf } from './calendar';
import type { Ctx, HandlersOf } from './context';
import { ofstedStanding } from './ofsted-follow-up';
import { requirePerson } from './organisation';
import { projectsSummaryFor } from './projects';
import { refuseFields } from './refusals';
import { requireSchool } from './schools';
import { noticeRow } from './warning-notices';
import { refuseIfLettered } from './concern-letters';
import { listWarningNotices } from '../data/warning-notices';

const today = (ctx: Ctx) => londonDate(ctx.now());

/** A concern as the app shows it: with the duties of its stage not being kept on the day. */
function view(ctx: Ctx, c: StoredConcern, on = today(ctx)): ConcernRow {
  const open = c.closedOn === null;
  return {
    ...c,
    missingDuties: open ? missingDuties(c.stage, c.duties, on, calendarOf(ctx)) : [],
    suggestsStage3: open && suggestsStage3(c.stage, c.duties),
  };
}

function requireConcern(ctx: Ctx, id: number): StoredConcern {
  const found = concerns.get(ctx.db, id);
  if (!found) throw notFound('concern', id);
  return found;
}

/** Dates of things already done cannot be in the future, nor before the concern opened. */
function checkDone(ctx: Ctx, c: StoredConcern, field: string, date: string, errors: Record<string, string>) {
  if (date > today(ctx)) errors[field] ??= 'This date is in the future';
  else if (date < c.openedOn)
    errors[field] ??= `This cannot be before the concern opened on ${formatDate(c.openedOn)}`;
}

function save(ctx: Ctx, id: number | undefined, draft: Parameters<typeof concerns.insert>[1]) {
  return saveRecord(ctx, concerns, id, draft, {
    check: (before) => {
      requireSchool(ctx, draft.schoolId);
      if (draft.raisedById !== null) requirePerson(ctx, draft.raisedById, 'raisedById');
      const errors: Record<string, string> = {};
      if (draft.openedOn > today(ctx)) errors.openedOn = 'A concern cannot open in the future';
      if (before && draft.stage !== before.stage)
        errors.stage = 'Change the stage with a stage decision, giving its reason';
      const firstDecision = before?.decisions[0];
      if (firstDecision && draft.openedOn > firstDecision.decidedOn)
        errors.openedOn ??= `The concern was already at a stage decision on ${formatDate(firstDecision.decidedOn)}`;
      refuseFields(errors, concernLabels);
      if (before?.closedOn != null) return;
      const clash = openConcernOf(ctx.db, draft.schoolId);
      if (clash && clash.id !== id)
        throw new ApiError({
          code: 'conflict',
          message: `This school already has an open concern (concern ${clash.id}, opened ${formatDate(clash.openedOn)}): a school has one open concern at a time.`,
          fields: { schoolId: `Already has an open concern, opened ${formatDate(clash.openedOn)}` },
        });
    },
    summary: (after, before) =>
      before
        ? `Corrected the ${concerns.title(after)}`
        : `Opened a concern about ${after.school} at Stage ${after.stage}`,
  });
}

/** The concern register: each open concern with its stage, time there, open duties and deadlines. */
function register(ctx: Ctx, doubleDistrictId: number | null, on: string) {
  const schools = new Map(listSchools(ctx.db).map((s) => [s.id, s]));
  const listed = listConcerns(ctx.db, { doubleDistrictId });
  const projects = projectsSummaryFor(
    ctx,
    listed.map((c) => c.schoolId),
  );
  return listed.map((stored) => {
    const c = view(ctx, stored, on);
    const school = schools.get(c.schoolId)!;
    const standing = ofstedStanding(ctx, c.schoolId, on);
    const notices = listWarningNotices(ctx.db, { schoolId: c.schoolId }).map(noticeRow);
    const deadlines = deadlinesOf(on, notices, standing.followUpDeadlines);
    return {
      concernId: c.id,
      schoolId: c.schoolId,
      dfe: c.dfe,
      school: c.school,
      district: school.district,
      doubleDistrict: school.doubleDistrict,
      stage: c.stage,
      stageSince: c.stageSince,
      daysAtStage: timeAtStage(c.stageSince, on),
      openDuties: c.missingDuties,
      suggestsStage3: c.suggestsStage3,
      deadlines,
      nextDeadline: deadlines[0] ?? null,
      ofstedCategory: standing.category,
      urgent: standing.urgent?.status ?? null,
      closurePresumption: standing.closurePresumption !== null,
      rag: projects.get(c.schoolId)?.rag ?? null,
      spentPence: projects.get(c.schoolId)?.spentPence ?? null,
    };
  });
}

export const concernsHandlers: HandlersOf<typeof concernsOps> = {
  'concerns.list': ({ today: on, ...filter }, s) => {
    const ctx = s.ctx();
    return listConcerns(ctx.db, filter).map((c) => view(ctx, c, on));
  },
  'concerns.get': ({ id, today: on }, s) => {
    const ctx = s.ctx();
    return view(ctx, requireConcern(ctx, id), on);
  },
  'concerns.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return view(ctx, save(ctx, id, draft));
  },
  'concerns.changeStage': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const after = changeRecord(
      ctx,
      concerns,
      id,
      'decide',
      (before) => {
        const errors = checkStageChange(before, draft.to, draft.decidedOn);
        if (draft.decidedOn > today(ctx)) errors.decidedOn ??= 'A decision cannot be dated in the future';
        refuseFields(errors, concernLabels);
        requirePerson(ctx, draft.decidedById, 'decidedById');
        recordStageDecision(ctx.db, id, before.stage, draft);
      },
      (after, before) =>
        `Moved the concern about ${after.school} from Stage ${before.stage} to Stage ${after.stage}: ${draft.reason.trim()}`,
    );
    return view(ctx, after);
  },
  'concerns.checkDuty': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const found = dutyOf(draft.duty)!;
    const after = changeRecord(
      ctx,
      concerns,
      id,
      'edit',
      (before) => {
        const errors: Record<string, string> = {};
        if (before.closedOn !== null)
          errors.form = 'This concern is closed: its duties can no longer be ticked';
        else if (found.stage !== before.stage)
          errors.duty = `That is a Stage ${found.stage} duty; this concern is at Stage ${before.stage}`;
        if (draft.checkedOn !== null) checkDone(ctx, before, 'checkedOn', draft.checkedOn, errors);
        refuseFields(errors, concernLabels);
        if (draft.byId !== null) requirePerson(ctx, draft.byId, 'byId');
        recordDutyCheck(ctx.db, id, draft);
      },
      (after) => `${draft.done ? 'Done' : 'Not done'}: ${found.duty.label} (concern about ${after.school})`,
    );
    return view(ctx, after);
  },
  'concerns.notify': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const after = changeRecord(
      ctx,
      concerns,
      id,
      'edit',
      (before) => {
        const errors: Record<string, string> = {};
        checkDone(ctx, before, 'notifiedOn', draft.notifiedOn, errors);
        refuseFields(errors, concernLabels);
        recordNotification(ctx.db, id, draft.notifiedOn, draft.notification);
      },
      (after) =>
        `Told the headteacher and chair of governors of ${after.school} that the school causes concern`,
    );
    return view(ctx, after);
  },
  'concerns.close': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const after = changeRecord(
      ctx,
      concerns,
      id,
      'close',
      (before) => {
        const errors: Record<string, string> = {};
        checkDone(ctx, before, 'closedOn', draft.closedOn, errors);
        if (draft.closedOn < before.stageSince)
          errors.closedOn ??= `This cannot be before the last stage decision, on ${formatDate(before.stageSince)}`;
        refuseFields(errors, concernLabels);
        recordClosure(ctx.db, id, draft.closedOn, draft.outcome);
      },
      (after) => `Closed the concern about ${after.school}: ${draft.outcome.trim()}`,
    );
    return view(ctx, after);
  },
  'concerns.delete': ({ id }, s) => {
    const ctx = s.ctx();
    return deleteRecord(ctx, concerns, id, (before) => refuseIfLettered(ctx, before.id));
  },
  'concerns.register': ({ doubleDistrictId, today: on }, s) => {
    const ctx = s.ctx();
    return register(ctx, doubleDistrictId, on ?? today(ctx));
  },
};
