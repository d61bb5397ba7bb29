import { SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { decisionDraft, projectLabels, type DecisionDraft } from '../../../../shared/api/projects';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { DECISION_LABELS, DECISIONS, latestReview, type Decision } from '../../../../shared/domain/projects';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';

/**
 * A review decision by the DSIM, lead officer and team: continue (with the next review, at most two
 * terms on), refer the school to DMT, or close the project.
 */
export function DecisionForm({
  projectId,
  onClose,
  onSaved,
}: {
  projectId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft((): DecisionDraft => ({
    decidedOn: todayInLondon(),
    decision: 'continue',
    reason: '',
    nextReviewOn: latestReview(todayInLondon()),
  }));
  return (
    <RecordModal
      title="Record a review decision"
      submitLabel="Record decision"
      rules={decisionDraft}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('projects.decide', { id: projectId, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4} id="decision-label">
              Decision
            </Text>
            <SegmentedControl
              aria-labelledby="decision-label"
              data={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
              value={draft.decision}
              onChange={(v) =>
                set({
                  decision: v as Decision,
                  nextReviewOn:
                    v === 'continue'
                      ? (draft.nextReviewOn ?? (draft.decidedOn ? latestReview(draft.decidedOn) : null))
                      : null,
                })
              }
            />
          </div>
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label="Decision date"
              required
              value={draft.decidedOn}
              onChange={(iso) => set({ decidedOn: iso })}
              {...fields.date('decidedOn')}
            />
            {draft.decision === 'continue' && (
              <DateField
                label="Next review"
                required
                value={draft.nextReviewOn ?? null}
                onChange={(iso) => set({ nextReviewOn: iso || null })}
                {...fields.date('nextReviewOn')}
              />
            )}
          </SimpleGrid>
          {draft.decision === 'continue' && draft.decidedOn && (
            <Text size="xs" c="dimmed">
              At most two terms on: by {formatDate(latestReview(draft.decidedOn))}.
            </Text>
          )}
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            value={draft.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={fields.error('reason')}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
