import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  meetingDraft,
  milestoneDraft,
  projectLabels,
  type MeetingDraft,
  type MilestoneDraft,
} from '../../../../shared/api/projects';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../../../../shared/domain/projects';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft } from '../../components/RecordModal';
import type { ProjectRecordProps } from './forms';

/** One step of the project's action plan: what, who, by when, and how it stands. */
export function MilestoneForm({
  projectId,
  milestone,
  onClose,
  onSaved,
  onDeleted,
}: ProjectRecordProps & { milestone?: (MilestoneDraft & { id: number }) | undefined }) {
  const [draft, set, initial] = useDraft((): MilestoneDraft => ({
    projectId,
    description: milestone?.description ?? '',
    owner: milestone?.owner ?? '',
    dueOn: milestone?.dueOn ?? todayInLondon(),
    status: milestone?.status ?? 'Not started',
    notes: milestone?.notes ?? '',
  }));
  return (
    <RecordModal
      title={milestone ? 'Update milestone' : 'Add a milestone'}
      submitLabel={milestone ? 'Save milestone' : 'Add milestone'}
      rules={milestoneDraft}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('projects.saveMilestone', { ...(milestone ? { id: milestone.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        milestone
          ? {
              label: 'Delete',
              question: `Delete the milestone due ${formatDate(milestone.dueOn)}?`,
              run: () => call('projects.deleteMilestone', { id: milestone.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Milestone deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <Textarea
            label="Milestone"
            required
            autosize
            minRows={2}
            style={{ gridColumn: '1 / -1' }}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fields.error('description')}
          />
          <TextInput
            label="Owner"
            required
            value={draft.owner}
            onChange={(e) => set({ owner: e.currentTarget.value })}
            error={fields.error('owner')}
          />
          <DateField
            label="Due"
            required
            value={draft.dueOn}
            onChange={(iso) => set({ dueOn: iso })}
            {...fields.date('dueOn')}
          />
          <Select
            label="Status"
            required
            data={[...MILESTONE_STATUSES]}
            value={draft.status}
            onChange={(v) => v && set({ status: v as MilestoneStatus })}
            allowDeselect={false}
            error={fields.error('status')}
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

/** A meeting of the project group: when, who came, what was agreed. */
export function MeetingForm({
  projectId,
  meeting,
  onClose,
  onSaved,
  onDeleted,
}: ProjectRecordProps & { meeting?: (MeetingDraft & { id: number }) | undefined }) {
  const [draft, set, initial] = useDraft((): MeetingDraft => ({
    projectId,
    metOn: meeting?.metOn ?? todayInLondon(),
    attendees: meeting?.attendees ?? '',
    notes: meeting?.notes ?? '',
  }));
  return (
    <RecordModal
      title={meeting ? 'Update meeting' : 'Record a meeting'}
      submitLabel={meeting ? 'Save meeting' : 'Record meeting'}
      rules={meetingDraft}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('projects.saveMeeting', { ...(meeting ? { id: meeting.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        meeting
          ? {
              label: 'Delete',
              question: `Delete the meeting of ${formatDate(meeting.metOn)}?`,
              run: () => call('projects.deleteMeeting', { id: meeting.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Meeting deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Meeting date"
            required
            value={draft.metOn}
            onChange={(iso) => set({ metOn: iso })}
            {...fields.date('metOn')}
          />
          <Textarea
            label="Attendees"
            required
            autosize
            minRows={1}
            value={draft.attendees}
            onChange={(e) => set({ attendees: e.currentTarget.value })}
            error={fields.error('attendees')}
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
