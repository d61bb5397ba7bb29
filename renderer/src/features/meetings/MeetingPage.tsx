import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { MeetingRow } from '../../../../shared/api/meetings';
import { call, errorMessage, useOperation } from '../../api';
import { confirm } from '../../components/confirm';
import { showUndoNotice } from '../../components/UndoNotice';
import { notifications } from '@mantine/notifications';
import { meetingTitle } from '../../../../shared/domain/meetings';
import { MeetingPapers } from '../papers';
import { DecisionsSection } from './DecisionsSection';
import { MeetingDetails } from './MeetingDetails';
import { meetingDraftOf } from './drafts';

const detailsKey = (m: MeetingRow) => JSON.stringify({ ...meetingDraftOf(m), decisions: null });

/** One meeting: its papers, the meeting itself (attendees, agenda, minutes) and its decisions. */
export function MeetingPage({
  id,
  onBack,
  onRestored,
}: {
  id: number;
  onBack: () => void;
  /** Back on the meeting once an Undo has put it back. */
  onRestored: () => void;
}) {
  const { data: meeting, error, reload } = useOperation('meetings.get', { id });
  if (error && !meeting) return <Alert color="red">{error}</Alert>;
  if (!meeting) return <Text c="dimmed">Loading…</Text>;
  const title = meetingTitle(meeting);

  const remove = async () => {
    const agreed = await confirm({
      title: 'Delete this meeting?',
      message: `Delete the ${title}, with its minutes and the decisions not yet applied?`,
      confirmLabel: 'Delete',
    });
    if (!agreed) return;
    try {
      const { auditId } = await call('meetings.delete', { id });
      onBack();
      showUndoNotice(`Deleted the ${title}.`, auditId, onRestored);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end" wrap="nowrap">
        <div>
          <Anchor component="button" size="sm" onClick={onBack}>
            ← Meetings
          </Anchor>
          <Title order={2}>{title}</Title>
          <Text c="dimmed">{meeting.doubleDistrict ?? 'County-wide'}</Text>
        </div>
        <Button variant="subtle" color="red" onClick={() => void remove()} style={{ flexShrink: 0 }}>
          Delete meeting
        </Button>
      </Group>
      <MeetingPapers meetingId={id} />
      {/* Started afresh when the stored details change (a save), not when only the decisions do. */}
      <MeetingDetails key={detailsKey(meeting)} meeting={meeting} onSaved={reload} />
      <DecisionsSection meeting={meeting} onChanged={reload} />
    </Stack>
  );
}
