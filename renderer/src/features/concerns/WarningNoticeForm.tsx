import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  warningNoticeDraft,
  warningNoticeLabels,
  type WarningNoticeDraft,
  type WarningNoticeRow,
} from '../../../../shared/api/warning-notices';
import { formatDate } from '../../../../shared/domain/format';
import {
  INITIAL_PERIOD_WORKING_DAYS,
  NOTICE_OUTCOMES,
  PARTNERSHIP_FORMS,
  POWERS,
  responseDueOn,
  WARNING_GROUNDS,
} from '../../../../shared/domain/warning-notices';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft } from '../../components/RecordModal';

/** "Response due 05/01/2026 (15 working days)": the end of the school's initial period. */
export const responseDueText = (givenOn: string) =>
  `Response due ${formatDate(responseDueOn(givenOn))} (${INITIAL_PERIOD_WORKING_DAYS} working days)`;

/**
 * A warning notice from its advice to its outcome: grounds, the dates of each step, the school's
 * response date (worked out from the day it is given), Ofsted's part, and the powers used.
 */
export function WarningNoticeForm({
  schoolId,
  notice,
  onClose,
  onSaved,
  onDeleted,
}: {
  schoolId: number;
  notice?: WarningNoticeRow | undefined;
  onClose: () => void;
  onSaved: () => void;
  onDeleted: (auditId: number) => void;
}) {
  const [draft, set, initial] = useDraft((): WarningNoticeDraft => ({
    schoolId,
    grounds: notice?.grounds ?? [],
    groundsNotes: notice?.groundsNotes ?? '',
    advisedOn: notice?.advisedOn ?? null,
    approvedOn: notice?.approvedOn ?? null,
    givenOn: notice?.givenOn ?? null,
    representationsOn: notice?.representationsOn ?? null,
    ofstedDecision: notice?.ofstedDecision ?? '',
    ofstedDecisionOn: notice?.ofstedDecisionOn ?? null,
    complianceDueOn: notice?.complianceDueOn ?? null,
    outcome: notice?.outcome ?? null,
    outcomeOn: notice?.outcomeOn ?? null,
    powers: notice?.powers ?? [],
    iebConsentOn: notice?.iebConsentOn ?? null,
    partnerName: notice?.partnerName ?? '',
    partnershipForm: notice?.partnershipForm ?? null,
    notes: notice?.notes ?? '',
  }));
  const date = (field: keyof WarningNoticeDraft) => ({
    value: draft[field] as string | null,
    onChange: (iso: string) => set({ [field]: iso || null }),
  });
  const ieb = draft.powers.includes('Interim executive board');
  const partnership = draft.powers.includes('Required partnership or federation');
  return (
    <RecordModal
      title={notice ? 'Update warning notice' : 'Record a warning notice'}
      submitLabel={notice ? 'Save notice' : 'Record notice'}
      rules={warningNoticeDraft}
      labels={warningNoticeLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('warningNotices.save', { ...(notice ? { id: notice.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        notice
          ? {
              label: 'Delete',
              question: 'Delete this warning notice?',
              run: () => call('warningNotices.delete', { id: notice.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <Stack gap="sm">
          <Checkbox.Group
            label="Grounds"
            withAsterisk
            value={draft.grounds}
            onChange={(v) => set({ grounds: v as WarningNoticeDraft['grounds'] })}
            error={fields.error('grounds')}
          >
            <SimpleGrid cols={2} spacing={6} mt={6}>
              {WARNING_GROUNDS.map((g) => (
                <Checkbox key={g} value={g} label={g} size="sm" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="About the grounds"
            autosize
            minRows={2}
            value={draft.groundsNotes}
            onChange={(e) => set({ groundsNotes: e.currentTarget.value })}
            error={fields.error('groundsNotes')}
          />
          <SimpleGrid cols={3} spacing="sm">
            <DateField label="Advised by the group" {...date('advisedOn')} {...fields.date('advisedOn')} />
            <DateField
              label="Approved by the Head of SID"
              {...date('approvedOn')}
              {...fields.date('approvedOn')}
            />
            <Stack gap={2}>
              <DateField
                label="Given by the Corporate Director"
                {...date('givenOn')}
                {...fields.date('givenOn')}
              />
              {draft.givenOn && (
                <Text size="xs" c="dimmed" data-testid="response-due-preview">
                  {responseDueText(draft.givenOn)}
                </Text>
              )}
            </Stack>
            <DateField
              label="Compliance date"
              {...date('complianceDueOn')}
              {...fields.date('complianceDueOn')}
            />
            <DateField
              label="Representations to Ofsted"
              {...date('representationsOn')}
              {...fields.date('representationsOn')}
            />
            <DateField
              label="Date of Ofsted's decision"
              {...date('ofstedDecisionOn')}
              {...fields.date('ofstedDecisionOn')}
            />
          </SimpleGrid>
          {draft.representationsOn && (
            <TextInput
              label="Ofsted's decision"
              value={draft.ofstedDecision}
              onChange={(e) => set({ ofstedDecision: e.currentTarget.value })}
              error={fields.error('ofstedDecision')}
            />
          )}
          <SimpleGrid cols={3} spacing="sm">
            <Select
              label="Outcome"
              placeholder="Still running"
              clearable
              data={[...NOTICE_OUTCOMES]}
              value={draft.outcome}
              onChange={(v) =>
                set({
                  outcome: v as WarningNoticeDraft['outcome'],
                  ...(v === 'Powers used'
                    ? {}
                    : { powers: [], iebConsentOn: null, partnerName: '', partnershipForm: null }),
                })
              }
              error={fields.error('outcome')}
            />
            <DateField label="Outcome date" {...date('outcomeOn')} {...fields.date('outcomeOn')} />
          </SimpleGrid>
          {draft.outcome === 'Powers used' && (
            <Checkbox.Group
              label="Powers used"
              withAsterisk
              value={draft.powers}
              onChange={(v) => set({ powers: v as WarningNoticeDraft['powers'] })}
              error={fields.error('powers')}
            >
              <SimpleGrid cols={2} spacing={6} mt={6}>
                {POWERS.map((p) => (
                  <Checkbox key={p} value={p} label={p} size="sm" />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          {(ieb || partnership) && (
            <SimpleGrid cols={3} spacing="sm">
              {ieb && (
                <DateField
                  label="Secretary of State's consent"
                  required
                  {...date('iebConsentOn')}
                  {...fields.date('iebConsentOn')}
                />
              )}
              {partnership && (
                <TextInput
                  label="Partner"
                  required
                  value={draft.partnerName}
                  onChange={(e) => set({ partnerName: e.currentTarget.value })}
                  error={fields.error('partnerName')}
                />
              )}
              {partnership && (
                <Select
                  label="Form of partnership"
                  required
                  data={[...PARTNERSHIP_FORMS]}
                  value={draft.partnershipForm}
                  onChange={(v) => set({ partnershipForm: v as WarningNoticeDraft['partnershipForm'] })}
                  error={fields.error('partnershipForm')}
                />
              )}
            </SimpleGrid>
          )}
          <NotesField
            value={draft.notes}
            onChange={(notes) => set({ notes })}
            error={fields.error('notes')}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
