import { Alert, Badge, Button, FileButton, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError, type OpOutput } from '../../../../shared/api/contract';
import type { SefGridPreview } from '../../../../shared/api/monitoring';
import { academicYearOf, shiftTerm, termLabel, termOf } from '../../../../shared/domain/calendar';
import { formatDate } from '../../../../shared/domain/format';
import { call, errorMessage } from '../../api';
import { ChangesTable } from '../../components/ChangesTable';
import { PreviewActions } from '../../components/PreviewActions';
import { ProblemList } from '../../components/ProblemList';
import { download, readUpload } from '../../components/workbook-files';

/** The last nine terms, newest first, for choosing what to export. */
function recentTerms(): string[] {
  const now = termOf(new Date().toISOString().slice(0, 10));
  return Array.from({ length: 9 }, (_, n) => termLabel(shiftTerm(now, -n)));
}

export function SefGridPage() {
  const [org, setOrg] = useState<OpOutput<'organisation.get'> | null>(null);
  const [ddId, setDdId] = useState<string | null>(null);
  const [term, setTerm] = useState<string>(() => recentTerms()[0]!);
  const [terms, setTerms] = useState<string[]>(recentTerms);
  const [upload, setUpload] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<SefGridPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | 'exporting' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('organisation.get', {}).then(setOrg);
  }, []);

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.body.problems && preview)
        setPreview({ ...preview, problems: e.body.problems });
    } finally {
      setBusy(null);
    }
  };
  const choose = (file: File | null) =>
    file &&
    void run('reading', async () => {
      setPreview(null);
      const next = await readUpload(file);
      setUpload(next);
      const found = await call('sefGrid.preview', next);
      setPreview(found);
      // The grid's own term joins the export choices, so it can be sent back as it came.
      if (found.term && !terms.includes(found.term)) setTerms((t) => [found.term, ...t]);
    });
  const apply = () =>
    upload &&
    void run('importing', async () => {
      const done = await call('sefGrid.apply', upload);
      notifications.show({
        color: 'teal',
        message: `Imported ${done.newEntries.length} new and ${done.changed.length} changed SEFs.`,
      });
      setUpload(null);
      setPreview(null);
    });
  const exportGrid = () =>
    void run('exporting', async () => {
      const file = await call('sefGrid.export', { doubleDistrictId: ddId ? Number(ddId) : null, term });
      download(file.fileName, file.dataBase64);
    });

  const work = preview ? preview.newEntries.length + preview.changed.length : 0;
  return (
    <Stack maw={1100}>
      <Title order={2}>SEF grid</Title>
      <Paper withBorder p="md">
        <Title order={3} size="h4">
          Export
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Each school&apos;s latest SEF by the end of the term, in the LA&apos;s SEF grid template.
        </Text>
        <Group align="end">
          <Select
            label="Double district"
            placeholder="Whole LA"
            clearable
            data={org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []}
            value={ddId}
            onChange={setDdId}
            w={260}
          />
          <Select
            label="Term"
            data={terms}
            value={term}
            onChange={(v) => v && setTerm(v)}
            allowDeselect={false}
            w={180}
          />
          <Button variant="light" onClick={exportGrid} loading={busy === 'exporting'}>
            Export SEF grid
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" align="start">
          <div>
            <Title order={3} size="h4">
              Import
            </Title>
            <Text size="sm" c="dimmed">
              A grid returned from the districts. You will see every change before anything is saved.
            </Text>
          </div>
          <FileButton onChange={choose} accept=".xlsx">
            {(props) => (
              <Button {...props} loading={busy === 'reading'}>
                Choose SEF grid…
              </Button>
            )}
          </FileButton>
        </Group>
        <Stack mt="md">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {preview && upload && (
            <Stack data-testid="sef-preview">
              <Text fw={600}>
                {upload.fileName}
                {preview.doubleDistrict && ` — ${preview.doubleDistrict}`}
                {preview.term && `, ${preview.term}`}
              </Text>
              <Group gap="xs">
                <Badge color="teal">{preview.newEntries.length} new</Badge>
                <Badge color="blue">{preview.changed.length} changed</Badge>
                <Badge color="gray">{preview.unchangedCount} unchanged</Badge>
              </Group>
              <ProblemList
                problems={preview.problems}
                title="This grid cannot be imported until these are put right"
              />
              <ProblemList problems={preview.warnings} title="Read but not imported" color="yellow" />
              <ChangesTable
                records={preview.changed.map((c) => ({ ...c, which: formatDate(c.sefOn) }))}
                fieldLabel="Judgement"
                whichLabel="SEF date"
              />
              <PreviewActions
                label={`Import ${work} SEFs`}
                onCancel={() => {
                  setPreview(null);
                  setUpload(null);
                }}
                onImport={apply}
                importing={busy === 'importing'}
                disabled={preview.problems.length > 0 || work === 0}
              />
            </Stack>
          )}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        Academic year {academicYearOf(new Date().toISOString().slice(0, 10))}: grades 1 outstanding, 2 good, 3
        satisfactory, 4 inadequate.
      </Text>
    </Stack>
  );
}
