import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { brokerageLabels, strengthDraft, type StrengthRow } from '../../../../shared/api/brokerage';
import { formatDate } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { useAreaChoices } from './areas';
import { useSchoolChoices } from './schools';

/**
 * A school's key strength: the area, the evidence, and — once someone has seen it for themselves —
 * who validated it and when. Only validated strengths are suggested to schools that need help.
 */
export function StrengthForm({
  strength,
  onClose,
  onSaved,
  onDeleted,
}: {
  strength?: StrengthRow | undefined;
  onClose: () => void;
  onSaved: () => void;
  onDeleted: (auditId: number) => void;
}) {
  const schools = useSchoolChoices();
  const areas = useAreaChoices();
  const [draft, set, initial] = useDraft(() => ({
    schoolId: strength?.schoolId ?? null,
    area: strength?.area ?? '',
    aspect: strength?.aspect ?? '',
    evidence: strength?.evidence ?? '',
    validatedBy: strength?.validatedBy ?? '',
    validatedOn: strength?.validatedOn ?? null,
    contact: strength?.contact ?? '',
  }));
  return (
    <RecordModal
      title={strength ? `${strength.school}: ${strength.areaLabel}` : 'Add a key strength'}
      submitLabel={strength ? 'Save strength' : 'Add strength'}
      rules={strengthDraft}
      labels={brokerageLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('partnerships.saveStrength', { ...(strength ? { id: strength.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        strength
          ? {
              label: 'Delete',
              question: `Delete ${strength.school}’s strength in ${strength.areaLabel}${strength.validatedOn ? `, validated ${formatDate(strength.validatedOn)}` : ''}?`,
              run: () => call('partnerships.deleteStrength', { id: strength.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <TypeaheadSelect
            label="School"
            required
            style={{ gridColumn: '1 / -1' }}
            data={schools}
            value={draft.schoolId === null ? null : String(draft.schoolId)}
            onChange={(v) => set({ schoolId: v ? Number(v) : null })}
            limit={30}
            error={fields.error('schoolId')}
          />
          <Select
            label="Area"
            required
            searchable
            data={areas}
            value={draft.area || null}
            onChange={(v) => set({ area: v ?? '' })}
            error={fields.error('area')}
          />
          <TextInput
            label="Aspect"
            description="Leave blank for the whole area"
            value={draft.aspect}
            onChange={(e) => set({ aspect: e.currentTarget.value })}
            error={fields.error('aspect')}
          />
          <Textarea
            label="Evidence"
            required
            description="What was seen, and where: a visit, a report, results"
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            value={draft.evidence}
            onChange={(e) => set({ evidence: e.currentTarget.value })}
            error={fields.error('evidence')}
          />
          <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }} mb={-8}>
            Leave who validated it and when blank until someone has seen the strength for themselves.
          </Text>
          <TextInput
            label="Validated by"
            value={draft.validatedBy}
            onChange={(e) => set({ validatedBy: e.currentTarget.value })}
            error={fields.error('validatedBy')}
          />
          <DateField
            label="Validated on"
            value={draft.validatedOn}
            onChange={(iso) => set({ validatedOn: iso || null })}
            {...fields.date('validatedOn')}
          />
          <TextInput
            label="Contact"
            description="Who to speak to at the school"
            style={{ gridColumn: '1 / -1' }}
            value={draft.contact}
            onChange={(e) => set({ contact: e.currentTarget.value })}
            error={fields.error('contact')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
