import { Alert, Badge, Button, Chip, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntry, OpOutput, SchoolRow } from '../../../../shared/api/contract';
import { formatDate } from '../../../../shared/domain/format';
import {
  buildTimeline,
  TIMELINE_KINDS,
  type EditableKind,
  type TimelineItem,
  type TimelineKind,
} from '../../../../shared/domain/timeline';
import { call } from '../../api';
import { ConfirmCategoryForm, ProposeCategoryForm } from './CategoryForms';
import { InspectionForm, MonitoringVisitForm } from './OfstedForms';
import { ProfileForm } from './ProfileForm';
import { SefForm } from './SefForm';
import { SefTable } from './SefTable';
import { SupportBadge } from './SupportBadge';
import { showUndoNotice } from '../../components/UndoNotice';
import { VisitForm } from './VisitForm';

type Monitoring = OpOutput<'monitoring.school'>;
type Form =
  | 'visit'
  | 'propose'
  | 'sef'
  | 'inspection'
  | 'hmi'
  | 'profile'
  | { confirm: number }
  | { edit: NonNullable<TimelineItem['edit']> }
  | null;

/** What can be recorded from the school page, the most frequent first. */
const ACTIONS = [
  ['visit', 'Record visit'],
  ['propose', 'Propose category'],
  ['sef', 'Record SEF'],
  ['inspection', 'Ofsted inspection'],
  ['hmi', 'HMI visit'],
  ['profile', 'Termly profile'],
] as const;

const EDIT_LABELS: Record<EditableKind, string> = {
  visit: 'Update visit',
  proposal: 'Correct proposal',
  sef: 'Correct SEF',
  inspection: 'Correct inspection',
  hmi: 'Correct monitoring visit',
  profile: 'Correct profile',
};

