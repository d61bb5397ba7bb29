import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { UpcomingDeadline } from '../../../../shared/api/monitoring';
import { formatDate } from '../../../../shared/domain/format';

/** Where a deadline is acted on: its project, else the school's concern, else the school. */
export interface DeadlineTargets {
  onOpen: (schoolId: number) => void;
  onOpenConcern: (concernId: number) => void;
  onOpenProject: (projectId: number) => void;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "8 working days", "Today", "17 days overdue". */
function daysLeft(d: UpcomingDeadline): string {
  const unit = d.workingDays ? 'working day' : 'day';
  if (d.daysLeft === 0) return d.overdue ? 'Overdue' : 'Today';
  return d.daysLeft < 0 ? `${plural(-d.daysLeft, unit)} overdue` : plural(d.daysLeft, unit);
}

/** The Monitoring page's deadlines in the next 30 days, overdue ones first and in red. */
export function DeadlinesPanel({
  deadlines,
  loading,
  onOpen,
  onOpenConcern,
  onOpenProject,
}: { deadlines: UpcomingDeadline[]; loading: boolean } & DeadlineTargets) {
  const open = (d: UpcomingDeadline) =>
    d.projectId !== null
      ? onOpenProject(d.projectId)
      : d.concernId !== null
        ? onOpenConcern(d.concernId)
        : onOpen(d.schoolId);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Deadlines in the next 30 days
        </Title>
        <Badge variant="light" color={deadlines.some((d) => d.overdue) ? 'red' : 'blue'}>
          {loading ? '…' : deadlines.length}
        </Badge>
      </Group>
      {!loading && deadlines.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing is due in the next 30 days.
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="deadlines" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>Days left</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>School</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deadlines.map((d) => {
              const red = d.overdue ? ({ c: 'red.8', fw: 600 } as const) : {};
              return (
                <Table.Tr
                  key={`${d.schoolId} ${d.projectId ?? ''} ${d.what} ${d.on}`}
                  onClick={() => open(d)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" {...red}>
                      {formatDate(d.on)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" {...red}>
                      {daysLeft(d)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      size="sm"
                      ta="left"
                      onClick={(e) => {
                        e.stopPropagation();
                        open(d);
                      }}
                    >
                      {d.what}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {d.name}
                    <Text size="xs" c="dimmed">
                      {d.dfe} · {d.district}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
