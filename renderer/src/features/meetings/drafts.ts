import type { MeetingDraft, MeetingRow } from '../../../../shared/api/meetings';
import type { DecisionDraft } from '../../../../shared/domain/meetings';

/** A saved decision as the draft it was saved from: what it says, without the school's name or stamp. */
export const decisionDraftOf = ({
  school: _school,
  appliedAt: _at,
  appliedBy: _by,
  ...draft
}: MeetingRow['decisions'][number]): DecisionDraft => draft as DecisionDraft;

/** The meeting as a draft to save again, its decisions included (applied ones as they were). */
export function meetingDraftOf(m: MeetingRow): MeetingDraft {
  return {
    heldOn: m.heldOn,
    kind: m.kind,
    doubleDistrictId: m.doubleDistrictId,
    attendees: m.attendees,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions.map(decisionDraftOf),
  };
}
