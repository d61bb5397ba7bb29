import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RegisterPreview } from '../../../../shared/api/contract';
import { call, errorMessage } from '../../api';
import { ChangesTable } from '../../components/ChangesTable';
import { ImportWorkflow } from '../../components/ImportWorkflow';
import { runJob } from '../../components/jobs';
import { download } from '../../components/workbook-files';

const counts = (p: RegisterPreview) => ({
  new: p.newSchools.length,
  changed: p.changedSchools.length,
  unchanged: p.unchangedCount,
});

export function RegisterPage() {
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportRegister = async () => {
    setExporting(true);
    setError(null);
    try {
      const file = await call('register.export', {});
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

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
          <Button variant="light" onClick={() => void exportRegister()} loading={exporting}>
            Export register
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" mt="sm">
            {error}
          </Alert>
        )}
      </Paper>
      <ImportWorkflow
        description="Choose a workbook in the register layout. You will see every change before anything is saved."
        chooseLabel="Choose workbook…"
        testId="import-preview"
        preview={(upload, onStage) => runJob('register.preview', upload, onStage)}
        apply={async (upload, onStage) => {
          const done = await runJob('register.apply', upload, onStage);
          return `Imported ${done.newSchools.length} new and ${done.changedSchools.length} changed schools.`;
        }}
        counts={counts}
        problemsTitle="This workbook cannot be imported until these are put right"
        applyLabel={(p) => `Import ${p.newSchools.length + p.changedSchools.length} schools`}
        // A register that only moves districts or adds SIPs is still worth importing.
        nothingToImport={(p) => p.newSchools.length + p.changedSchools.length + p.unchangedCount === 0}
      >
        {(preview) => (
          <>
            {(preview.districtChanges.length > 0 || preview.newSips.length > 0) && (
              <Alert color="blue" title="Organisation">
                {preview.districtChanges.map((d) => (
                  <Text size="sm" key={d.district}>
                    {d.before === null
                      ? `New district ${d.district} in ${d.doubleDistrict}`
                      : `${d.district} moves from ${d.before} to ${d.doubleDistrict}`}
                  </Text>
                ))}
                {preview.newSips.length > 0 && <Text size="sm">New SIPs: {preview.newSips.join(', ')}</Text>}
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
          </>
        )}
      </ImportWorkflow>
    </Stack>
  );
}
