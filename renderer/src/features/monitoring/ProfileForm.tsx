import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import {
  profileDraft,
  profileLabels,
  type ProfileDraft,
  type ProfileRow,
} from '../../../../shared/api/profiles';
import { academicYearOf, termLabel, TERMS, termOf, type TermName } from '../../../../shared/domain/calendar';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { numberFrom } from '../../components/numbers';
import { NotesField, RecordModal, useDraft, type RecordFormProps } from '../../components/RecordModal';

/** The terms a profile can be for: the last four academic years, and the one a profile already has. */
function termOptions(profile: ProfileRow | undefined) {
  const thisYear = academicYearOf(todayInLondon());
  const years = [0, 1, 2, 3].map((n) => thisYear - n);
  if (profile && !years.includes(profile.academicYear)) years.push(profile.academicYear);
  return years.flatMap((academicYear) =>
    [...TERMS]
      .reverse()
      .map((term) => ({ value: `${academicYear}:${term}`, label: termLabel({ academicYear, term }) })),
  );
}

export function ProfileForm({
  schoolId,
  profile,
  onClose,
  onSaved,
  onDeleted,
}: RecordFormProps & { profile?: ProfileRow }) {
  const [draft, set, initial] = useDraft((): ProfileDraft => {
    const now = termOf(todayInLondon());
    return {
      schoolId,
      academicYear: profile?.academicYear ?? now.academicYear,
      term: profile?.term ?? now.term,
      numberOnRoll: profile?.numberOnRoll ?? null,
      attendance: profile?.attendance ?? null,
      exclusions: profile?.exclusions ?? null,
      budgetPosition: profile?.budgetPosition ?? null,
      newHeadteacher: profile?.newHeadteacher ?? false,
      staffChanges: profile?.staffChanges ?? '',
      notes: profile?.notes ?? '',
    };
  });
  return (
    <RecordModal
      title={profile ? 'Correct a termly profile' : 'Record a termly profile'}
      submitLabel="Save profile"
      rules={profileDraft}
      labels={profileLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('profiles.save', { ...(profile ? { id: profile.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
      remove={
        profile && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the profile for ${profile.label}?`,
              run: () => call('profiles.delete', { id: profile.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Profile deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Term"
            data={termOptions(profile)}
            value={`${draft.academicYear}:${draft.term}`}
            onChange={(v) => {
              const [year, term] = (v ?? '').split(':');
              if (year && term) set({ academicYear: Number(year), term: term as TermName });
            }}
            allowDeselect={false}
            error={fields.error('term') ?? fields.error('academicYear')}
          />
          <NumberInput
            label="Number on roll"
            clampBehavior="none"
            value={draft.numberOnRoll ?? ''}
            onChange={(v) => set({ numberOnRoll: numberFrom(v) })}
            error={fields.error('numberOnRoll')}
          />
          <NumberInput
            label="Attendance %"
            clampBehavior="none"
            value={draft.attendance ?? ''}
            onChange={(v) => set({ attendance: numberFrom(v) })}
            error={fields.error('attendance')}
          />
          <NumberInput
            label="Exclusions"
            clampBehavior="none"
            value={draft.exclusions ?? ''}
            onChange={(v) => set({ exclusions: numberFrom(v) })}
            error={fields.error('exclusions')}
          />
          <NumberInput
            label="Budget position (£)"
            description="Negative for a deficit"
            prefix="£"
            thousandSeparator=","
            clampBehavior="none"
            value={draft.budgetPosition ?? ''}
            onChange={(v) => set({ budgetPosition: numberFrom(v) })}
            error={fields.error('budgetPosition')}
          />
          <Checkbox
            label="New headteacher this term"
            checked={draft.newHeadteacher}
            onChange={(e) => set({ newHeadteacher: e.currentTarget.checked })}
            error={fields.error('newHeadteacher')}
            mt={28}
          />
          <TextInput
            label="Significant staff changes"
            style={{ gridColumn: '1 / -1' }}
            value={draft.staffChanges}
            onChange={(e) => set({ staffChanges: e.currentTarget.value })}
            error={fields.error('staffChanges')}
          />
          <NotesField
            value={draft.notes}
            onChange={(notes) => set({ notes })}
            error={fields.error('notes')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
