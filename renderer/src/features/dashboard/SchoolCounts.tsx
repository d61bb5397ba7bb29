import { Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { SCHOOL_COUNTS, type CountGroup, type SchoolCount } from '../../../../shared/domain/dashboard';

const GROUPS: ReadonlyArray<{ group: CountGroup; title: string }> = [
  { group: 'category', title: 'LA category' },
  { group: 'support', title: 'Support level' },
  { group: 'stage', title: 'Causing concern' },
  { group: 'ofsted', title: 'Ofsted category' },
];

/** A number that opens the list behind it: the schools it counts, or the reports it counts. */
export function CountButton({
  testId,
  label,
  value,
  onClick,
}: {
  testId: string;
  label: string;
  value: number | undefined;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-label={`${label}: ${value ?? 'loading'}. Show the list`}
      data-testid={testId}
      w="100%"
      px="xs"
      py={4}
      style={{ borderRadius: 4 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text fw={700} c={value ? 'teal.8' : 'dimmed'} td={value ? 'underline' : undefined}>
          {value ?? '…'}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** The open schools counted four ways, each number opening the schools list filtered to it. */
export function SchoolCounts({
  counts,
  onOpen,
}: {
  counts: Record<string, number> | undefined;
  onOpen: (count: SchoolCount) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
      {GROUPS.map(({ group, title }) => (
        <Paper withBorder p="sm" key={group}>
          <Title order={3} size="h5" mb={4}>
            {title}
          </Title>
          <Stack gap={0}>
            {SCHOOL_COUNTS.filter((c) => c.group === group).map((count) => (
              <CountButton
                key={count.key}
                testId={`count-${count.key}`}
                label={count.label}
                value={counts?.[count.key]}
                onClick={() => onOpen(count)}
              />
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
