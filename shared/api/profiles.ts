import { z } from 'zod';
import { TERMS } from '../domain/calendar';
import { count, longText, oneOf, percentage, pounds } from '../domain/fields';
import { byId, deleted, id, op, saveOf } from './common';

export const profileDraft = z
  .object({
    schoolId: id,
    academicYear: z.number().int().min(1990).max(2100),
    term: oneOf(TERMS),
    numberOnRoll: count(5000).nullable(),
    attendance: percentage.nullable(),
    exclusions: count(5000).nullable(),
    budgetPosition: pounds.nullable(),
    newHeadteacher: z.boolean(),
    staffChanges: longText(),
    notes: longText(),
  })
  .strict();
export type ProfileDraft = z.infer<typeof profileDraft>;
export const profileRow = profileDraft.extend({ id, label: z.string() });
export type ProfileRow = z.infer<typeof profileRow>;

export const profileLabels = {
  academicYear: 'Academic year',
  term: 'Term',
  numberOnRoll: 'Number on roll',
  attendance: 'Attendance (%)',
  exclusions: 'Exclusions',
  budgetPosition: 'Budget position (£)',
  newHeadteacher: 'New headteacher',
  staffChanges: 'Staff changes',
  notes: 'Notes',
};

export const profilesOps = {
  /** One profile per school and term: a second for the same term is refused, naming the first. */
  'profiles.save': op(saveOf(profileDraft), profileRow),
  'profiles.delete': op(byId, deleted),
};
