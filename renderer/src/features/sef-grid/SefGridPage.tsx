import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SefGridPreview } from '../../../../shared/api/sef';
import {
  academicYearLabel,
  academicYearOf,
  shiftTerm,
  termLabel,
  termOf,
} from '../../../../shared/domain/calendar';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call, errorMessage, useOperation } from '../../api';
import { ChangesTable } from '../../components/ChangesTable';
import { ImportWorkflow } from '../../components/ImportWorkflow';
import { runJob } from '../../components/jobs';
import { ProblemList } from '../../components/ProblemList';
import { download } from '../../components/workbook-files';

/** The last nine terms, newest first, for choosing what to export. */
function recentTerms(): string[] {
  const now = termOf(todayInLondon());
  return Array.from({ length: 9 }, (_, n) => termLabel(shiftTerm(now, -n)));
}

const counts = (p: SefGridPreview) => ({
  new: p.newEntries.length,
  changed: p.changed.length,
  unchanged: p.unchangedCount,
});

export function SefGridPage() {
  const org = useOperation('organisation.get', {}).data;
  const [ddId, setDdId] = useState<string | null>(null);
  const [term, setTerm] = useState<string>(() => recentTerms()[0]!);
  const [terms, setTerms] = useState<string[]>(recentTerms);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportGrid = async () => {
    setExporting(true);
    setError(null);
    try {
      const file = await call('sefGrid.export', { doubleDistrictId: ddId ? Number(ddId) : null, term });
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

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
          <Button variant="light" onClick={() => void exportGrid()} loading={exporting}>
            Export SEF grid
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" mt="sm">
            {error}
          </Alert>
        )}
      </Paper>
      <ImportWorkflow
        description="A grid returned from the districts. You will see every change before anything is saved."
        chooseLabel="Choose SEF grid…"
        testId="sef-preview"
        preview={(upload, onStage) => runJob('sefGrid.preview', upload, onStage)}
        apply={async (upload, onStage) => {
          const done = await runJob('sefGrid.apply', upload, onStage);
          return `Imported ${done.newEntries.length} new and ${done.changed.length} changed SEFs.`;
        }}
        counts={counts}
        heading={(p, upload) =>
          [upload.fileName, p.doubleDistrict && ` — ${p.doubleDistrict}`, p.term && `, ${p.term}`]
            .filter(Boolean)
            .join('')
        }
        problemsTitle="This grid cannot be imported until these are put right"
        applyLabel={(p) => `Import ${p.newEntries.length + p.changed.length} SEFs`}
        // The grid's own term joins the export choices, so it can be sent back as it came.
        onPreviewed={(p) => {
          if (p.term) setTerms((t) => (t.includes(p.term) ? t : [p.term, ...t]));
        }}
      >
        {(preview) => (
          <>
            <ProblemList problems={preview.warnings} title="Read but not imported" color="yellow" />
            <ChangesTable
              records={preview.changed.map((c) => ({ ...c, which: formatDate(c.sefOn) }))}
              fieldLabel="Judgement"
              whichLabel="SEF date"
            />
          </>
        )}
      </ImportWorkflow>
      <Text size="xs" c="dimmed">
        Academic year {academicYearLabel(academicYearOf(todayInLondon()))}. Grades: 1 outstanding, 2 good, 3
        satisfactory, 4 inadequate.
      </Text>
    </Stack>
  );
}
