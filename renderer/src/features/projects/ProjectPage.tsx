import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { ProjectDetail } from '../../../../shared/api/projects';
import { formatDate, formatPounds } from '../../../../shared/domain/format';
import { COST_SOURCE_LABELS, COST_SOURCES, PSS_CAPS } from '../../../../shared/domain/money';
import { DECISION_LABELS } from '../../../../shared/domain/projects';
import { useOperation } from '../../api';
import { RagBadge } from '../../components/RagBadge';
import { Section } from '../../components/Section';
import { showUndoNotice } from '../../components/UndoNotice';
import { SupportReceived } from '../partnerships';
import { CostForm } from './CostForm';
import { DecisionForm } from './DecisionForm';
import { MeetingForm, MilestoneForm } from './PlanForms';
import { ProjectForm } from './ProjectForm';
import { ReportForm } from './ReportForm';

type Editing =
  | { kind: 'project' }
  | { kind: 'milestone'; record?: ProjectDetail['milestones'][number] }
  | { kind: 'meeting'; record?: ProjectDetail['meetings'][number] }
  | { kind: 'report'; record?: ProjectDetail['reports'][number] }
  | { kind: 'cost'; record?: ProjectDetail['costs'][number] }
  | { kind: 'decision' };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** What the DSIM must act on, in words: each of the project's clocks that has run out. */
function warnings(p: ProjectDetail): string[] {
  return [
    p.flags.reviewDue ? `The review was due on ${formatDate(p.reviewOn)}: record a decision.` : '',
    p.flags.threeTermsWithoutImprovement
      ? 'Three terms have passed without a report of significant improvement: consider referring the school to DMT.'
      : '',
    p.flags.meetingOverdue
      ? `The project group ${p.lastMetOn ? `last met on ${formatDate(p.lastMetOn)}` : 'has not met'}, more than a half-term ago: a Stage 3 group meets at least half-termly.`
      : '',
    p.flags.overdueMilestones > 0
      ? `${p.flags.overdueMilestones} ${p.flags.overdueMilestones === 1 ? 'milestone is' : 'milestones are'} overdue.`
      : '',
  ].filter(Boolean);
}

