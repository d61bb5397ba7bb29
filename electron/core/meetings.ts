import { ApiError } from '../../shared/api/errors';
import {
  meetingLabels,
  type DecisionChange,
  type MeetingDraft,
  type meetingsOps,
} from '../../shared/api/meetings';
import type { FieldChange } from '../../shared/domain/changes';
import { formatDate, londonDate } from '../../shared/domain/format';
import { decisionText, meetingTitle, sameDecision, type DecisionDraft } from '../../shared/domain/meetings';
import { categories } from '../data/categories';
import { concerns } from '../data/concerns';
import {
  changesSince,
  decisionOptions,
  hasPapers,
  lastAuditId,
  listMeetings,
  markApplied,
  meetings,
  rehearse,
  type StoredMeeting,
} from '../data/meetings';
import { doubleDistricts } from '../data/organisation';
import { projects } from '../data/projects';
import { changeRecord, deleteRecord, notFound, saveRecord, write } from '../data/write';
import { categoriesHandlers } from './categories';
import { concernsHandlers } from './concerns';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { projectsHandlers } from './projects';
import { refuseFields } from './refusals';
import { requireSchool } from './schools';
import type { Session } from './session';

function requireMeeting(ctx: Ctx, id: number): StoredMeeting {
  const found = meetings.get(ctx.db, id);
  if (!found) throw notFound('meeting', id);
  return found;
}

/** Rules that need the file: the double district, the schools and people named, applied decisions kept. */
function checkDraft(ctx: Ctx, draft: MeetingDraft, before: StoredMeeting | undefined) {
  const errors: Record<string, string> = {};
  if (draft.doubleDistrictId !== null && !doubleDistricts.get(ctx.db, draft.doubleDistrictId))
    errors.doubleDistrictId = 'Choose one of the double districts';
  const applied = before?.decisions.filter((d) => d.appliedAt !== null) ?? [];
  if (applied.length > 0 && (draft.heldOn !== before!.heldOn || draft.kind !== before!.kind))
    errors.heldOn = `Its decisions have been applied as the ${meetingTitle(before!)}'s, so its date and kind stay`;
  for (const kept of applied) {
    const sent = draft.decisions.find((d) => d.id === kept.id);
    if (!sent || !sameDecision(sent, kept))
      errors.decisions ??= `“${decisionText(kept, kept.school)}” has been applied: it stays as it was`;
  }
  const own = new Set(before?.decisions.map((d) => d.id));
  if (draft.decisions.some((d) => d.id !== undefined && !own.has(d.id)))
    errors.decisions ??= 'A decision sent is not one of this meeting’s';
  refuseFields(errors, meetingLabels);
  for (const d of draft.decisions) {
    const school = requireSchool(ctx, d.schoolId);
    if (draft.doubleDistrictId !== null && school.doubleDistrictId !== draft.doubleDistrictId)
      refuseFields({ decisions: `${school.name} is not in this meeting’s double district` }, meetingLabels);
    if (d.kind === 'stage') requirePerson(ctx, d.decidedById, 'decisions');
  }
}

/**
 * The session as the existing handlers see it, but writing through a context that points each audit
 * entry at the meeting: the decisions go through the very rules the school's own pages use.
 */
const sessionAt = (s: Session, ctx: Ctx): Session =>
  Object.assign(Object.create(s) as Session, { ctx: () => ctx });

function refuseSubject(what: string): never {
  throw new ApiError({ code: 'conflict', message: what });
}

/** Makes one decision's change through its area's own handler, dated the day of the meeting. */
function applyOne(at: Session, ctx: Ctx, meeting: StoredMeeting, d: DecisionDraft) {
  const decidedOn = meeting.heldOn;
  switch (d.kind) {
    case 'category':
      if (categories.get(ctx.db, d.subjectId)?.schoolId !== d.schoolId)
        refuseSubject('That category proposal is no longer this school’s.');
      return categoriesHandlers['categories.decide'](
        {
          id: d.subjectId,
          draft: {
            decidedOn,
            category: d.category,
            notes: d.notes,
            supportOverride: null,
            overrideReason: '',
          },
        },
        at,
      );
    case 'stage':
      if (concerns.get(ctx.db, d.subjectId)?.schoolId !== d.schoolId)
        refuseSubject('That concern is no longer this school’s.');
      return concernsHandlers['concerns.changeStage'](
        {
          id: d.subjectId,
          draft: {
            decidedOn,
            to: d.to,
            reason: d.reason,
            decidedById: d.decidedById,
            meeting: meetingTitle(meeting),
          },
        },
        at,
      );
    case 'project':
      if (projects.get(ctx.db, d.subjectId)?.schoolId !== d.schoolId)
        refuseSubject('That project is no longer this school’s.');
      return projectsHandlers['projects.decide'](
        {
          id: d.subjectId,
          draft: { decidedOn, decision: d.decision, reason: d.reason, nextReviewOn: d.nextReviewOn },
        },
        at,
      );
    case 'funding': {
      const project = projects.get(ctx.db, d.subjectId);
      if (project?.schoolId !== d.schoolId) refuseSubject('That project is no longer this school’s.');
      if (project.status === 'Closed')
        refuseSubject(`The project was closed on ${formatDate(project.closedOn!)}.`);
      return projectsHandlers['projects.saveCost'](
        {
          draft: {
            projectId: d.subjectId,
            source: d.source,
            incurredOn: decidedOn,
            description: d.description,
            days: d.days,
            amountPence: d.amountPence,
            status: 'Committed',
            exceptionReason: d.exceptionReason,
          },
        },
        at,
      );
    }
  }
}

