import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { JobStage } from '../../../../shared/api/jobs';
import type { PaperRow } from '../../../../shared/api/papers';
import { formatDate, formatDateTime } from '../../../../shared/domain/format';
import { call, errorMessage, useOperation } from '../../api';
import { runJob } from '../../components/jobs';
import { download } from '../../components/workbook-files';

/** What generating is doing, in the user's words; the pack reads no workbook, so not JobProgress's. */
const STAGES: Record<JobStage, { percent: number; words: string }> = {
  waiting: { percent: 5, words: 'Starting…' },
  reading: { percent: 35, words: 'Gathering the figures…' },
  checking: { percent: 50, words: 'Gathering the figures…' },
  writing: { percent: 80, words: 'Writing the workbook and the PDF…' },
  done: { percent: 100, words: 'Done' },
};

const size = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

/**
 * The District Intervention/Resource Group's papers for one meeting: generate the pack in one step
 * (workbook and PDF), and download what was generated. The latest papers are the ones presented, and
 * the next meeting's pack says what changed since them.
 */
export function MeetingPapers({ meetingId }: { meetingId: number }) {
  const papers = useOperation('papers.list', { meetingId });
  const [stage, setStage] = useState<JobStage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const generate = async () => {
    setError(null);
    setStage('waiting');
    try {
      const made = await runJob('papers.generate', { meetingId }, setStage);
      notifications.show({
        message: made.comparedWith
          ? `Papers generated. Changes are since the papers of ${formatDate(made.comparedWith)}.`
          : 'Papers generated. This is the first pack: there are no earlier papers to compare with.',
      });
      papers.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStage(null);
    }
  };

  const fetchFile = async (paper: PaperRow, format: 'xlsx' | 'pdf') => {
    try {
      const file = await call('papers.download', { paperId: paper.id, format });
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const rows = papers.data ?? [];
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="meeting-papers-title">
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="wrap">
          <div>
            <Title order={3} id="meeting-papers-title">
              Papers
            </Title>
            <Text size="sm" c="dimmed" maw={620}>
              The pack — summary, schools causing concern, category moderation, Ofsted since the last meeting,
              projects and funding, decisions required — as a workbook and a PDF. The latest papers are the
              ones presented; the next meeting’s pack says what changed since them.
            </Text>
          </div>
          <Button onClick={() => void generate()} loading={stage !== null}>
            Generate the papers
          </Button>
        </Group>
        {stage && (
          <Stack gap={4}>
            <Progress value={STAGES[stage].percent} animated aria-label={STAGES[stage].words} />
            <Text size="sm" c="dimmed" role="status">
              {STAGES[stage].words}
            </Text>
          </Stack>
        )}
        {(error ?? papers.error) && (
          <Alert color="red" title="The papers could not be made">
            {error ?? papers.error}
          </Alert>
        )}
        {rows.length === 0 ? (
          <Text size="sm">
            {papers.data ? 'No papers have been generated for this meeting yet.' : 'Loading…'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Generated</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Changes since</Table.Th>
                  <Table.Th>Download</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((paper) => (
                  <Table.Tr key={paper.id}>
                    <Table.Td>
                      {/* The badge drops below the time where the column is narrow, rather than over the next. */}
                      <Group gap="xs">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(paper.generatedAt)}
                        </Text>
                        {paper.presented && (
                          <Badge variant="light" style={{ flexShrink: 0 }}>
                            Presented
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{paper.generatedBy}</Table.Td>
                    <Table.Td>
                      {paper.comparedWith ? `The papers of ${formatDate(paper.comparedWith)}` : 'First pack'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => void fetchFile(paper, 'xlsx')}>
                          Workbook ({size(paper.workbookBytes)})
                        </Button>
                        <Button size="xs" variant="default" onClick={() => void fetchFile(paper, 'pdf')}>
                          PDF ({size(paper.pdfBytes)})
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
