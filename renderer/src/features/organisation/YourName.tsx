import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { contract, type FileState } from '../../../../shared/api/contract';
import { call } from '../../api';
import { saveDraft } from './saving';

/** The name the record of changes gives for this user, instead of the computer account's. */
export function YourName() {
  const [state, setState] = useState<FileState | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    void call('app.state', {}).then((s) => {
      setState(s);
      setName(s.displayName ?? '');
    });
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft(
      contract['app.setDisplayName'].input,
      { name: name.trim() === '' ? null : name.trim() },
      (checked) => call('app.setDisplayName', checked),
      (errors) => setError(errors.name),
    );
    if (!saved) return;
    setState(saved);
    notifications.show({ message: `Changes you make are now recorded as ${saved.user}.` });
  };

  return (
    <Paper withBorder p="md">
      <Group component="form" onSubmit={(e: FormEvent) => void save(e)} align="start" justify="space-between">
        <div>
          <Title order={3} size="h4">
            Your name
          </Title>
          <Text size="sm" c="dimmed" maw={520}>
            Every change is recorded with who made it.{' '}
            {state && (
              <>
                Yours are recorded as <b>{state.user}</b>.
              </>
            )}
          </Text>
        </div>
        <Group align="start">
          <TextInput
            aria-label="Your name"
            placeholder="Your full name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            w={260}
          />
          <Button type="submit" variant="light">
            Save name
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
