import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../../../shared/api/contract';
import { checkDraft, type FieldErrors } from '../../../../shared/api/errors';
import { meetingDraft, type MeetingDraft, type MeetingRow } from '../../../../shared/api/meetings';
import { attendee, MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/meetings';
import { call, errorMessage, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { meetingDraftOf } from './drafts';

type Details = Omit<MeetingDraft, 'decisions'>;

/**
 * The meeting itself, edited in place: when and where, who attended (a row each: members include
 * finance and JFU staff who are not people in the file), the agenda and the minutes.
 */
export function MeetingDetails({ meeting, onSaved }: { meeting: MeetingRow; onSaved: () => void }) {
  const org = useOperation('organisation.get', {}).data;
  // The decisions are the Decisions section's: this form edits the rest and saves them as they stand.
  const { decisions, ...saved } = meetingDraftOf(meeting);
  const [draft, setDraft] = useState<Details>(saved);
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<{ fields: FieldErrors; message: string | null }>();
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const settled = useUnsavedChanges(dirty);
  const set = (patch: Partial<Details>) => {
    setRefused(undefined);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setAttendee = (index: number, patch: Partial<MeetingDraft['attendees'][number]>) =>
    set({ attendees: draft.attendees.map((a, i) => (i === index ? { ...a, ...patch } : a)) });

  const whole: MeetingDraft = { ...draft, decisions };
  const errors: FieldErrors = { ...(attempted ? checkDraft(meetingDraft, whole) : {}), ...refused?.fields };
  const save = async () => {
    setAttempted(true);
    if (!meetingDraft.safeParse(whole).success) return;
    setSaving(true);
    try {
      await call('meetings.save', { id: meeting.id, draft: whole });
      settled();
      notifications.show({ message: 'Meeting saved.' });
      onSaved();
    } catch (e) {
      const fields = e instanceof ApiError ? (e.body.fields ?? {}) : {};
      setRefused({ fields, message: Object.keys(fields).length ? null : errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Meeting">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Meeting
        </Title>
        {/* Two across at 1024 pixels, so the longest group's name shows whole. */}
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm">
          <DateField
            label="Held on"
            required
            value={draft.heldOn}
            onChange={(iso) => set({ heldOn: iso })}
            error={errors.heldOn}
          />
          <Select
            label="Meeting"
            data={[...MEETING_KINDS]}
            value={draft.kind}
            onChange={(v) => v && set({ kind: v as MeetingKind })}
            allowDeselect={false}
            error={errors.kind}
          />
          <Select
            label="Double district"
            data={[
              { value: '', label: 'County-wide' },
              ...(org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []),
            ]}
            value={draft.doubleDistrictId === null ? '' : String(draft.doubleDistrictId)}
            onChange={(v) => set({ doubleDistrictId: v ? Number(v) : null })}
            allowDeselect={false}
            error={errors.doubleDistrictId}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Attendees
          </Text>
          <Stack gap={6}>
            {draft.attendees.length === 0 && (
              <Text size="sm" c="dimmed">
                No one listed yet.
              </Text>
            )}
            {draft.attendees.map((a, i) => {
              // The API names only the list; each row's own problem goes under its own field.
              const rowErrors = attempted ? checkDraft(attendee, a) : {};
              return (
                <Group key={i} gap="xs" wrap="nowrap" align="start">
                  <TextInput
                    aria-label={`Attendee ${i + 1} name`}
                    placeholder="Name"
                    value={a.name}
                    onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
                    error={rowErrors.name}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    aria-label={`Attendee ${i + 1} role`}
                    placeholder="Role, e.g. DSIM or SID Finance"
                    value={a.role}
                    onChange={(e) => setAttendee(i, { role: e.currentTarget.value })}
                    error={rowErrors.role}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Remove attendee ${i + 1}`}
                    onClick={() => set({ attendees: draft.attendees.filter((_, j) => j !== i) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
          <Button
            mt="xs"
            size="xs"
            variant="light"
            onClick={() => set({ attendees: [...draft.attendees, { name: '', role: '' }] })}
          >
            Add attendee
          </Button>
        </div>
        <Textarea
          label="Agenda"
          autosize
          minRows={3}
          maxRows={12}
          value={draft.agenda}
          onChange={(e) => set({ agenda: e.currentTarget.value })}
          error={errors.agenda}
        />
        <Textarea
          label="Minutes"
          autosize
          minRows={6}
          maxRows={30}
          value={draft.minutes}
          onChange={(e) => set({ minutes: e.currentTarget.value })}
          error={errors.minutes}
        />
        {refused?.message && <Alert color="red">{refused.message}</Alert>}
        {errors.decisions && <Alert color="red">{errors.decisions}</Alert>}
        <Group justify="flex-end">
          {dirty && (
            <Button
              variant="default"
              onClick={() => {
                setDraft(saved);
                setAttempted(false);
                setRefused(undefined);
              }}
            >
              Undo my edits
            </Button>
          )}
          <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
            Save meeting
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
