import { SimpleGrid, Text, Textarea } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import {
  followUpDraft,
  followUpLabels,
  type FollowUpDraft,
  type FollowUpView,
} from '../../../../shared/api/ofsted-follow-up';
import { formatDate } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';

type Org = OpOutput<'organisation.get'>;

/**
 * What the LA does after a Notice to Improve or Special Measures: the formal meeting, the core group,
 * the LA Statement of Action (due 10 working days after the report unless set), DMT, and an urgent
 * case's Secretary of State's notice, new statement and closure decision.
 */
export function FollowUpForm({
  org,
  view,
  onClose,
  onSaved,
}: {
  org: Org;
  view: FollowUpView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const f = view.followUp;
  const [draft, set, initial] = useDraft((): FollowUpDraft => ({
    inspectionId: view.inspection.id,
    reportOn: f?.reportOn ?? null,
    formalMeetingOn: f?.formalMeetingOn ?? null,
    formalMeetingAttendees: f?.formalMeetingAttendees ?? '',
    coreGroupChairId: f?.coreGroupChairId ?? null,
    coreGroupMembers: f?.coreGroupMembers ?? '',
    statementDueOn: f?.statementDueOn ?? null,
    statementSubmittedOn: f?.statementSubmittedOn ?? null,
    leadOfficerId: f?.leadOfficerId ?? null,
    dmtInvolvedOn: f?.dmtInvolvedOn ?? null,
    parentalEngagement: f?.parentalEngagement ?? '',
    sosNoticeOn: f?.sosNoticeOn ?? null,
    newStatementDueOn: f?.newStatementDueOn ?? null,
    newStatementSubmittedOn: f?.newStatementSubmittedOn ?? null,
    closureDecisionOn: f?.closureDecisionOn ?? null,
    closureDecision: f?.closureDecision ?? '',
    notes: f?.notes ?? '',
  }));
  const people = org.people.map((p) => ({ value: String(p.id), label: p.name }));
  const date = (field: keyof FollowUpDraft) => ({
    value: draft[field] as string | null,
    onChange: (iso: string) => set({ [field]: iso || null }),
  });
  const text = (field: keyof FollowUpDraft, label: string, error: string | undefined) => (
    <Textarea
      label={label}
      autosize
      minRows={1}
      value={draft[field] as string}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={error}
    />
  );
  const special = view.inspection.outcome === 'Special Measures';
  return (
    <RecordModal
      title={`Follow-up of the ${view.inspection.outcome} inspection of ${formatDate(view.inspection.inspectedOn)}`}
      submitLabel="Save follow-up"
      rules={followUpDraft}
      labels={followUpLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('ofstedFollowUp.save', { ...(f ? { id: f.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="Report date" {...date('reportOn')} {...fields.date('reportOn')} />
          <DateField
            label="Formal meeting"
            {...date('formalMeetingOn')}
            {...fields.date('formalMeetingOn')}
          />
          {text(
            'formalMeetingAttendees',
            'Who attended the formal meeting',
            fields.error('formalMeetingAttendees'),
          )}
          <TypeaheadSelect
            label="Core group chair (the DSIM)"
            clearable
            data={people}
            value={draft.coreGroupChairId === null ? null : String(draft.coreGroupChairId)}
            onChange={(v) => set({ coreGroupChairId: v ? Number(v) : null })}
            error={fields.error('coreGroupChairId')}
          />
          {text('coreGroupMembers', 'Core group members', fields.error('coreGroupMembers'))}
          <TypeaheadSelect
            label="Project lead officer"
            clearable
            data={people}
            value={draft.leadOfficerId === null ? null : String(draft.leadOfficerId)}
            onChange={(v) => set({ leadOfficerId: v ? Number(v) : null })}
            error={fields.error('leadOfficerId')}
          />
          <div>
            <DateField
              label="Statement of action due"
              {...date('statementDueOn')}
              {...fields.date('statementDueOn')}
            />
            {!draft.statementDueOn && (
              <Text size="xs" c="dimmed">
                Blank: 10 working days from the report, {formatDate(view.statementDueByDefault)} unless the
                report date says otherwise
              </Text>
            )}
          </div>
          <DateField
            label="Statement of action submitted"
            {...date('statementSubmittedOn')}
            {...fields.date('statementSubmittedOn')}
          />
          <DateField label="DMT involved" {...date('dmtInvolvedOn')} {...fields.date('dmtInvolvedOn')} />
          {text('parentalEngagement', 'Engaging parents', fields.error('parentalEngagement'))}
          {special && (
            <>
              <DateField
                label="Secretary of State's notice (urgent case)"
                {...date('sosNoticeOn')}
                {...fields.date('sosNoticeOn')}
              />
              <DateField
                label="New statement due"
                {...date('newStatementDueOn')}
                {...fields.date('newStatementDueOn')}
              />
              <DateField
                label="New statement submitted"
                {...date('newStatementSubmittedOn')}
                {...fields.date('newStatementSubmittedOn')}
              />
              <DateField
                label="Closure decision date"
                {...date('closureDecisionOn')}
                {...fields.date('closureDecisionOn')}
              />
              <Textarea
                label="Closure decision"
                autosize
                minRows={1}
                style={{ gridColumn: '1 / -1' }}
                value={draft.closureDecision}
                onChange={(e) => set({ closureDecision: e.currentTarget.value })}
                error={fields.error('closureDecision')}
              />
            </>
          )}
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
