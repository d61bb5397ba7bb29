import { Alert, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { isCategoryOutcome } from '../../../../shared/domain/ofsted-follow-up';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';
import { FollowUpForm } from './FollowUpForm';

type Org = OpOutput<'organisation.get'>;

/** The follow-up of the school's latest Ofsted category inspection, when it has one. */
export function FollowUpSection({ org, schoolId }: { org: Org; schoolId: number }) {
  const monitoring = useOperation('monitoring.school', { schoolId }).data;
  const inspection = monitoring?.inspections
    .filter((i) => isCategoryOutcome(i.outcome))
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0];
  const { data: view, reload } = useOperation(
    'ofstedFollowUp.get',
    inspection ? { inspectionId: inspection.id } : null,
  );
  const [editing, setEditing] = useState(false);
  if (!inspection || !view || view.inspection.id !== inspection.id) return null;
  const f = view.followUp;
  const line = (label: string, value: string | null | undefined) => (
    <Group gap="xs" wrap="nowrap" align="start">
      <Text c="dimmed" w={220} size="sm">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
  const on = (iso: string | null | undefined) => (iso ? formatDate(iso) : null);
  return (
    <>
      <Section
        title={`Ofsted follow-up: ${inspection.outcome}`}
        action={f ? 'Update follow-up' : 'Record follow-up'}
        onAction={() => setEditing(true)}
      >
        <Stack gap={4}>
          {view.urgent && (
            <Alert color="red" mb="xs" role="status">
              {view.urgent.status === 'urgent'
                ? `Urgent case: the Secretary of State's notice of ${on(view.urgent.noticeOn)}. A new statement of action is due ${on(view.urgent.statementDueOn)}.`
                : `May become urgent: the HMI visit of ${on(view.urgent.visitedOn)} found inadequate progress.`}
            </Alert>
          )}
          {view.closurePresumption && (
            <Alert color="red" mb="xs" role="status">
              In Special Measures since {on(view.closurePresumption.inspectedOn)} with inadequate progress at
              the HMI visit of {on(view.closurePresumption.visitedOn)}: a presumption towards closure.
            </Alert>
          )}
          {line('Inspected', on(inspection.inspectedOn))}
          {line(
            'Formal meeting',
            f?.formalMeetingOn ? `${on(f.formalMeetingOn)}: ${f.formalMeetingAttendees}` : null,
          )}
          {line(
            'Core group',
            f
              ? [f.coreGroupChair && `chaired by ${f.coreGroupChair}`, f.coreGroupMembers]
                  .filter(Boolean)
                  .join('; ')
              : null,
          )}
          {line(
            'LA Statement of Action',
            f?.statementSubmittedOn
              ? `Submitted ${on(f.statementSubmittedOn)}`
              : `Due ${on(f?.deadlines.statementDueOn ?? view.statementDueByDefault)}`,
          )}
          {line('Project lead officer', f?.leadOfficer)}
          {line('DMT involved', on(f?.dmtInvolvedOn))}
        </Stack>
      </Section>
      {editing && (
        <FollowUpForm
          org={org}
          view={view}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
            notifications.show({ message: 'Follow-up saved.' });
          }}
        />
      )}
    </>
  );
}
