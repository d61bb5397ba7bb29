import {
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { DecisionOption, MeetingRow } from '../../../../shared/api/meetings';
import { STAGES } from '../../../../shared/domain/concerns';
import { formatDate } from '../../../../shared/domain/format';
import {
  DECISION_KIND_LABELS,
  DECISION_KINDS,
  decisionDraft,
  type DecisionDraft,
  type DecisionKind,
} from '../../../../shared/domain/meetings';
import { COST_SOURCE_LABELS, COST_SOURCES, type CostSource } from '../../../../shared/domain/money';
import { DECISION_LABELS, DECISIONS, type Decision } from '../../../../shared/domain/projects';
import { call, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { penceFrom } from '../projects';
import { meetingDraftOf } from './drafts';

/** What each kind of decision needs the school to have. */
const HAS: Record<DecisionKind, (o: DecisionOption) => boolean> = {
  category: (o) => o.proposals.length > 0,
  stage: (o) => o.concern !== null,
  project: (o) => o.projects.length > 0,
  funding: (o) => o.projects.length > 0,
};

/** Everything any kind of decision asks, kept while the user switches kind; the draft takes its kind's part. */
interface Answers {
  kind: DecisionKind;
  schoolId: number | null;
  subjectId: number | null;
  category: number;
  notes: string;
  to: number;
  reason: string;
  decidedById: number | null;
  decision: Decision;
  nextReviewOn: string | null;
  source: CostSource;
  description: string;
  days: number | string;
  pounds: number | string;
}

function draftOf(a: Answers): object {
  const common = { kind: a.kind, schoolId: a.schoolId, subjectId: a.subjectId };
  switch (a.kind) {
    case 'category':
      return { ...common, category: a.category, notes: a.notes };
    case 'stage':
      return { ...common, to: a.to, reason: a.reason, decidedById: a.decidedById };
    case 'project':
      return {
        ...common,
        decision: a.decision,
        reason: a.reason,
        nextReviewOn: a.decision === 'continue' ? a.nextReviewOn : null,
      };
    case 'funding':
      return {
        ...common,
        source: a.source,
        description: a.description,
        days: typeof a.days === 'number' ? a.days : Number.NaN,
        amountPence: penceFrom(a.pounds),
        exceptionReason: '',
      };
  }
}

/**
 * A decision the minutes record, about one school in the meeting's area with something to decide:
 * its category proposal, its concern's stage, its project, or funding for that project. It changes
 * nothing until the meeting's decisions are applied.
 */
export function DecisionForm({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: MeetingRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const options = useOperation('meetings.decisionOptions', { meetingId: meeting.id }).data ?? [];
  const people = useOperation('organisation.get', {}).data?.people ?? [];
  const chair = people.find((p) => p.roles.includes('Head of SID'));
  const [answers, setAnswers] = useState<Answers>({
    kind: 'stage',
    schoolId: null,
    subjectId: null,
    category: 3,
    notes: '',
    to: 2,
    reason: '',
    decidedById: null,
    decision: 'continue',
    nextReviewOn: null,
    source: 'pss-monitoring',
    description: '',
    days: 0,
    pounds: '',
  });
  const set = (patch: Partial<Answers>) => setAnswers((a) => ({ ...a, ...patch }));
  const shown = { ...answers, decidedById: answers.decidedById ?? chair?.id ?? null };
  const draft = draftOf(shown);
  const [initial] = useState(draft);
  const choices = options.filter(HAS[answers.kind]);
  const school = choices.find((o) => o.schoolId === answers.schoolId);

  /** Choosing a school picks what is to be decided there, and a sensible starting answer. */
  const chooseSchool = (id: number | null, kind = answers.kind) => {
    const o = options.find((x) => x.schoolId === id && HAS[kind](x));
    if (!o) return set({ kind, schoolId: null, subjectId: null });
    if (kind === 'category')
      return set({
        kind,
        schoolId: o.schoolId,
        subjectId: o.proposals[0]!.id,
        category: o.proposals[0]!.proposedCategory,
      });
    if (kind === 'stage')
      return set({
        kind,
        schoolId: o.schoolId,
        subjectId: o.concern!.id,
        to: Math.min(o.concern!.stage + 1, 3),
      });
    return set({ kind, schoolId: o.schoolId, subjectId: o.projects[0]!.id });
  };

  return (
    <RecordModal
      title="Record a decision"
      submitLabel="Add decision"
      rules={decisionDraft}
      labels={{
        schoolId: 'School',
        subjectId: 'What is decided',
        decidedById: 'Decided by',
        amountPence: 'Amount',
      }}
      initial={initial}
      draft={draft}
      save={(checked: DecisionDraft) => {
        const current = meetingDraftOf(meeting);
        return call('meetings.save', {
          id: meeting.id,
          draft: { ...current, decisions: [...current.decisions, checked] },
        });
      }}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <Stack gap="sm">
          <Select
            label="Decision"
            data={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }))}
            value={answers.kind}
            onChange={(v) => v && chooseSchool(answers.schoolId, v as DecisionKind)}
            allowDeselect={false}
          />
          <TypeaheadSelect
            label="School"
            required
            placeholder={choices.length ? 'Choose a school' : 'No school here has this to decide'}
            data={choices.map((o) => ({ value: String(o.schoolId), label: `${o.school} (${o.dfe})` }))}
            value={answers.schoolId === null ? null : String(answers.schoolId)}
            onChange={(v) => chooseSchool(v ? Number(v) : null)}
            error={fields.error('schoolId')}
          />
          {school && answers.kind === 'category' && (
            <>
              <Select
                label="Proposal"
                data={school.proposals.map((p) => ({
                  value: String(p.id),
                  label: `Category ${p.proposedCategory}, proposed ${formatDate(p.proposedOn)}`,
                }))}
                value={String(answers.subjectId)}
                onChange={(v) => v && set({ subjectId: Number(v) })}
                allowDeselect={false}
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="confirmed-label">
                  Category confirmed
                </Text>
                <SegmentedControl
                  aria-labelledby="confirmed-label"
                  data={['1', '2', '3', '4']}
                  value={String(answers.category)}
                  onChange={(v) => set({ category: Number(v) })}
                />
              </div>
              <Textarea
                label="Notes"
                autosize
                minRows={2}
                value={answers.notes}
                onChange={(e) => set({ notes: e.currentTarget.value })}
                error={fields.error('notes')}
              />
            </>
          )}
          {school?.concern && answers.kind === 'stage' && (
            <>
              <Text size="sm">Now at Stage {school.concern.stage}.</Text>
              <div>
                <Text size="sm" fw={500} mb={4} id="stage-label">
                  Move to
                </Text>
                <SegmentedControl
                  aria-labelledby="stage-label"
                  data={STAGES.filter((s) => s !== school.concern!.stage).map((s) => ({
                    value: String(s),
                    label: `Stage ${s}`,
                  }))}
                  value={String(answers.to)}
                  onChange={(v) => set({ to: Number(v) })}
                />
              </div>
              <Textarea
                label="Reason"
                required
                autosize
                minRows={2}
                value={answers.reason}
                onChange={(e) => set({ reason: e.currentTarget.value })}
                error={fields.error('reason')}
              />
              <Select
                label="Decided by"
                required
                searchable
                data={people.map((p) => ({ value: String(p.id), label: p.name }))}
                value={shown.decidedById === null ? null : String(shown.decidedById)}
                onChange={(v) => set({ decidedById: v ? Number(v) : null })}
                error={fields.error('decidedById')}
              />
            </>
          )}
          {school && (answers.kind === 'project' || answers.kind === 'funding') && (
            <Select
              label="Project"
              data={school.projects.map((p) => ({
                value: String(p.id),
                label: `Started ${formatDate(p.startedOn)} (${p.status})`,
              }))}
              value={String(answers.subjectId)}
              onChange={(v) => v && set({ subjectId: Number(v) })}
              allowDeselect={false}
            />
          )}
          {school && answers.kind === 'project' && (
            <>
              <SegmentedControl
                aria-label="Project decision"
                data={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
                value={answers.decision}
                onChange={(v) => set({ decision: v as Decision })}
              />
              {answers.decision === 'continue' && (
                <DateField
                  label="Next review"
                  required
                  value={answers.nextReviewOn}
                  onChange={(iso) => set({ nextReviewOn: iso || null })}
                  {...fields.date('nextReviewOn')}
                />
              )}
              <Textarea
                label="Reason"
                required
                autosize
                minRows={2}
                value={answers.reason}
                onChange={(e) => set({ reason: e.currentTarget.value })}
                error={fields.error('reason')}
              />
            </>
          )}
          {school && answers.kind === 'funding' && (
            <>
              <Select
                label="Paid from"
                data={COST_SOURCES.map((s) => ({ value: s, label: COST_SOURCE_LABELS[s] }))}
                value={answers.source}
                onChange={(v) => v && set({ source: v as CostSource })}
                allowDeselect={false}
              />
              <TextInput
                label="What for"
                required
                value={answers.description}
                onChange={(e) => set({ description: e.currentTarget.value })}
                error={fields.error('description')}
              />
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput
                  label="Officer days"
                  min={0}
                  step={0.5}
                  value={answers.days}
                  onChange={(v) => set({ days: v })}
                  error={fields.error('days')}
                />
                <NumberInput
                  label="Amount (£)"
                  required
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  value={answers.pounds}
                  onChange={(v) => set({ pounds: v })}
                  error={fields.error('amountPence')}
                />
              </SimpleGrid>
            </>
          )}
        </Stack>
      )}
    </RecordModal>
  );
}
