import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError, type Problem } from '../../../shared/api/contract';
import type { JobStage } from '../../../shared/api/jobs';
import { errorMessage } from '../api';
import { JobProgress } from './JobProgress';
import { PreviewActions } from './PreviewActions';
import { ProblemList } from './ProblemList';
import { readUpload } from './workbook-files';

export type Upload = Awaited<ReturnType<typeof readUpload>>;

const XLSX = { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'] };

interface Counts {
  new: number;
  changed: number;
  unchanged: number;
}

/**
 * Every workbook import goes the same way: choose (or drop) a file → see the preview with every
 * problem and change → import it all, or cancel. Nothing is written before the user confirms.
 */
export function ImportWorkflow<P extends { problems: Problem[] }>({
  description,
  chooseLabel,
  testId,
  preview,
  apply,
  counts,
  heading = (_p, upload) => upload.fileName,
  problemsTitle,
  applyLabel,
  nothingToImport = (p) => counts(p).new + counts(p).changed === 0,
  onPreviewed,
  children,
}: {
  description: string;
  /** The button's name, e.g. "Choose workbook…". */
  chooseLabel: string;
  /** Marks the preview for tests. */
  testId: string;
  /** Reads and checks the upload (as a job: see jobs.ts), telling `onStage` how far it has got. */
  preview: (upload: Upload, onStage: (stage: JobStage) => void) => Promise<P>;
  /** Writes the upload and says, in plain words, what was imported. */
  apply: (upload: Upload, onStage: (stage: JobStage) => void) => Promise<string>;
  counts: (preview: P) => Counts;
  heading?: (preview: P, upload: Upload) => string;
  problemsTitle: string;
  applyLabel: (preview: P) => string;
  /** When the import button stays disabled although there are no problems; by default, nothing new or changed. */
  nothingToImport?: (preview: P) => boolean;
  onPreviewed?: (preview: P) => void;
  /** What this workbook's preview shows besides its counts and problems. */
  children: (preview: P) => ReactNode;
}) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [shown, setShown] = useState<P | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [stage, setStage] = useState<JobStage>('waiting');
  const [error, setError] = useState<string | null>(null);
  const open = useRef<() => void>(null);

  const cancel = () => {
    setShown(null);
    setUpload(null);
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    cancel();
    setBusy('reading');
    setStage('waiting');
    try {
      const next = await readUpload(file);
      setUpload(next);
      const found = await preview(next, setStage);
      setShown(found);
      onPreviewed?.(found);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const importAll = async () => {
    if (!upload || !shown) return;
    setError(null);
    setBusy('importing');
    setStage('waiting');
    try {
      notifications.show({ color: 'teal', message: await apply(upload, setStage) });
      cancel();
    } catch (e) {
      // The file changed on disk or the register moved on since the preview: show the new problems.
      const problems = e instanceof ApiError ? e.body.problems : undefined;
      setError(problems ? `${errorMessage(e)} See the problems below.` : errorMessage(e));
      if (problems) setShown({ ...shown, problems });
    } finally {
      setBusy(null);
    }
  };

  const count = shown ? counts(shown) : null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={3} size="h4">
            Import
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        <Dropzone
          onDrop={(files) => void choose(files[0])}
          onReject={() => setError('Choose an Excel workbook (.xlsx).')}
          openRef={open}
          accept={XLSX}
          multiple={false}
          activateOnClick={false}
          activateOnKeyboard={false}
          enablePointerEvents
          loading={busy === 'reading'}
          inputProps={{ 'aria-label': chooseLabel.replace('…', '') }}
          p="md"
        >
          <Group justify="center" gap="md">
            <Button onClick={() => open.current?.()} loading={busy === 'reading'}>
              {chooseLabel}
            </Button>
            <Text size="sm" c="dimmed">
              or drop an .xlsx file here
            </Text>
          </Group>
        </Dropzone>
        {busy && <JobProgress stage={stage} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {shown && upload && count && (
          <Stack data-testid={testId}>
            <Text fw={600}>{heading(shown, upload)}</Text>
            <Group gap="xs">
              <Badge color="teal">{count.new} new</Badge>
              <Badge color="blue">{count.changed} changed</Badge>
              <Badge color="gray">{count.unchanged} unchanged</Badge>
              {shown.problems.length > 0 && (
                <Badge color="red">
                  {shown.problems.length} {shown.problems.length === 1 ? 'problem' : 'problems'}
                </Badge>
              )}
            </Group>
            <ProblemList problems={shown.problems} title={problemsTitle} />
            {children(shown)}
            <PreviewActions
              label={applyLabel(shown)}
              onCancel={cancel}
              onImport={() => void importAll()}
              importing={busy === 'importing'}
              disabled={shown.problems.length > 0 || nothingToImport(shown)}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
