import {
  Alert,
  Anchor,
  Badge,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RegisterRow } from '../../../../shared/api/concerns';
import { formatDate, formatPounds } from '../../../../shared/domain/format';
import { sortRows, type SortDirection } from '../../../../shared/domain/school-filter';
import { useOperation } from '../../api';
import { RagBadge } from '../../components/RagBadge';

const DD_KEY = 'sid-concerns-double-district';

type SortKey = 'school' | 'stage' | 'daysAtStage' | 'next' | 'duties' | 'spentPence';
const COLUMNS: Array<{ key: SortKey | null; label: string; numeric?: true }> = [
  { key: 'school', label: 'School' },
  { key: 'stage', label: 'Stage' },
  { key: null, label: 'Ofsted' },
  { key: 'daysAtStage', label: 'At stage', numeric: true },
  { key: 'duties', label: 'Open duties', numeric: true },
  { key: 'next', label: 'Next deadline' },
  { key: null, label: 'RAG' },
  { key: 'spentPence', label: 'Spend', numeric: true },
];

/** A row with the values its columns sort by. */
const sortable = (r: RegisterRow) => ({
  ...r,
  next: r.nextDeadline?.on ?? null,
  duties: r.openDuties.length,
});

/**
 * The concern register: every school causing concern, per double district or across the LA, with
 * what each needs — the stage and since when, the duties not kept, the next deadline, RAG and spend.
 */
export function ConcernRegister({ onOpen }: { onOpen: (concernId: number) => void }) {
  const org = useOperation('organisation.get', {}).data;
  const [ddId, setDdId] = useState<number | null>(() => Number(sessionStorage.getItem(DD_KEY)) || null);
  const [stage, setStage] = useState<'all' | '1' | '2' | '3'>('all');
  const [dutiesMissing, setDutiesMissing] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'next',
    direction: 'asc',
  });
  const { data, error } = useOperation('concerns.register', { doubleDistrictId: ddId });

  const rows = useMemo(() => {
    const shown = (data ?? [])
      .filter((r) => stage === 'all' || r.stage === Number(stage))
      .filter((r) => !dutiesMissing || r.openDuties.length > 0)
      .map(sortable);
    return sortRows(shown, sort.key, sort.direction);
  }, [data, stage, dutiesMissing, sort]);

  const byStage = [1, 2, 3].map((s) => (data ?? []).filter((r) => r.stage === s).length);
  const sortBy = (key: SortKey) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <Stack maw={1250}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Schools causing concern</Title>
          <Text c="dimmed">
            {data
              ? `${data.length} open: ${byStage.map((n, i) => `${n} at Stage ${i + 1}`).join(', ')}`
              : 'Loading…'}
          </Text>
        </div>
        <Select
          label="Double district"
          placeholder="Whole LA"
          clearable
          data={org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []}
          value={ddId === null ? null : String(ddId)}
          onChange={(v) => {
            sessionStorage.setItem(DD_KEY, v ?? '');
            setDdId(v ? Number(v) : null);
          }}
          w={260}
        />
      </Group>
      <Group gap="lg">
        <SegmentedControl
          aria-label="Stage"
          value={stage}
          onChange={(v) => setStage(v as typeof stage)}
          data={[
            { value: 'all', label: 'All stages' },
            { value: '1', label: 'Stage 1' },
            { value: '2', label: 'Stage 2' },
            { value: '3', label: 'Stage 3' },
          ]}
        />
        <Checkbox
          label="Only with duties missing"
          checked={dutiesMissing}
          onChange={(e) => setDutiesMissing(e.currentTarget.checked)}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && rows.length === 0 ? (
        <Text c="dimmed" py="md">
          {data.length === 0
            ? 'No school causes concern here. Raise a concern from a school’s page.'
            : 'No concern matches these filters.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover aria-label="Concern register">
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((c) => (
                  <Table.Th
                    key={c.label}
                    ta={c.numeric ? 'right' : undefined}
                    aria-sort={
                      c.key && sort.key === c.key
                        ? sort.direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    {c.key ? (
                      <UnstyledButton fw={700} fz="sm" onClick={() => sortBy(c.key!)}>
                        {c.label}
                        {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </UnstyledButton>
                    ) : (
                      c.label
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.concernId}>
                  <Table.Td>
                    <Anchor
                      href={`#/concerns/${r.concernId}`}
                      size="sm"
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(r.concernId);
                      }}
                    >
                      {r.school}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.dfe} · {r.district}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    Stage {r.stage}
                    {r.suggestsStage3 && (
                      <Badge
                        ml={6}
                        size="sm"
                        color="orange"
                        variant="light"
                        tt="none"
                        title="Progress found wanting"
                      >
                        Stage 3?
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td miw={150}>
                    <Text size="sm">{r.ofstedCategory ?? '—'}</Text>
                    {r.urgent && (
                      <Badge
                        size="sm"
                        color="red"
                        tt="none"
                        variant={r.urgent === 'urgent' ? 'filled' : 'light'}
                      >
                        {r.urgent === 'urgent' ? 'Urgent case' : 'May become urgent'}
                      </Badge>
                    )}
                    {r.closurePresumption && (
                      <Badge size="sm" color="red" variant="light" tt="none">
                        Presumption towards closure
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {r.daysAtStage} days
                    </Text>
                    <Text size="xs" c="dimmed">
                      since {formatDate(r.stageSince)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" title={r.openDuties.map((d) => d.label).join('\n')}>
                    {r.openDuties.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    ) : (
                      <Text size="sm" c="orange.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {r.openDuties.length} missing
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.nextDeadline ? (
                      <>
                        <Text size="sm" {...(r.nextDeadline.overdue ? { c: 'red', fw: 600 } : {})}>
                          {formatDate(r.nextDeadline.on)}
                          {r.nextDeadline.overdue ? ' (overdue)' : ''}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {r.nextDeadline.what}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.rag ? (
                      <RagBadge rag={r.rag} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{r.spentPence === null ? '—' : formatPounds(r.spentPence)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
