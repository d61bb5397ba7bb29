import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { WarningNoticeRow } from '../../../../shared/api/warning-notices';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';
import { showUndoNotice } from '../../components/UndoNotice';
import { responseDueText, WarningNoticeForm } from './WarningNoticeForm';

/** Where a notice has got to, in a few words. */
function stepOf(n: WarningNoticeRow): string {
  if (n.outcome) return `${n.outcome} ${formatDate(n.outcomeOn ?? '')}`;
  if (n.givenOn) return `Given ${formatDate(n.givenOn)}`;
  if (n.approvedOn) return `Approved ${formatDate(n.approvedOn)}, not yet given`;
  if (n.advisedOn) return `Advised ${formatDate(n.advisedOn)}, awaiting approval`;
  return 'Being prepared';
}

/** A school's warning notices, newest first, each with its response date once given. */
export function WarningNotices({
  schoolId,
  readOnly,
  onChanged,
}: {
  schoolId: number;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { data, reload } = useOperation('warningNotices.list', { schoolId });
  const [editing, setEditing] = useState<{ notice?: WarningNoticeRow } | null>(null);
  const changed = () => {
    reload();
    onChanged();
  };
  return (
    <>
      <Section
        title="Warning notices"
        action={readOnly ? undefined : 'Record warning notice'}
        onAction={() => setEditing({})}
        empty={data && data.length === 0 && 'No warning notice has been given to this school.'}
      >
        <Stack gap="sm">
          {(data ?? []).map((n) => (
            <div key={n.id} data-testid="warning-notice">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {stepOf(n)}
                </Text>
                {n.givenOn && !n.outcome && (
                  <Badge variant="light" color="orange" tt="none">
                    {responseDueText(n.givenOn)}
                  </Badge>
                )}
                {n.complianceDueOn && !n.outcome && (
                  <Text size="sm" c="dimmed">
                    Compliance by {formatDate(n.complianceDueOn)}
                  </Text>
                )}
                {!readOnly && (
                  <Anchor component="button" size="sm" onClick={() => setEditing({ notice: n })}>
                    Update
                  </Anchor>
                )}
              </Group>
              <Text size="sm">{n.grounds.join('; ')}</Text>
              {n.powers.length > 0 && (
                <Text size="sm" c="dimmed">
                  Powers used: {n.powers.join('; ')}
                  {n.partnerName ? ` (${n.partnerName})` : ''}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      </Section>
      {editing && (
        <WarningNoticeForm
          schoolId={schoolId}
          notice={editing.notice}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
            notifications.show({ message: 'Warning notice saved.' });
          }}
          onDeleted={(auditId) => {
            setEditing(null);
            changed();
            showUndoNotice('Warning notice deleted.', auditId, changed);
          }}
        />
      )}
    </>
  );
}
