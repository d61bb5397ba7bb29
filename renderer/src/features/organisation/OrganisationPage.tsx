import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useOperation } from '../../api';
import { CalendarSettings } from './CalendarSettings';
import { DistrictsPanel } from './DistrictsPanel';
import { PeoplePanel } from './PeoplePanel';
import { YourName } from './YourName';

export function OrganisationPage() {
  const org = useOperation('organisation.get', {});
  if (!org.data) return <Text c="dimmed">{org.error ?? 'Loading…'}</Text>;
  return (
    <Stack maw={1100}>
      <Title order={2}>Organisation</Title>
      <YourName />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DistrictsPanel org={org.data} onChanged={org.reload} />
        <PeoplePanel org={org.data} onChanged={org.reload} />
      </SimpleGrid>
      <CalendarSettings />
    </Stack>
  );
}
