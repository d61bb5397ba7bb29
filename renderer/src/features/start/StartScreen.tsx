import {
  Alert,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, type OpOutput } from '../../../../shared/api/contract';
import { call, errorMessage } from '../../api';

type AppState = OpOutput<'app.state'>;

/** First thing a user sees with no file open: make one, open one, or explore the demo authority. */
export function StartScreen({ state, onOpened }: { state: AppState; onOpened: (state: AppState) => void }) {
  const [newName, setNewName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A file someone else has open: who, in their words, and the offer to read it beside them.
  const [held, setHeld] = useState<{ path: string; message: string } | null>(null);

  const run = async (label: string, work: () => Promise<AppState>, path?: string) => {
    setBusy(label);
    setError(null);
    setHeld(null);
    try {
      onOpened(await work());
    } catch (e) {
      if (path && e instanceof ApiError && e.body.code === 'held') setHeld({ path, message: e.message });
      else setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const openDemo = () =>
    run('demo', async () => {
      try {
        return await call('app.create', { path: 'Demo authority.sid', demo: true });
      } catch (e) {
        // The demo file was made on an earlier visit: open it as it was left.
        if (e instanceof ApiError && e.body.code === 'conflict')
          return call('app.open', { path: 'Demo authority.sid' });
        throw e;
      }
    });

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim()) void run('create', () => call('app.create', { path: newName.trim(), demo: false }));
  };
  const open = (path: string, readOnly = false) =>
    void run('open', () => call('app.open', readOnly ? { path, readOnly } : { path }), path);

  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Stack w={880} gap="lg">
        <div>
          <Title order={1}>School Improvement Desk</Title>
          <Text c="dimmed">
            Choose a data file to work in. Files are kept in {state.dataDir} unless you give a full path.
          </Text>
        </div>
        {error && (
          <Alert color="red" title="That did not work" role="alert">
            {error}
          </Alert>
        )}
        {held && (
          <Alert color="yellow" title="Someone else has this file open" role="alert">
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{held.message}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => open(held.path, true)}
                loading={busy === 'open'}
              >
                Open read-only
              </Button>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={3}>
          <Paper withBorder p="md" component="form" onSubmit={create}>
            <Stack>
              <Title order={2} size="h4">
                Create a new file
              </Title>
              <TextInput
                label="File name"
                placeholder="e.g. Staffordshire SID"
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy === 'create'} disabled={!newName.trim()}>
                Create file
              </Button>
            </Stack>
          </Paper>
          <Paper
            withBorder
            p="md"
            component="form"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (openPath.trim()) open(openPath.trim());
            }}
          >
            <Stack>
              <Title order={2} size="h4">
                Open an existing file
              </Title>
              <TextInput
                label="File name or full path"
                value={openPath}
                onChange={(e) => setOpenPath(e.currentTarget.value)}
              />
              <Button type="submit" variant="light" loading={busy === 'open'} disabled={!openPath.trim()}>
                Open file
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h4">
                Explore the demo authority
              </Title>
              <Text size="sm">
                Eight districts in four double districts and about 430 fictitious schools, to try things
                safely.
              </Text>
              <Button variant="light" onClick={() => void openDemo()} loading={busy === 'demo'}>
                Open demo authority
              </Button>
            </Stack>
          </Paper>
        </SimpleGrid>
        <Divider label="Recent files" labelPosition="left" />
        {state.recent.length === 0 ? (
          <Text c="dimmed" size="sm">
            No files opened yet. Files you open will be listed here.
          </Text>
        ) : (
          <Stack gap={4}>
            {state.recent.map((path) => (
              <UnstyledButton key={path} onClick={() => open(path)} p={6} style={{ borderRadius: 4 }}>
                <Group gap="xs">
                  <Text fw={500}>{path.split(/[\\/]/).pop()}</Text>
                  <Text size="sm" c="dimmed">
                    {path}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Stack>
    </Center>
  );
}