/** The school's monitoring: where it stands now, what to record next, and its whole timeline. */
export function SchoolMonitoring({
  school,
  org,
  history,
  onChanged,
}: {
  school: SchoolRow;
  org: OpOutput<'organisation.get'>;
  history: AuditEntry[];
  onChanged: () => void;
}) {
  const [m, setM] = useState<Monitoring | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [kinds, setKinds] = useState<string[]>([...TIMELINE_KINDS]);
  const load = useCallback(() => {
    void call('monitoring.school', { schoolId: school.id }).then(setM);
  }, [school.id]);
  // Every record saved here is audited, so the school's history changes and this reloads.
  useEffect(load, [load, history]);
  const timeline = useMemo(() => (m ? buildTimeline(m, history) : []), [m, history]);

  const saved = (message: string) => () => {
    setForm(null);
    onChanged();
    notifications.show({ message });
  };
  const deleted = (auditId: number, message: string) => {
    setForm(null);
    onChanged();
    showUndoNotice(message, auditId, onChanged);
  };
  if (!m) return <Text c="dimmed">Loading…</Text>;
  const pending = m.categories.filter((c) => c.decidedOn === null);
  const shown = timeline.filter((item) => kinds.includes(item.kind));

  return (
    <Stack>
      {m.urgent && (
        <Alert color="red" title="Case urgent: new statement of action due" role="alert">
          The HMI monitoring visit of {formatDate(m.urgent.visitedOn)} found inadequate progress after Special
          Measures ({formatDate(m.urgent.inspectedOn)}). A new statement of action is due by{' '}
          {formatDate(m.urgent.statementDueOn)}.
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" align="start">
          <Group gap="xl">
            <div>
              <Text size="sm" c="dimmed">
                Category
              </Text>
              <Group gap={6} data-testid="current-category">
                <Text fw={600}>{school.category ?? 'None confirmed'}</Text>
                {school.supportLevel && <SupportBadge level={school.supportLevel} />}
              </Group>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                SIP days {m.sipDays.academicYear}
              </Text>
              <Group gap={6}>
                <Text fw={600} data-testid="sip-days">
                  {m.sipDays.used} of {m.sipDays.allocation}
                </Text>
                {m.sipDays.over && (
                  <Badge color="red" variant="light" size="sm">
                    over allocation
                  </Badge>
                )}
              </Group>
            </div>
          </Group>
          <Group gap="xs">
            {ACTIONS.map(([kind, label], i) => (
              <Button
                key={kind}
                size="xs"
                variant={i === 0 ? 'filled' : 'light'}
                onClick={() => setForm(kind)}
              >
                {label}
              </Button>
            ))}
          </Group>
        </Group>
        {pending.map((p) => (
          <Alert
            key={p.id}
            color="blue"
            mt="sm"
            title={`Category ${p.proposedCategory} proposed ${formatDate(p.proposedOn)}`}
          >
            <Group justify="space-between">
              <Text size="sm">
                {p.source}
                {p.proposedBy ? `, ${p.proposedBy}` : ''}: {p.evidence}
              </Text>
              <Button size="xs" onClick={() => setForm({ confirm: p.id })}>
                Record DIG decision
              </Button>
            </Group>
          </Alert>
        ))}
      </Paper>
      <SefTable sefs={m.sef} />

      <Group justify="space-between">
        <Title order={3}>Timeline</Title>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap={6} aria-label="Show in the timeline">
            {TIMELINE_KINDS.map((kind: TimelineKind) => (
              <Chip key={kind} value={kind} size="xs">
                {kind}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">
          Nothing recorded yet{kinds.length < TIMELINE_KINDS.length ? ' of these kinds' : ''}.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Timeline">
          {shown.map((item) => (
            <Timeline.Item key={item.key} title={item.title}>
              <Text size="xs" c="dimmed">
                {formatDate(item.date)} · {item.kind}
              </Text>
              {item.lines.map((line, i) => (
                <Text size="sm" key={i}>
                  {line}
                </Text>
              ))}
              {item.edit && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setForm({ edit: item.edit! })}
                  aria-label={`${EDIT_LABELS[item.edit.kind]} of ${formatDate(item.date)}`}
                >
                  {EDIT_LABELS[item.edit.kind]}
                </Button>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}

      {form === 'visit' && (
        <VisitForm
          schoolId={school.id}
          sipId={school.sipId}
          org={org}
          onClose={() => setForm(null)}
          onSaved={saved('Visit recorded.')}
        />
      )}
      {form === 'propose' && (
        <ProposeCategoryForm
          schoolId={school.id}
          org={org}
          onClose={() => setForm(null)}
          onSaved={saved('Category proposed.')}
        />
      )}
      {typeof form === 'object' && form !== null && 'edit' in form && (
        <EditRecord
          edit={form.edit}
          monitoring={m}
          school={school}
          org={org}
          onClose={() => setForm(null)}
          onSaved={saved('Changes saved.')}
          onDeleted={deleted}
        />
      )}
      {typeof form === 'object' && form !== null && 'confirm' in form && (
        <ConfirmCategoryForm
          proposal={m.categories.find((c) => c.id === form.confirm)!}
          onClose={() => setForm(null)}
          onSaved={saved('DIG decision recorded.')}
        />
      )}
      {form === 'sef' && (
        <SefForm schoolId={school.id} onClose={() => setForm(null)} onSaved={saved('SEF recorded.')} />
      )}
      {form === 'inspection' && (
        <InspectionForm
          schoolId={school.id}
          onClose={() => setForm(null)}
          onSaved={saved('Inspection recorded.')}
        />
      )}
      {form === 'hmi' && (
        <MonitoringVisitForm
          schoolId={school.id}
          onClose={() => setForm(null)}
          onSaved={saved('Monitoring visit recorded.')}
        />
      )}
      {form === 'profile' && (
        <ProfileForm schoolId={school.id} onClose={() => setForm(null)} onSaved={saved('Profile saved.')} />
      )}
    </Stack>
  );
}

/** The form for correcting one record from the timeline, filled with what is held. */
function EditRecord({
  edit,
  monitoring: m,
  school,
  org,
  onClose,
  onSaved,
  onDeleted,
}: {
  edit: NonNullable<TimelineItem['edit']>;
  monitoring: Monitoring;
  school: SchoolRow;
  org: OpOutput<'organisation.get'>;
  onClose: () => void;
  onSaved: () => void;
  onDeleted: (auditId: number, message: string) => void;
}) {
  const common = { schoolId: school.id, onClose, onSaved, onDeleted };
  const find = <T extends { id: number }>(list: T[]) => list.find((r) => r.id === edit.id);
  switch (edit.kind) {
    case 'visit': {
      const visit = find(m.visits);
      return visit ? <VisitForm {...common} sipId={school.sipId} org={org} visit={visit} /> : null;
    }
    case 'proposal': {
      const proposal = find(m.categories);
      return proposal ? <ProposeCategoryForm {...common} org={org} proposal={proposal} /> : null;
    }
    case 'sef': {
      const sef = find(m.sef);
      return sef ? <SefForm {...common} sef={sef} /> : null;
    }
    case 'inspection': {
      const inspection = find(m.inspections);
      return inspection ? <InspectionForm {...common} inspection={inspection} /> : null;
    }
    case 'hmi': {
      const visit = find(m.monitoringVisits);
      return visit ? <MonitoringVisitForm {...common} visit={visit} /> : null;
    }
    case 'profile': {
      const profile = find(m.profiles);
      return profile ? <ProfileForm {...common} profile={profile} /> : null;
    }
  }
}