/** A decision is applied once, at a meeting that has been held. */
function pendingOf(ctx: Ctx, meeting: StoredMeeting) {
  if (meeting.heldOn > londonDate(ctx.now()))
    throw new ApiError({
      code: 'rejected',
      message: `This meeting is on ${formatDate(meeting.heldOn)}: its decisions can be applied once it has been held.`,
    });
  const pending = meeting.decisions.filter((d) => d.appliedAt === null);
  if (pending.length === 0)
    throw new ApiError({ code: 'rejected', message: 'This meeting has no decisions waiting to be applied.' });
  return pending;
}

/** Each pending decision applied in turn; what it changed is read back from the record of changes. */
function applyAll(
  s: Session,
  ctx: Ctx,
  meeting: StoredMeeting,
  onRefusal: (decisionId: number, text: string, error: ApiError) => void,
): DecisionChange[] {
  const atMeeting: Ctx = { ...ctx, meeting: { id: meeting.id, title: meetingTitle(meeting) } };
  const at = sessionAt(s, atMeeting);
  const made: DecisionChange[] = [];
  for (const d of pendingOf(ctx, meeting)) {
    const mark = lastAuditId(ctx.db);
    try {
      // Its own savepoint: a refused decision takes back only its own part.
      write(atMeeting, () => applyOne(at, atMeeting, meeting, d));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      onRefusal(d.id, decisionText(d, d.school), error);
      continue;
    }
    for (const w of changesSince(ctx.db, mark))
      made.push({
        decisionId: d.id,
        school: w.school,
        entity: w.entity as DecisionChange['entity'],
        summary: w.summary,
        changes: JSON.parse(w.changes) as FieldChange[],
      });
  }
  return made;
}

export const meetingsHandlers: HandlersOf<typeof meetingsOps> = {
  'meetings.list': (filter, s) => listMeetings(s.ctx().db, filter),
  'meetings.get': ({ id }, s) => requireMeeting(s.ctx(), id),
  'meetings.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, meetings, id, draft, {
      check: (before) => checkDraft(ctx, draft, before),
      summary: (after, before) =>
        `${before ? 'Corrected the minutes of the' : 'Recorded the'} ${meetingTitle(after)}`,
    });
  },
  'meetings.delete': ({ id }, s) =>
    deleteRecord(s.ctx(), meetings, id, (before) => {
      if (before.decisions.some((d) => d.appliedAt !== null))
        throw new ApiError({
          code: 'rejected',
          message:
            'This meeting’s decisions have been applied to schools’ records, so it stays in the history.',
        });
      if (hasPapers(s.ctx().db, id))
        throw new ApiError({
          code: 'rejected',
          message: 'Papers have been generated for this meeting, so it stays in the history.',
        });
    }),
  'meetings.decisionOptions': ({ meetingId }, s) => {
    const ctx = s.ctx();
    return decisionOptions(ctx.db, requireMeeting(ctx, meetingId).doubleDistrictId);
  },
  'meetings.previewDecisions': ({ meetingId }, s) => {
    const ctx = s.ctx();
    const problems: Array<{ decisionId: number; message: string }> = [];
    const changes = rehearse(ctx, () =>
      applyAll(s, ctx, requireMeeting(ctx, meetingId), (decisionId, _text, error) =>
        problems.push({ decisionId, message: error.message }),
      ),
    );
    return { changes, problems };
  },
  'meetings.applyDecisions': ({ meetingId }, s) => {
    const ctx = s.ctx();
    return write(ctx, () => {
      const meeting = requireMeeting(ctx, meetingId);
      const changes = applyAll(s, ctx, meeting, (_id, text, error) => {
        throw new ApiError({
          code: error.body.code,
          message: `Nothing was applied: “${text}” no longer applies. ${error.message}`,
        });
      });
      const after = changeRecord(
        ctx,
        meetings,
        meetingId,
        'decide',
        () => markApplied(ctx.db, meetingId, ctx.now().toISOString(), ctx.user),
        (m) => `Applied the decisions of the ${meetingTitle(m)}`,
      );
      return { meeting: after, changes };
    });
  },
};
