import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ConcernRow } from '../../../../shared/api/concerns';
import { STAGE_DUTIES, STAGE_NAMES } from '../../../../shared/domain/concerns';
import { formatDate, formatPounds } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { RagBadge } from '../../components/RagBadge';
import { Section } from '../../components/Section';
import { showUndoNotice } from '../../components/UndoNotice';
import { SupportReceived } from '../partnerships';
import { ProjectForm } from '../projects';
import { ClosureForm } from './ClosureForm';
import { ConcernForm } from './ConcernForm';
import { ConcernLetters } from './ConcernLetter';
import { FollowUpSection } from './FollowUpSection';
import { NotificationForm } from './NotificationForm';
import { DutyForm, StageChangeForm } from './StageForms';
import { WarningNotices } from './WarningNotices';

type Editing =
  | { kind: 'concern' | 'stage' | 'notify' | 'close' | 'project' }
  | { kind: 'duty'; code: string; label: string };

/** One school's concern: why, what the school was told, its stage and duties, and what is being done. */
export function ConcernPage({
  id,
  onBack,
  onOpenSchool,
  onOpenProject,
}: {
  id: number;
  onBack: () => void;
  onOpenSchool: (schoolId: number) => void;
  onOpenProject: (projectId: number) => void;
}) {
  const { data: concern, error, reload } = useOperation('concerns.get', { id });
  const org = useOperation('organisation.get', {}).data;
  const [editing, setEditing] = useState<Editing | null>(null);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!concern || concern.id !== id) return <Text c="dimmed">Loading…</Text>;
  const open = concern.closedOn === null;
  const close = () => setEditing(null);
  const saved = (message: string) => () => {
    setEditing(null);
    reload();
    notifications.show({ message });
  };

  return (
    <Stack maw={1100}>
      <Group gap="md">
        <Anchor component="button" size="sm" onClick={onBack}>
          ← Concern register
        </Anchor>
        <Anchor component="button" size="sm" onClick={() => onOpenSchool(concern.schoolId)}>
          {concern.school}
        </Anchor>
      </Group>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{concern.school}</Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">
              {concern.dfe} · causing concern since {formatDate(concern.openedOn)}
            </Text>
            <Badge size="lg" color={concern.stage === 3 ? 'red' : concern.stage === 2 ? 'orange' : 'yellow'}>
              Stage {concern.stage}
            </Badge>
            {!open && (
              <Badge color="gray" size="lg">
                Closed {formatDate(concern.closedOn!)}
              </Badge>
            )}
          </Group>
        </div>
        {open && org && (
          <Group>
            <Button variant="default" onClick={() => setEditing({ kind: 'concern' })}>
              Edit
            </Button>
            <Button onClick={() => setEditing({ kind: 'stage' })}>Change stage</Button>
            <Button variant="default" onClick={() => setEditing({ kind: 'close' })}>
              Close concern
            </Button>
          </Group>
        )}
      </Group>

      {open && concern.suggestsStage3 && (
        <Alert color="orange" title="Progress found wanting" role="status">
          The school’s progress was looked at and found wanting: take a decision on Stage 3 to the group.
        </Alert>
      )}
      {!open && concern.outcome && (
        <Alert color="gray" title="Outcome">
          {concern.outcome}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          {(
            [
              ['Source', concern.source],
              ['Raised by', concern.raisedBy ?? '—'],
              [
                'District Focus Group',
                concern.focusGroupOn ? `Identified ${formatDate(concern.focusGroupOn)}` : 'Not yet',
              ],
              [
                'Intervention/Resource Group',
                concern.digConfirmedOn ? `Confirmed ${formatDate(concern.digConfirmedOn)}` : 'Not yet',
              ],
            ] as const
          ).map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap" align="start">
              <Text component="dt" c="dimmed" w={190} size="sm">
                {label}
              </Text>
              <Text component="dd" m={0} size="sm">
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="sm">
          Factors
        </Text>
        <Group gap={6} mt={4}>
          {concern.factors.map((f) => (
            <Badge key={f} variant="light" color="gray" tt="none">
              {f}
            </Badge>
          ))}
        </Group>
        {concern.factorNotes && (
          <Text size="sm" mt="xs">
            {concern.factorNotes}
          </Text>
        )}
      </Paper>

      <Section
        title="Notification to the school"
        action={open ? (concern.notifiedOn ? 'Update' : 'Record notification') : undefined}
        onAction={() => setEditing({ kind: 'notify' })}
        empty={
          !concern.notifiedOn &&
          'The headteacher and chair of governors have not yet been told that the school causes concern.'
        }
      >
        <Text size="sm" fw={500}>
          Told on {formatDate(concern.notifiedOn ?? '')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {concern.notification}
        </Text>
      </Section>

      <ConcernLetters concern={concern} onSaved={reload} />

      <Duties concern={concern} onTick={(code, label) => setEditing({ kind: 'duty', code, label })} />

      <Section title="Stage decisions">
        <Table striped>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td w={110}>{formatDate(concern.openedOn)}</Table.Td>
              <Table.Td w={170}>Opened at Stage {concern.decisions[0]?.from ?? concern.stage}</Table.Td>
              <Table.Td>{concern.source}</Table.Td>
            </Table.Tr>
            {concern.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDate(d.decidedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    Stage {d.from} → {d.to}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.reason}</Text>
                  <Text size="xs" c="dimmed">
                    Decided by {d.decidedBy}
                    {d.meeting ? ` at ${d.meeting}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <WarningNotices schoolId={concern.schoolId} readOnly={!open} onChanged={reload} />
      {org && <FollowUpSection org={org} schoolId={concern.schoolId} />}
      <SupportReceived school={{ id: concern.schoolId, name: concern.school }} onOpenSchool={onOpenSchool} />
      <Projects
        concern={concern}
        onStart={open && org ? () => setEditing({ kind: 'project' }) : undefined}
        onOpen={onOpenProject}
      />

      {org && editing?.kind === 'concern' && (
        <ConcernForm
          org={org}
          schoolId={concern.schoolId}
          concern={concern}
          onClose={close}
          onSaved={saved('Concern saved.')}
          onDeleted={(auditId) => {
            setEditing(null);
            showUndoNotice('Concern deleted.', auditId, reload);
            onBack();
          }}
        />
      )}
      {org && editing?.kind === 'stage' && (
        <StageChangeForm org={org} concern={concern} onClose={close} onSaved={saved('Stage changed.')} />
      )}
      {org && editing?.kind === 'duty' && (
        <DutyForm
          org={org}
          concernId={concern.id}
          duty={editing}
          check={concern.duties.find((d) => d.duty === editing.code)}
          onClose={close}
          onSaved={saved('Duty saved.')}
        />
      )}
      {editing?.kind === 'notify' && (
        <NotificationForm concern={concern} onClose={close} onSaved={saved('Notification saved.')} />
      )}
      {editing?.kind === 'close' && (
        <ClosureForm concern={concern} onClose={close} onSaved={saved('Concern closed.')} />
      )}
      {org && editing?.kind === 'project' && (
        <ProjectForm
          org={org}
          schoolId={concern.schoolId}
          concernId={concern.id}
          stage={concern.stage === 3 ? 'Stage 3' : 'Stage 2'}
          onClose={close}
          onSaved={(project) => {
            setEditing(null);
            onOpenProject(project.id);
          }}
        />
      )}
    </Stack>
  );
}

/** The current stage's duties as a checklist: ticked when done, with the date and who. */
function Duties({ concern, onTick }: { concern: ConcernRow; onTick: (code: string, label: string) => void }) {
  const duties = STAGE_DUTIES[concern.stage];
  const open = concern.closedOn === null;
  return (
    <Section
      title={`${STAGE_NAMES[concern.stage]}: duties`}
      empty={duties.length === 0 && 'A watching brief: nothing beyond the termly SIP visits.'}
    >
      <Stack gap={6} role="list" aria-label="Duties">
        {duties.map((duty) => {
          const check = concern.duties.find((d) => d.duty === duty.code);
          const missing = concern.missingDuties.find((m) => m.code === duty.code);
          return (
            <Group key={duty.code} justify="space-between" wrap="nowrap" role="listitem">
              <Checkbox
                label={duty.label}
                checked={check?.done ?? false}
                disabled={!open}
                onChange={() => onTick(duty.code, duty.label)}
              />
              <Text size="sm" c={missing ? 'orange.8' : 'dimmed'} ta="right">
                {check?.done
                  ? `Done ${formatDate(check.checkedOn ?? '')}${check.by ? ` by ${check.by}` : ''}${missing ? ', not this half-term' : ''}`
                  : missing
                    ? 'Missing'
                    : ''}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Section>
  );
}

/** The intervention projects serving this concern. */
function Projects({
  concern,
  onStart,
  onOpen,
}: {
  concern: ConcernRow;
  onStart: (() => void) | undefined;
  onOpen: (projectId: number) => void;
}) {
  const { data } = useOperation('projects.list', { concernId: concern.id, includeClosed: true });
  return (
    <Section
      title="Intervention projects"
      action={concern.stage >= 2 ? 'Start a project' : undefined}
      onAction={onStart}
      empty={data && data.length === 0 && 'No intervention project yet.'}
    >
      <Table striped>
        <Table.Tbody>
          {(data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component="button" size="sm" onClick={() => onOpen(p.id)}>
                  {p.stage} project, started {formatDate(p.startedOn)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  Led by {p.leadOfficer} · review by {formatDate(p.reviewOn)}
                </Text>
              </Table.Td>
              <Table.Td>{p.status}</Table.Td>
              <Table.Td>
                <RagBadge rag={p.rag} />
              </Table.Td>
              <Table.Td ta="right">{formatPounds(p.totalPence)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
