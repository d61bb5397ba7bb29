import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { OpOutput, SchoolRow } from '../../../../shared/api/contract';
import { CATEGORIES } from '../../../../shared/domain/categories';
import { formatDate } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DeadlinesPanel, type DeadlineTargets } from './DeadlinesPanel';

type Overview = OpOutput<'monitoring.overview'>;
const DD_KEY = 'sid-monitoring-double-district';

/** Opens the page on a double district (null: the whole LA), as the dashboard's "awaiting QA" does. */
export const showMonitoringFor = (doubleDistrictId: number | null) =>
  sessionStorage.setItem(DD_KEY, doubleDistrictId === null ? '' : String(doubleDistrictId));

/** A DSIM's page: for a double district, what needs doing this term. */
export function MonitoringPage({ onOpen, onOpenConcern, onOpenProject }: DeadlineTargets) {
  const [org, setOrg] = useState<OpOutput<'organisation.get'> | null>(null);
  const [schools, setSchools] = useState<SchoolRow[] | null>(null);
  const [ddId, setDdId] = useState<number | null>(() => Number(sessionStorage.getItem(DD_KEY)) || null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [sip, setSip] = useState<string | null>(null);
  useEffect(() => {
    void call('organisation.get', {}).then(setOrg);
    void call('schools.list', {}).then(setSchools);
  }, []);
  useEffect(() => {
    sessionStorage.setItem(DD_KEY, ddId === null ? '' : String(ddId));
    void call('monitoring.overview', { doubleDistrictId: ddId }).then(setOverview);
  }, [ddId]);

  const counts = useMemo(() => {
    const open = (schools ?? []).filter(
      (s) => s.closedOn === null && (ddId === null || s.doubleDistrictId === ddId),
    );
    return [1, 2, 3, 4, null].map((c) => ({
      category: c,
      count: open.filter((s) => s.category === c).length,
    }));
  }, [schools, ddId]);

  const sips = useMemo(
    () => [...new Set((schools ?? []).map((s) => s.sip).filter((n): n is string => n !== null))].sort(),
    [schools],
  );
  // A SIP sees the schools they are assigned to, and the reports they wrote.
  const noSipVisit = (overview?.noSipVisit ?? []).filter((r) => sip === null || r.sip === sip);
  const awaitingQa = (overview?.awaitingQa ?? []).filter((r) => sip === null || r.visitor === sip);
  const deadlines = (overview?.deadlines ?? []).filter((r) => sip === null || r.sip === sip);

  const link = (row: { schoolId: number; name: string; dfe: string }) => (
    <Anchor component="button" onClick={() => onOpen(row.schoolId)} size="sm" ta="left">
      {row.dfe} {row.name}
    </Anchor>
  );

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Monitoring</Title>
          <Text c="dimmed">{overview ? `This term: ${overview.term}` : 'Loading…'}</Text>
        </div>
        <Group align="end">
          <Select
            label="Double district"
            placeholder="Whole LA"
            clearable
            data={org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []}
            value={ddId === null ? null : String(ddId)}
            onChange={(v) => setDdId(v ? Number(v) : null)}
            w={260}
          />
          <Select
            label="SIP"
            placeholder="All SIPs"
            clearable
            searchable
            data={sips}
            value={sip}
            onChange={setSip}
            w={200}
          />
        </Group>
      </Group>

      <SimpleGrid cols={5} spacing="sm" aria-label="Schools by category">
        {counts.map(({ category, count }) => (
          <Paper withBorder p="sm" key={String(category)}>
            <Text size="sm" c="dimmed">
              {category === null
                ? 'No category confirmed'
                : `Category ${category} ${CATEGORIES[category as 1 | 2 | 3 | 4]}`}
            </Text>
            <Text fw={700} size="xl">
              {count}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      {overview && overview.urgent.length > 0 && (
        <Alert color="red" title="Urgent cases: new statement of action due" role="alert">
          {overview.urgent.map((u) => (
            <Text size="sm" key={u.schoolId}>
              {link(u)} — inadequate progress at the HMI visit of {formatDate(u.visitedOn)}; statement due{' '}
              {formatDate(u.statementDueOn)}
            </Text>
          ))}
        </Alert>
      )}

      <DeadlinesPanel
        deadlines={deadlines}
        loading={overview === null}
        onOpen={onOpen}
        onOpenConcern={onOpenConcern}
        onOpenProject={onOpenProject}
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              No SIP visit yet this term
            </Title>
            <Badge variant="light">{overview ? noSipVisit.length : '…'}</Badge>
          </Group>
          {overview && noSipVisit.length === 0 ? (
            <Text c="dimmed" size="sm">
              Every school has had a SIP visit this term.
            </Text>
          ) : (
            <Table striped data-testid="no-sip-visit" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SIP</Table.Th>
                  <Table.Th>School</Table.Th>
                  <Table.Th>District</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {noSipVisit.map((row) => (
                  <Table.Tr key={row.schoolId}>
                    <Table.Td>{row.sip ?? 'No SIP assigned'}</Table.Td>
                    <Table.Td>{link(row)}</Table.Td>
                    <Table.Td>{row.district}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Stack>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">
                SIP reports awaiting QA
              </Title>
              <Badge variant="light">{overview ? awaitingQa.length : '…'}</Badge>
            </Group>
            {overview && awaitingQa.length === 0 ? (
              <Text c="dimmed" size="sm">
                No reports are waiting for quality assurance.
              </Text>
            ) : (
              <Table striped data-testid="awaiting-qa" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>SIP</Table.Th>
                    <Table.Th>School</Table.Th>
                    <Table.Th>Visit</Table.Th>
                    <Table.Th>Report received</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {awaitingQa.map((row) => (
                    <Table.Tr key={row.visitId}>
                      <Table.Td>{row.visitor}</Table.Td>
                      <Table.Td>{link(row)}</Table.Td>
                      <Table.Td>{formatDate(row.visitedOn)}</Table.Td>
                      <Table.Td>{formatDate(row.reportReceivedOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              Over the five SIP days this year
            </Title>
            {overview && overview.overUsed.length === 0 ? (
              <Text c="dimmed" size="sm">
                No school has used more than its SIP days.
              </Text>
            ) : (
              overview?.overUsed.map((row) => (
                <Text size="sm" key={row.schoolId}>
                  {link(row)} — {row.used} days ({row.sip})
                </Text>
              ))
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
