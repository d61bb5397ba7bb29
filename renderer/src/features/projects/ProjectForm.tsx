import { Select, SimpleGrid, TagsInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import {
  projectDraft,
  projectLabels,
  type ProjectDetail,
  type ProjectDraft,
} from '../../../../shared/api/projects';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { latestReview, PROJECT_STAGES, type ProjectStage } from '../../../../shared/domain/projects';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';

type Org = OpOutput<'organisation.get'>;
type Draft = Omit<ProjectDraft, 'leadOfficerId'> & { leadOfficerId: number | null };

/** Objectives are typed one a line; blank lines are not objectives. */
const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** Starting a project for a school (and the concern it serves), or correcting one. */
export function ProjectForm({
  org,
  schoolId,
  concernId = null,
  stage = 'Stage 2',
  project,
  onClose,
  onSaved,
  onDeleted,
}: {
  org: Org;
  schoolId: number;
  concernId?: number | null;
  stage?: ProjectStage;
  project?: ProjectDetail;
  onClose: () => void;
  onSaved: (saved: ProjectDetail) => void;
  onDeleted?: (auditId: number) => void;
}) {
  const [draft, set, initial] = useDraft((): Draft => ({
    schoolId,
    concernId: project?.concernId ?? concernId,
    stage: project?.stage ?? stage,
    leadOfficerId: project?.leadOfficerId ?? null,
    team: project?.team ?? [],
    objectives: project?.objectives ?? [],
    startedOn: project?.startedOn ?? todayInLondon(),
    reviewOn: project?.reviewOn ?? latestReview(todayInLondon()),
  }));
  // What was typed, blank lines and all, so a new line being started does not vanish under the cursor.
  const [objectivesText, setObjectivesText] = useState(() => draft.objectives.join('\n'));
  const saved = useRef<ProjectDetail | null>(null);
  return (
    <RecordModal
      title={project ? 'Update project' : 'Start an intervention project'}
      submitLabel={project ? 'Save project' : 'Start project'}
      rules={projectDraft}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={async (checked) => {
        saved.current = await call('projects.save', {
          ...(project ? { id: project.id } : {}),
          draft: checked,
        });
      }}
      onClose={onClose}
      onSaved={() => saved.current && onSaved(saved.current)}
      remove={
        project && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the project started on ${formatDate(project.startedOn)}, with its plan, meetings, reports and costs?`,
              run: () => call('projects.delete', { id: project.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <TypeaheadSelect
            label="Lead officer"
            required
            data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.leadOfficerId === null ? null : String(draft.leadOfficerId)}
            onChange={(v) => set({ leadOfficerId: v ? Number(v) : null })}
            error={fields.error('leadOfficerId')}
          />
          <Select
            label="Serves"
            required
            data={[...PROJECT_STAGES]}
            value={draft.stage}
            onChange={(v) => v && set({ stage: v as ProjectStage })}
            allowDeselect={false}
            error={fields.error('stage')}
          />
          <DateField
            label="Started"
            required
            value={draft.startedOn}
            onChange={(iso) => set({ startedOn: iso })}
            {...fields.date('startedOn')}
          />
          <DateField
            label="Review deadline"
            required
            value={draft.reviewOn}
            onChange={(iso) => set({ reviewOn: iso })}
            {...fields.date('reviewOn')}
          />
          <TagsInput
            label="Project team"
            description="Type a name and press Enter"
            style={{ gridColumn: '1 / -1' }}
            value={draft.team}
            onChange={(team) => set({ team })}
            error={fields.error('team')}
          />
          <Textarea
            label="Objectives"
            description="One a line"
            required
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            value={objectivesText}
            onChange={(e) => {
              setObjectivesText(e.currentTarget.value);
              set({ objectives: linesOf(e.currentTarget.value) });
            }}
            error={fields.error('objectives')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
