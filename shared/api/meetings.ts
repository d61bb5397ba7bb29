import { z } from 'zod';
import { AUDIT_ENTITIES } from '../domain/audit';
import { isoDate, longText, oneOf } from '../domain/fields';
import { attendee, decisionDraft, MEETING_KINDS } from '../domain/meetings';
import { PROJECT_STATUSES } from '../domain/projects';
import { byId, deleted, fieldChange, id, op, saveOf } from './common';

export const meetingDraft = z
  .object({
    heldOn: isoDate,
    kind: oneOf(MEETING_KINDS),
    /** Null: a county-wide meeting. */
    doubleDistrictId: id.nullable(),
    attendees: z.array(attendee).max(40, { message: 'Keep to 40 attendees or fewer' }),
    agenda: longText(8000),
    minutes: longText(40000),
    /** The decisions the minutes record, in order; an applied one is sent back as it was. */
    decisions: z.array(decisionDraft).max(100, { message: 'Keep to 100 decisions or fewer' }),
  })
  .strict();
export type MeetingDraft = z.infer<typeof meetingDraft>;

export const meetingDecisionRow = z.intersection(
  decisionDraft,
  z.object({
    id,
    school: z.string(),
    /** When it was applied to the school's records, and by whom; null until then. */
    appliedAt: z.string().nullable(),
    appliedBy: z.string().nullable(),
  }),
);
export type MeetingDecisionRow = z.infer<typeof meetingDecisionRow>;

export const meetingRow = z.object({
  id,
  heldOn: isoDate,
  kind: z.enum(MEETING_KINDS),
  doubleDistrictId: id.nullable(),
  doubleDistrict: z.string().nullable(),
  attendees: z.array(attendee),
  agenda: z.string(),
  minutes: z.string(),
  decisions: z.array(meetingDecisionRow),
});
export type MeetingRow = z.infer<typeof meetingRow>;

export const meetingListRow = z.object({
  id,
  heldOn: isoDate,
  kind: z.enum(MEETING_KINDS),
  doubleDistrictId: id.nullable(),
  doubleDistrict: z.string().nullable(),
  attendees: z.number(),
  decisions: z.number(),
  applied: z.number(),
});
export type MeetingListRow = z.infer<typeof meetingListRow>;

/** One change applying the decisions makes (or would make): the record and each field before → after. */
export const decisionChange = z.object({
  decisionId: id,
  school: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  summary: z.string(),
  changes: z.array(fieldChange),
});
export type DecisionChange = z.infer<typeof decisionChange>;

/** What a school in the meeting's area has waiting for a decision. */
export const decisionOption = z.object({
  schoolId: id,
  school: z.string(),
  dfe: z.string(),
  proposals: z.array(z.object({ id, proposedCategory: z.number(), proposedOn: isoDate })),
  concern: z.object({ id, stage: z.number() }).nullable(),
  projects: z.array(z.object({ id, startedOn: isoDate, status: z.enum(PROJECT_STATUSES) })),
});
export type DecisionOption = z.infer<typeof decisionOption>;

export const meetingLabels = {
  heldOn: 'Held on',
  kind: 'Meeting',
  doubleDistrictId: 'Double district',
  attendees: 'Attendees',
  agenda: 'Agenda',
  minutes: 'Minutes',
  decisions: 'Decisions',
};

export const meetingsOps = {
  /** Newest first; a double district's own meetings, or (null) the county-wide ones. */
  'meetings.list': op(
    z.object({ doubleDistrictId: id.nullable().optional(), kind: z.enum(MEETING_KINDS).optional() }).strict(),
    z.array(meetingListRow),
  ),
  'meetings.get': op(byId, meetingRow),
  /** The meeting with its decisions as one record: the minutes and what they decided are saved together. */
  'meetings.save': op(saveOf(meetingDraft), meetingRow),
  'meetings.delete': op(byId, deleted),
  /** Schools in the meeting's area with a proposal, an open concern or a project to decide on. */
  'meetings.decisionOptions': op(z.object({ meetingId: id }).strict(), z.array(decisionOption)),
  /**
   * Exactly what applying the meeting's decisions not yet applied would change, worked out by making
   * the changes and taking them back; a decision that no longer applies says why.
   */
  'meetings.previewDecisions': op(
    z.object({ meetingId: id }).strict(),
    z.object({
      changes: z.array(decisionChange),
      problems: z.array(z.object({ decisionId: id, message: z.string() })),
    }),
  ),
  /** Applies them all in one write, or none, each change pointing at the meeting. */
  'meetings.applyDecisions': op(
    z.object({ meetingId: id }).strict(),
    z.object({ meeting: meetingRow, changes: z.array(decisionChange) }),
  ),
};
