import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { academicYearOf, termLabel, TERMS, termOf, type TermName } from '../../../../shared/domain/calendar';
import type { ProfileRow } from '../../../../shared/api/monitoring';
import { call } from '../../api';
import { NotesField, RecordModal, todayIso, useDraft, type RecordFormProps } from './RecordModal';

const number = (v: string | number) => (v === '' ? null : Number(v));

export function ProfileForm({
  schoolId,
  profile,
  onClose,
  onSaved,
}: RecordFormProps & { profile?: ProfileRow }) {
  const now = termOf(todayIso());
  const [draft, set] = useDraft({
    academicYear: profile?.academicYear ?? now.academicYear,
    term: profile?.term ?? (now.term as TermName),
    numberOnRoll: profile?.numberOnRoll ?? (null as number | null),
    attendance: profile?.attendance ?? (null as number | null),
    exclusions: profile?.exclusions ?? (null as number | null),
    budgetPosition: profile?.budgetPosition ?? (null as number | null),
    newHeadteacher: profile?.newHeadteacher ?? false,
    staffChanges: profile?.staffChanges ?? '',
    notes: profile?.notes ?? '',
  });
  const years = [0, 1, 2, 3].map((n) => academicYearOf(todayIso()) - n);
  const termOptions = years.flatMap((academicYear) =>
    [...TERMS]
      .reverse()
      .map((term) => ({ value: `${academicYear}:${term}`, label: termLabel({ academicYear, term }) })),
  );
  return (
    <RecordModal
      title="Record a termly profile"
      submitLabel="Save profile"
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('profiles.save', { schoolId, ...draft })}
    >
      {() => (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Term"
            data={termOptions}
            value={`${draft.academicYear}:${draft.term}`}
            onChange={(v) => {
              const [year, term] = (v ?? '').split(':');
              if (year && term) set({ academicYear: Number(year), term: term as TermName });
            }}
            allowDeselect={false}
          />
          <NumberInput
            label="Number on roll"
            min={0}
            value={draft.numberOnRoll ?? ''}
            onChange={(v) => set({ numberOnRoll: number(v) })}
          />
          <NumberInput
            label="Attendance %"
            min={0}
            max={100}
            decimalScale={1}
            value={draft.attendance ?? ''}
            onChange={(v) => set({ attendance: number(v) })}
          />
          <NumberInput
            label="Exclusions"
            min={0}
            value={draft.exclusions ?? ''}
            onChange={(v) => set({ exclusions: number(v) })}
          />
          <NumberInput
            label="Budget position (£)"
            description="Negative for a deficit"
            prefix="£"
            thousandSeparator=","
            value={draft.budgetPosition ?? ''}
            onChange={(v) => set({ budgetPosition: number(v) })}
          />
          <Checkbox
            label="New headteacher this term"
            checked={draft.newHeadteacher}
            onChange={(e) => set({ newHeadteacher: e.currentTarget.checked })}
            mt={28}
          />
          <TextInput
            label="Significant staff changes"
            style={{ gridColumn: '1 / -1' }}
            value={draft.staffChanges}
            onChange={(e) => set({ staffChanges: e.currentTarget.value })}
          />
          <NotesField value={draft.notes} onChange={(notes) => set({ notes })} />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