/** An intervention project: its team, plan, meetings, termly reports, costs and review decisions. */
export function ProjectPage({
  id,
  onOpenSchool,
  onOpenConcern,
}: {
  id: number;
  onOpenSchool: (schoolId: number) => void;
  /** Given once there is a concern page to go to. */
  onOpenConcern?: (concernId: number) => void;
}) {
  const { data: project, error, reload } = useOperation('projects.get', { id });
  const org = useOperation('organisation.get', {}).data;
  const [editing, setEditing] = useState<Editing | null>(null);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!project || project.id !== id) return <Text c="dimmed">Loading…</Text>;
  const closed = project.status === 'Closed';

  const close = () => setEditing(null);
  const saved = (message: string) => () => {
    setEditing(null);
    reload();
    notifications.show({ message });
  };
  const deleted = (auditId: number, message: string) => {
    setEditing(null);
    reload();
    showUndoNotice(message, auditId, reload);
  };
  const common = { projectId: id, onClose: close, onDeleted: deleted };
  const edit = (label: string, open: () => void): ReactNode =>
    closed ? null : (
      <Anchor component="button" size="sm" onClick={open}>
        {label}
      </Anchor>
    );

  return (
    <Stack maw={1100}>
      <Group gap="md">
        <Anchor component="button" size="sm" onClick={() => onOpenSchool(project.schoolId)}>
          ← {project.school}
        </Anchor>
        {project.concernId !== null && onOpenConcern && (
          <Anchor component="button" size="sm" onClick={() => onOpenConcern(project.concernId!)}>
            The concern
          </Anchor>
        )}
      </Group>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>Intervention project</Title>
          <Group gap="xs" mt={4}>
            <Text>{project.school}</Text>
            <Badge variant="light">{project.stage}</Badge>
            <Badge color={closed ? 'gray' : project.status === 'Open' ? 'blue' : 'grape'}>
              {project.status}
              {project.closedOn ? ` ${formatDate(project.closedOn)}` : ''}
            </Badge>
            <RagBadge rag={project.rag} />
          </Group>
        </div>
        {!closed && org && (
          <Group>
            <Button variant="default" onClick={() => setEditing({ kind: 'project' })}>
              Edit project
            </Button>
            <Button onClick={() => setEditing({ kind: 'decision' })}>Record review decision</Button>
          </Group>
        )}
      </Group>

      {!closed && warnings(project).length > 0 && (
        <Alert color="orange" title="Needs attention" role="status">
          <List size="sm">
            {warnings(project).map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          {(
            [
              ['Lead officer', project.leadOfficer],
              ['Project team', project.team.join(', ') || '—'],
              ['Started', formatDate(project.startedOn)],
              [
                'Review deadline',
                `${formatDate(project.reviewOn)} (at the latest ${formatDate(project.latestReviewOn)})`,
              ],
              ['Last group meeting', project.lastMetOn ? formatDate(project.lastMetOn) : 'None yet'],
              [
                'Cost',
                `${formatPounds(project.totalPence)} in all, ${formatPounds(project.fundPence)} from the fund · ${days(project.days)}`,
              ],
            ] as const
          ).map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap" align="start">
              <Text component="dt" c="dimmed" w={150} size="sm">
                {label}
              </Text>
              <Text component="dd" m={0} size="sm">
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="sm">
          Objectives
        </Text>
        <List type="ordered" size="sm">
          {project.objectives.map((o) => (
            <List.Item key={o}>{o}</List.Item>
          ))}
        </List>
      </Paper>

      <Section
        title="Action plan"
        action={closed ? undefined : 'Add milestone'}
        onAction={() => setEditing({ kind: 'milestone' })}
        empty={project.milestones.length === 0 && 'No milestones yet: add the steps of the action plan.'}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.milestones.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.description}</Table.Td>
                <Table.Td>{m.owner}</Table.Td>
                <Table.Td>
                  {formatDate(m.dueOn)}{' '}
                  {m.overdue && (
                    <Badge color="red" size="sm" variant="light">
                      Overdue
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{m.status}</Table.Td>
                <Table.Td ta="right">
                  {edit('Update', () => setEditing({ kind: 'milestone', record: m }))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section
        title="Group meetings"
        action={closed ? undefined : 'Record meeting'}
        onAction={() => setEditing({ kind: 'meeting' })}
        empty={project.meetings.length === 0 && 'The project group has not met yet.'}
      >
        <Table striped>
          <Table.Tbody>
            {project.meetings.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td w={110}>{formatDate(m.metOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.attendees}</Text>
                  {m.notes && (
                    <Text size="sm" c="dimmed">
                      {m.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {edit('Update', () => setEditing({ kind: 'meeting', record: m }))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section
        title="Termly progress reports"
        action={closed ? undefined : 'Write report'}
        onAction={() => setEditing({ kind: 'report' })}
        empty={project.reports.length === 0 && 'No termly report yet.'}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th>Overall</Table.Th>
              <Table.Th>Objectives</Table.Th>
              <Table.Th>Impact</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.label}</Table.Td>
                <Table.Td>
                  <RagBadge rag={r.overall} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {r.ratings.map((x) => (
                      <span key={x.objective} title={x.objective}>
                        <RagBadge rag={x.rag} />
                      </span>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {r.significantImprovement ? 'Significant improvement. ' : ''}
                    {r.impactEvidence}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {edit('Update', () => setEditing({ kind: 'report', record: r }))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section
        title="Costs"
        action={closed ? undefined : 'Record cost'}
        onAction={() => setEditing({ kind: 'cost' })}
      >
        <CostsBySource project={project} />
        {project.costs.length > 0 && (
          <Table striped mt="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Days</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.costs.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.incurredOn)}</Table.Td>
                  <Table.Td>{COST_SOURCE_LABELS[c.source]}</Table.Td>
                  <Table.Td>
                    {c.description}
                    {c.exceptionReason && (
                      <Text size="xs" c="orange.8">
                        Exception to the cap: {c.exceptionReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c.days}</Table.Td>
                  <Table.Td ta="right">{formatPounds(c.amountPence)}</Table.Td>
                  <Table.Td>{c.status}</Table.Td>
                  <Table.Td ta="right">
                    {edit('Update', () => setEditing({ kind: 'cost', record: c }))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <SupportReceived school={{ id: project.schoolId, name: project.school }} onOpenSchool={onOpenSchool} />

      <Section
        title="Review decisions"
        empty={
          project.decisions.length === 0 &&
          `No decision yet. The review is due by ${formatDate(project.reviewOn)}.`
        }
      >
        <Table striped>
          <Table.Tbody>
            {project.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td w={110}>{formatDate(d.decidedOn)}</Table.Td>
                <Table.Td w={140}>
                  <Text fw={600} size="sm">
                    {DECISION_LABELS[d.decision]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.reason}
                  {d.nextReviewOn && (
                    <Text size="sm" c="dimmed">
                      Next review by {formatDate(d.nextReviewOn)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {editing?.kind === 'project' && org && (
        <ProjectForm
          org={org}
          schoolId={project.schoolId}
          project={project}
          onClose={close}
          onSaved={saved('Project saved.')}
          onDeleted={(auditId) => {
            setEditing(null);
            showUndoNotice('Project deleted.', auditId, reload);
            onOpenSchool(project.schoolId);
          }}
        />
      )}
      {editing?.kind === 'milestone' && (
        <MilestoneForm {...common} milestone={editing.record} onSaved={saved('Milestone saved.')} />
      )}
      {editing?.kind === 'meeting' && (
        <MeetingForm {...common} meeting={editing.record} onSaved={saved('Meeting saved.')} />
      )}
      {editing?.kind === 'report' && (
        <ReportForm
          {...common}
          objectives={project.objectives}
          report={editing.record}
          onSaved={saved('Report saved.')}
        />
      )}
      {editing?.kind === 'cost' && (
        <CostForm {...common} cost={editing.record} onSaved={saved('Cost saved.')} />
      )}
      {editing?.kind === 'decision' && (
        <DecisionForm projectId={id} onClose={close} onSaved={saved('Decision recorded.')} />
      )}
    </Stack>
  );
}

/** Each source's total, and for Priority School Support how much of its cap is used. */
function CostsBySource({ project }: { project: ProjectDetail }) {
  const lines = COST_SOURCES.map((source) => {
    const costs = project.costs.filter((c) => c.source === source);
    const pence = costs.reduce((sum, c) => sum + c.amountPence, 0);
    const used = costs.reduce((sum, c) => sum + c.days, 0);
    return { source, pence, used, cap: PSS_CAPS[source], any: costs.length > 0 };
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {lines.map((l) => (
        <Paper key={l.source} p="xs" bg="gray.0" data-testid={`cost-source-${l.source}`}>
          <Text size="xs" c="dimmed">
            {COST_SOURCE_LABELS[l.source]}
          </Text>
          <Text size="sm" fw={500}>
            {l.cap
              ? `${formatPounds(l.pence)} of ${formatPounds(l.cap.pence)} · ${l.used} of ${days(l.cap.days)}`
              : l.any
                ? `${formatPounds(l.pence)} · ${days(l.used)}`
                : 'None'}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
