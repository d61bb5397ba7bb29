import { Alert, Badge, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, type RegisterPreview } from '../../../../shared/api/contract';
import { call, errorMessage } from '../../api';
import { ChangesTable } from '../../components/ChangesTable';
import { PreviewActions } from '../../components/PreviewActions';
import { ProblemList } from '../../components/ProblemList';
import { download, readUpload } from '../../components/workbook-files';

export function RegisterPage() {
  const [upload, setUpload] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | 'exporting' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setPreview(null);
    setBusy('reading');
    try {
      const next = await readUpload(file);
      setUpload(next);
      setPreview(await call('register.preview', next));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!upload) return;
    setBusy('importing');
    try {
      const done = await call('register.apply', upload);
      notifications.show({
        color: 'teal',
        message: `Imported ${done.newSchools.length} new and ${done.changedSchools.length} changed schools.`,
      });
      setUpload(null);
      setPreview(null);
    } catch (e) {
      setError(
        e instanceof ApiError && e.body.problems ? `${e.message} See the problems below.` : errorMessage(e),
      );
      if (e instanceof ApiError && e.body.problems && preview)
        setPreview({ ...preview, problems: e.body.problems });
    } finally {
      setBusy(null);
    }
  };

  const exportRegister = async () => {
    setBusy('exporting');
    try {
      const file = await call('register.export', {});
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const total = preview
    ? preview.newSchools.length + preview.changedSchools.length + preview.unchangedCount
    : 0;
  return (
    <Stack maw={1100}>
      <Title order={2}>Register workbook</Title>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h4">
              Export
            </Title>
            <Text size="sm" c="dimmed">
              Every open school, in the LA’s register template, ready to open in Excel.
            </Text>
          </div>
          <Button variant="light" onClick={() => void exportRegister()} loading={busy === 'exporting'}>
            Export register
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between">
            <div>
              <Title order={3} size="h4">
                Import
              </Title>
              <Text size="sm" c="dimmed">
                Choose a workbook in the register layout. You will see every change before anything is saved.
              </Text>
            </div>
            <FileButton onChange={(f) => void choose(f)} accept=".xlsx">
              {(props) => (
                <Button {...props} loading={busy === 'reading'}>
                  Choose workbook…
                </Button>
              )}
            </FileButton>
          </Group>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {preview && upload && (
            <Stack data-testid="import-preview">
              <Text fw={600}>{upload.fileName}</Text>
              <Group gap="xs">
                <Badge color="teal">{preview.newSchools.length} new</Badge>
                <Badge color="blue">{preview.changedSchools.length} changed</Badge>
                <Badge color="gray">{preview.unchangedCount} unchanged</Badge>
                {preview.problems.length > 0 && (
                  <Badge color="red">
                    {preview.problems.length} {preview.problems.length === 1 ? 'problem' : 'problems'}
                  </Badge>
                )}
              </Group>
              <ProblemList
                problems={preview.problems}
                title="This workbook cannot be imported until these are put right"
              />
              {(preview.districtChanges.length > 0 || preview.newSips.length > 0) && (
                <Alert color="blue" title="Organisation">
                  {preview.districtChanges.map((d) => (
                    <Text size="sm" key={d.district}>
                      {d.before === null
                        ? `New district ${d.district} in ${d.doubleDistrict}`
                        : `${d.district} moves from ${d.before} to ${d.doubleDistrict}`}
                    </Text>
                  ))}
                  {preview.newSips.length > 0 && (
                    <Text size="sm">New SIPs: {preview.newSips.join(', ')}</Text>
                  )}
                </Alert>
              )}
              <ChangesTable records={preview.changedSchools} />
              {preview.newSchools.length > 0 && (
                <details>
                  <summary>New schools ({preview.newSchools.length})</summary>
                  <List size="sm" mt="xs">
                    {preview.newSchools.slice(0, 500).map((s) => (
                      <List.Item key={s.dfe}>
                        {s.dfe} {s.name} — {s.district}
                      </List.Item>
                    ))}
                  </List>
                </details>
              )}
              <PreviewActions
                label={`Import ${preview.newSchools.length + preview.changedSchools.length} schools`}
                onCancel={() => {
                  setPreview(null);
                  setUpload(null);
                }}
                onImport={() => void apply()}
                importing={busy === 'importing'}
                disabled={preview.problems.length > 0 || total === 0}
              />
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
