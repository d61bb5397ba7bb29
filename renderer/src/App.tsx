import { Alert, AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { OpOutput } from '../../shared/api/contract';
import { arrivedEarly, call, callOrTake, forgetEarly } from './api';
import { mayLeave } from './components/unsaved-changes';
import { forgetFilter } from './features/schools';
import { hashOf, navItems, renderScreen, viewFromHash, type Navigate, type View } from './screens';

type AppState = OpOutput<'app.state'>;

// The start screen is downloaded only when no file is open: the app most often opens on a file's list.
const StartScreen = lazy(() => import('./features/start').then((m) => ({ default: m.StartScreen })));

export function App() {
  // Drawn at once when the file's state, asked for by main.tsx, has already arrived.
  const [state, setState] = useState<AppState | null>(() => arrivedEarly('app.state', {}) ?? null);
  const [view, setViewState] = useState<View>(() => viewFromHash(window.location.hash));
  // A form with unsaved changes asks before the page changes under it.
  const go = useCallback((next: View) => {
    void mayLeave().then((leave) => {
      if (!leave) return;
      if (window.location.hash !== hashOf(next)) window.history.pushState(null, '', hashOf(next));
      setViewState(next);
    });
  }, []);
  const navigate = useMemo<Navigate>(() => ({ go, href: hashOf }), [go]);

  useEffect(() => {
    // Back and Forward too; staying puts the address back to the page still shown.
    const follow = () => {
      const next = viewFromHash(window.location.hash);
      void mayLeave().then((leave) =>
        leave ? setViewState(next) : window.history.pushState(null, '', hashOf(view)),
      );
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, [view]);

  useEffect(() => {
    void callOrTake('app.state', {}).then((next) => {
      if (!next.file) forgetEarly(); // the start screen shows no list: its early answer would go stale
      setState(next);
    });
  }, []);
  useEffect(() => {
    document.title = state?.file ? `${state.file.name} — School Improvement Desk` : 'School Improvement Desk';
  }, [state]);

  const opened = useCallback(
    (next: AppState) => {
      forgetFilter();
      setState(next);
      go({ kind: 'dashboard' });
    },
    [go],
  );

  if (!state) return null;
  if (!state.file)
    return (
      <Suspense fallback={null}>
        <StartScreen state={state} onOpened={opened} />
      </Suspense>
    );

  // Calendars in British English, weeks starting on Monday.
  return (
    <DatesProvider settings={{ locale: 'en-gb', firstDayOfWeek: 1 }}>
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: { base: 190, lg: 220 }, breakpoint: 0 }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Title order={1} size="h4">
              School Improvement Desk
            </Title>
            <Group gap="sm">
              <Text size="sm" c="dimmed" title={state.file.path}>
                {state.file.name}
              </Text>
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  void mayLeave().then(async (leave) => {
                    if (leave) setState(await call('app.close', {}));
                  })
                }
              >
                Close file
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main">
          <Stack gap={2}>
            {navItems(view).map((item) => (
              <NavLink
                key={item.label}
                label={item.label}
                component="button"
                active={item.active}
                onClick={() => go(item.view)}
              />
            ))}
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main>
          {state.file.readOnly && (
            <Alert color="yellow" mb="md" title="Open read-only" role="status">
              {state.file.heldBy ? `${state.file.heldBy} has this file open to change it. ` : ''}You can read
              everything here, but nothing can be changed until you close the file and open it again when they
              have finished.
            </Alert>
          )}
          {renderScreen(view, navigate)}
        </AppShell.Main>
      </AppShell>
    </DatesProvider>
  );
}
