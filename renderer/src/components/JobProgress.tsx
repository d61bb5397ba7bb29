import { Progress, Stack, Text } from '@mantine/core';
import type { JobStage } from '../../../shared/api/jobs';

/** How far along each stage is, and what it is doing, in the user's words. */
const STAGES: Record<JobStage, { percent: number; words: string }> = {
  waiting: { percent: 5, words: 'Starting…' },
  reading: { percent: 30, words: 'Reading the workbook…' },
  checking: { percent: 65, words: 'Checking every row…' },
  writing: { percent: 85, words: 'Saving…' },
  done: { percent: 100, words: 'Done' },
};

/** A workbook import's progress: a bar, and what it is doing now. */
export function JobProgress({ stage }: { stage: JobStage }) {
  const { percent, words } = STAGES[stage];
  return (
    <Stack gap={4}>
      <Progress value={percent} animated={stage !== 'done'} aria-label={words} />
      <Text size="sm" c="dimmed" role="status">
        {words}
      </Text>
    </Stack>
  );
}
