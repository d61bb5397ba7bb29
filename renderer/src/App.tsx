import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../shared/api/contract';
import { call } from './api';
import { MonitoringPage } from './features/monitoring/MonitoringPage';
import { OrganisationPage } from './features/organisation/OrganisationPage';
import { RegisterPage } from './features/register/RegisterPage';
import { SchoolPage } from './features/schools/SchoolPage';
import { forgetFilter, SchoolsList } from './features/schools/SchoolsList';
import { SefGridPage } from './features/sef-grid/SefGridPage';
import { StartScreen } from './features/start/StartScreen';
import { hashOf, viewFromHash, type View } from './route';

type AppState = OpOutput<'app.state'>;

export function App() {
  const [state, setState] = useState<AppState | null>(null);
  const [view, setViewState] = useState<View>(() => viewFromHash(window.location.hash));
  const setView = useCallback((next: View) => {
    if (window.location.hash !== hashOf(next)) window.history.pushState(null, '', hashOf(next));
    setViewState(next);
  }, []);

  useEffect(() => {
    const follow = () => setViewState(viewFromHash(window.location.hash));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  useEffect(() => {
    void call('app.state', {}).then(setState);
  }, []);
  useEffect(() => {
    document.title = state?.file ? `${state.file.name} — School Improvement Desk` : 'School Improvement Desk';
  }, [state]);

  const opened = useCallback(
    (next: AppState) => {
      forgetFilter();
      setState(next);
      setView({ kind: 'schools' });
    },
    [setView],
  );

  if (!state) return null;
  if (!state.file) return <StartScreen state={state} onOpened={opened} />;

  const nav: Array<{ label: string; view: View }> = [
    { label: 'Schools', view: { kind: 'schools' } },
    { label: 'Monitoring', view: { kind: 'monitoring' } },
    { label: 'SEF grid', view: { kind: 'sef-grid' } },
    { label: 'Register workbook', view: { kind: 'register' } },
    { label: 'Organisation', view: { kind: 'organisation' } },
  ];
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            School Improvement Desk
          </Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed" title={state.file.path}>
              {state.file.name}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void call('app.close', {}).then(setState)}>
              Close file
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <Stack gap={2}>
          {nav.map((item) => (
            <NavLink
              key={item.label}
              label={item.label}
              component="button"
              active={
                view.kind === item.view.kind || (item.view.kind === 'schools' && view.kind === 'school')
              }
              onClick={() => setView(item.view)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {view.kind === 'schools' && <SchoolsList onOpen={(id) => setView({ kind: 'school', id })} />}
        {view.kind === 'school' && <SchoolPage id={view.id} onBack={() => setView({ kind: 'schools' })} />}
        {view.kind === 'monitoring' && <MonitoringPage onOpen={(id) => setView({ kind: 'school', id })} />}
        {view.kind === 'sef-grid' && <SefGridPage />}
        {view.kind === 'register' && <RegisterPage />}
        {view.kind === 'organisation' && <OrganisationPage />}
      </AppShell.Main>
    </AppShell>
  );
}
