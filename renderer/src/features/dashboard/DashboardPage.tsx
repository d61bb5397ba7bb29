import { Alert, Anchor, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { countFilter, SCHOOL_COUNTS, type SchoolCount } from '../../../../shared/domain/dashboard';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { DeadlinesPanel, showMonitoringFor } from '../monitoring';
import { showSchoolsWith } from '../schools';
import { CategoryChart } from './CategoryChart';
import { FundChart } from './FundChart';
import { CountButton, SchoolCounts } from './SchoolCounts';

export interface DashboardTargets {
  onOpenSchools: () => void;
  onOpenSchool: (id: number) => void;
  onOpenConcern: (id: number) => void;
  onOpenProject: (id: number) => void;
  onOpenMonitoring: () => void;
  onOpenFund: () => void;
  onOpenMeeting: (id: number) => void;
}

/** The double district chosen on the dashboard, kept per file: another file has other double districts. */
const choiceKey = (path: string) => `sid-dashboard-double-district:${path}`;

const dayWord = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

/**
 * The first screen of an open file: for the user's double district (or the whole LA), its schools
 * counted four ways, what is due in the next 30 days, the next group meeting, the visits and reports
 * waiting, and how categories and the fund have moved. Every number opens the list behind it.
 */
export function DashboardPage(props: DashboardTargets) {
  const path = useOperation('app.state', {}).data?.file?.path ?? null;
  const org = useOperation('organisation.get', {}).data;
  // What the user chose here, else what they chose when they last had this file open.
  const [chosen, setChosen] = useState<{ path: string; id: number | null } | null>(null);
  const ddId =
    path === null
      ? undefined
      : chosen?.path === path
        ? chosen.id
        : Number(localStorage.getItem(choiceKey(path))) || null;
  const choose = (id: number | null) => {
    if (path === null) return;
    localStorage.setItem(choiceKey(path), id === null ? '' : String(id));
    setChosen({ path, id });
  };
  // A double district removed since it was chosen falls back to the whole LA.
  const known = ddId === null || ddId === undefined || org?.doubleDistricts.some((d) => d.id === ddId);
  const scope = known ? (ddId ?? null) : null;
  const { data, error } = useOperation(
    'dashboard.get',
    ddId === undefined ? null : { doubleDistrictId: scope },
  );
  // The answer for the double district now chosen, not the one before it.
  const shown = data?.doubleDistrictId === scope ? data : undefined;

  const openCount = (count: SchoolCount) => {
    showSchoolsWith(countFilter(count, scope));
    props.onOpenSchools();
  };
  const meeting = shown?.nextMeeting ?? null;
  const noSipVisit = SCHOOL_COUNTS.find((c) => c.key === 'no-sip-visit')!;
  const where = scope === null ? 'the LA' : (org?.doubleDistricts.find((d) => d.id === scope)?.name ?? '');

  return (
    <Stack maw={1200} gap="md">
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Dashboard</Title>
          <Text c="dimmed">
            {shown
              ? `${shown.term} · ${shown.schools} open ${shown.schools === 1 ? 'school' : 'schools'} in ${where}`
              : 'Loading…'}
          </Text>
        </div>
        <Select
          label="Double district"
          data={[
            { value: '', label: 'All double districts' },
            ...(org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []),
          ]}
          value={scope === null ? '' : String(scope)}
          onChange={(v) => choose(v ? Number(v) : null)}
          allowDeselect={false}
          w={260}
        />
      </Group>
      {error && (
        <Alert color="red" title="The dashboard could not be shown">
          {error}
        </Alert>
      )}

      {shown?.schools === 0 && (
        <Paper withBorder p="md">
          <Text fw={500}>
            {scope === null
              ? 'There are no schools in this file yet.'
              : 'There are no open schools in this double district.'}
          </Text>
          {scope === null && (
            <Text c="dimmed" size="sm">
              Add one on the Schools page, or import the register workbook from the Register workbook page.
            </Text>
          )}
        </Paper>
      )}

      <SchoolCounts counts={shown?.counts} onOpen={openCount} />

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb={4}>
            SIP visits
          </Title>
          <CountButton
            testId={`count-${noSipVisit.key}`}
            label={noSipVisit.label}
            value={shown?.counts[noSipVisit.key]}
            onClick={() => openCount(noSipVisit)}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb={4}>
            SIP reports
          </Title>
          <CountButton
            testId="count-awaiting-qa"
            label="Awaiting QA"
            value={shown?.awaitingQa}
            onClick={() => {
              showMonitoringFor(scope);
              props.onOpenMonitoring();
            }}
          />
        </Paper>
        <Paper withBorder p="sm" data-testid="next-meeting">
          <Title order={3} size="h5" mb={4}>
            Next group meeting
          </Title>
          {meeting ? (
            <Anchor
              component="button"
              size="sm"
              ta="left"
              px="xs"
              py={4}
              onClick={() => props.onOpenMeeting(meeting.id)}
            >
              {meeting.kind}
              {meeting.doubleDistrict ? '' : ' (county-wide)'}, {formatDate(meeting.heldOn)},{' '}
              {dayWord(meeting.daysLeft)}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed" px="xs" py={4}>
              {shown ? 'None planned yet.' : '…'}
            </Text>
          )}
        </Paper>
      </SimpleGrid>

      <DeadlinesPanel
        deadlines={shown?.deadlines ?? []}
        loading={!shown}
        onOpen={props.onOpenSchool}
        onOpenConcern={props.onOpenConcern}
        onOpenProject={props.onOpenProject}
      />

      {shown && (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          <CategoryChart terms={shown.categoryTerms} />
          <FundChart fund={shown.fund} onOpenFund={props.onOpenFund} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
