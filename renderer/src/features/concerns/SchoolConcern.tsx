import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { ConcernForm } from './ConcernForm';

type Org = OpOutput<'organisation.get'>;

/** On a school's page: its open concern at a glance, or the way to raise one. */
export function SchoolConcern({
  org,
  schoolId,
  closed,
  onOpen,
}: {
  org: Org;
  schoolId: number;
  /** A closed school has no new concerns raised about it. */
  closed: boolean;
  onOpen: (concernId: number) => void;
}) {
  const { data } = useOperation('concerns.list', { schoolId, includeClosed: true });
  const [raising, setRaising] = useState(false);
  if (!data) return null;
  const concern = data.find((c) => c.closedOn === null);
  return (
    <Paper withBorder p="sm" component="section" aria-label="Concern">
      {concern ? (
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={concern.stage === 3 ? 'red' : concern.stage === 2 ? 'orange' : 'yellow'}>
              Stage {concern.stage}
            </Badge>
            <Text size="sm">
              Causing concern since {formatDate(concern.openedOn)}; at Stage {concern.stage} since{' '}
              {formatDate(concern.stageSince)}
              {concern.missingDuties.length > 0
                ? ` · ${concern.missingDuties.length} ${concern.missingDuties.length === 1 ? 'duty' : 'duties'} missing`
                : ''}
            </Text>
          </Group>
          <Anchor
            href={`#/concerns/${concern.id}`}
            size="sm"
            onClick={(e) => {
              e.preventDefault();
              onOpen(concern.id);
            }}
          >
            Open the concern
          </Anchor>
        </Group>
      ) : (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {data.length > 0
              ? `Not causing concern now (last concern closed ${formatDate(data[0]!.closedOn ?? '')}).`
              : 'This school is not causing concern.'}
          </Text>
          {!closed && (
            <Button size="xs" variant="light" onClick={() => setRaising(true)}>
              Raise a concern
            </Button>
          )}
        </Group>
      )}
      {raising && (
        <ConcernForm
          org={org}
          schoolId={schoolId}
          onClose={() => setRaising(false)}
          onSaved={(saved) => {
            setRaising(false);
            onOpen(saved.id);
          }}
        />
      )}
    </Paper>
  );
}
