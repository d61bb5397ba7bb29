import {
  Accordion,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  effectivenessProfileDraft,
  effectivenessProfileLabels,
  type EffectivenessProfileRow,
  type ProfileSection,
} from '../../../../shared/api/effectiveness-profiles';
import { academicYearLabel, academicYearOf } from '../../../../shared/domain/calendar';
import { WELSH_ELEMENTS } from '../../../../shared/domain/effectiveness';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { rowErrors } from './row-errors';

const TEXTS = [
  ['narrative', 'Narrative'],
  ['themes', 'Themes for improvement'],
  ['strengths', 'Key strengths'],
  ['barriers', 'Barriers to effectiveness'],
] as const;

const blank = (element: ProfileSection['element'], aspect = ''): ProfileSection => ({
  element,
  aspect,
  narrative: '',
  themes: '',
  strengths: '',
  barriers: '',
});
const written = (s: ProfileSection) => TEXTS.some(([key]) => s[key].trim() !== '') || s.aspect.trim() !== '';

/**
 * A school's School Effectiveness Profile for an academic year (the Welsh framework, which grades
 * nothing): for each element, and any aspect of it, a narrative, themes for improvement, key
 * strengths and barriers. Only what is written is kept.
 */
export function EffectivenessProfileForm({
  schoolId,
  profile,
  takenYears,
  onClose,
  onSaved,
  onDeleted,
}: {
  schoolId: number;
  profile?: EffectivenessProfileRow | undefined;
  /** Years that already have a profile: a new one is for another year. */
  takenYears: readonly number[];
  onClose: () => void;
  onSaved: () => void;
  onDeleted: (auditId: number) => void;
}) {
  const thisYear = academicYearOf(todayInLondon());
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].filter(
    (y) => y === profile?.academicYear || !takenYears.includes(y),
  );
  const [draft, set, initial] = useDraft(() => ({
    schoolId,
    academicYear: profile?.academicYear ?? (years.includes(thisYear) ? thisYear : (years[0] ?? null)),
    // Every element's own section is on the form; its aspects follow it.
    sections: WELSH_ELEMENTS.flatMap((e) => {
      const held = profile?.sections.filter((s) => s.element === e.code) ?? [];
      return [held.find((s) => s.aspect === '') ?? blank(e.code), ...held.filter((s) => s.aspect !== '')];
    }),
  }));
  const perRow = rowErrors(effectivenessProfileDraft, draft, 'sections');
  const setSection = (index: number, patch: Partial<ProfileSection>) =>
    set({ sections: draft.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

  return (
    <RecordModal
      title={profile ? `School Effectiveness Profile, ${profile.label}` : 'New School Effectiveness Profile'}
      submitLabel="Save profile"
      rules={effectivenessProfileDraft}
      labels={effectivenessProfileLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('effectivenessProfiles.save', {
          ...(profile ? { id: profile.id } : {}),
          draft: { ...checked, sections: checked.sections.filter(written) },
        })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        profile
          ? {
              label: 'Delete',
              question: `Delete the School Effectiveness Profile for ${profile.label}?`,
              run: () => call('effectivenessProfiles.delete', { id: profile.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => {
        const sectionsError = fields.error('sections');
        return (
          <Stack gap="sm">
            <Select
              label="Academic year"
              required
              w={200}
              data={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
              value={draft.academicYear === null ? null : String(draft.academicYear)}
              onChange={(v) => v && set({ academicYear: Number(v) })}
              allowDeselect={false}
              error={fields.error('academicYear')}
            />
            <Accordion multiple variant="separated" defaultValue={[WELSH_ELEMENTS[0].code]}>
              {WELSH_ELEMENTS.map((element) => {
                const indexes = draft.sections.flatMap((s, i) => (s.element === element.code ? [i] : []));
                const filled = indexes.filter((i) => written(draft.sections[i]!)).length;
                return (
                  <Accordion.Item key={element.code} value={element.code}>
                    <Accordion.Control>
                      <Group justify="space-between" pr="sm">
                        <Text fw={500}>{element.label}</Text>
                        <Text size="xs" c="dimmed">
                          {filled === 0
                            ? 'Nothing written'
                            : `${filled} ${filled === 1 ? 'section' : 'sections'} written`}
                        </Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="md">
                        {indexes.map((i) => {
                          const s = draft.sections[i]!;
                          const problems = sectionsError ? (perRow.get(i) ?? {}) : {};
                          return (
                            <Stack
                              key={i}
                              gap="xs"
                              role="group"
                              aria-label={
                                s.aspect === '' && i === indexes[0]
                                  ? element.label
                                  : `Aspect of ${element.label}`
                              }
                            >
                              {i !== indexes[0] && (
                                <Group align="end" gap="xs">
                                  <TextInput
                                    label="Aspect"
                                    required
                                    style={{ flex: 1 }}
                                    value={s.aspect}
                                    onChange={(e) => setSection(i, { aspect: e.currentTarget.value })}
                                    error={problems.aspect}
                                  />
                                  <Button
                                    variant="subtle"
                                    color="gray"
                                    onClick={() =>
                                      set({ sections: draft.sections.filter((_, j) => j !== i) })
                                    }
                                  >
                                    Remove aspect
                                  </Button>
                                </Group>
                              )}
                              <SimpleGrid cols={2} spacing="xs">
                                {TEXTS.map(([key, label]) => (
                                  <Textarea
                                    key={key}
                                    label={label}
                                    autosize
                                    minRows={2}
                                    value={s[key]}
                                    onChange={(e) => setSection(i, { [key]: e.currentTarget.value })}
                                    error={problems[key]}
                                  />
                                ))}
                              </SimpleGrid>
                            </Stack>
                          );
                        })}
                        <Button
                          variant="subtle"
                          size="xs"
                          w="fit-content"
                          onClick={() => {
                            const after = indexes[indexes.length - 1]! + 1;
                            set({
                              sections: [
                                ...draft.sections.slice(0, after),
                                blank(element.code, ''),
                                ...draft.sections.slice(after),
                              ],
                            });
                          }}
                        >
                          Add an aspect of {element.label.toLowerCase()}
                        </Button>
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
          </Stack>
        );
      }}
    </RecordModal>
  );
}
