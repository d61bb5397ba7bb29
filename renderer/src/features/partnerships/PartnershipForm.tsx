import { useRef } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  partnershipDraft,
  partnershipLabels,
  type PartnershipRow,
} from '../../../../shared/api/partnerships';
import { todayInLondon } from '../../../../shared/domain/format';
import { PARTNERSHIP_KINDS, type PartnershipKind } from '../../../../shared/domain/partnerships';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { rowErrors } from './row-errors';
import { useSchoolChoices } from './schools';

interface Member {
  schoolId: number | null;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * A partnership and its members: who joined and left when, and which current member leads it. A
 * member who leaves is given a date rather than removed, so the partnership's history stays.
 */
export function PartnershipForm({
  partnership,
  onClose,
  onSaved,
  onDeleted,
}: {
  partnership?: PartnershipRow | undefined;
  onClose: () => void;
  onSaved: (saved: PartnershipRow) => void;
  onDeleted?: (auditId: number) => void;
}) {
  const schools = useSchoolChoices();
  const [draft, set, initial] = useDraft(() => ({
    name: partnership?.name ?? '',
    kind: partnership?.kind ?? ('Cluster' as PartnershipKind),
    leadSchoolId: partnership?.leadSchoolId ?? null,
    notes: partnership?.notes ?? '',
    members: (partnership?.members ?? []).map((m): Member => ({
      schoolId: m.schoolId,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
  }));
  const setMember = (index: number, patch: Partial<Member>) =>
    set({ members: draft.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const perRow = rowErrors(partnershipDraft, draft, 'members');
  const current = draft.members.filter((m) => m.schoolId !== null && m.leftOn === null);
  const nameOf = (id: number) => schools.find((s) => s.value === String(id))?.label ?? `School ${id}`;
  const saved = useRef<PartnershipRow | null>(null);

  return (
    <RecordModal
      title={partnership ? `Update ${partnership.name}` : 'Add a partnership'}
      submitLabel={partnership ? 'Save partnership' : 'Add partnership'}
      rules={partnershipDraft}
      labels={partnershipLabels}
      initial={initial}
      draft={draft}
      save={async (checked) => {
        saved.current = await call('partnerships.save', {
          ...(partnership ? { id: partnership.id } : {}),
          draft: checked,
        });
      }}
      onClose={onClose}
      onSaved={() => saved.current && onSaved(saved.current)}
      remove={
        partnership && onDeleted
          ? {
              label: 'Delete',
              question: `Delete ${partnership.name}?`,
              run: () => call('partnerships.delete', { id: partnership.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => {
        // Row problems show once the form shows the members' problem at all (changed, or save tried).
        const membersError = fields.error('members');
        return (
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label="Name"
                required
                value={draft.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={fields.error('name')}
              />
              <Select
                label="Kind"
                required
                data={[...PARTNERSHIP_KINDS]}
                value={draft.kind}
                onChange={(v) => v && set({ kind: v as PartnershipKind })}
                allowDeselect={false}
                error={fields.error('kind')}
              />
            </SimpleGrid>
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={500} size="sm" mb={4}>
                Members
              </Text>
              {draft.members.length === 0 && (
                <Text size="sm" c="dimmed">
                  No members yet.
                </Text>
              )}
              <Stack gap="xs">
                {draft.members.map((m, i) => {
                  const problems = membersError ? (perRow.get(i) ?? {}) : {};
                  const who = m.schoolId === null ? `member ${i + 1}` : nameOf(m.schoolId);
                  return (
                    <Group
                      key={i}
                      align="start"
                      gap="xs"
                      wrap="nowrap"
                      aria-label={`Member ${i + 1}`}
                      role="group"
                    >
                      <TypeaheadSelect
                        label="School"
                        style={{ flex: 1, minWidth: 0 }}
                        data={schools}
                        value={m.schoolId === null ? null : String(m.schoolId)}
                        onChange={(v) => setMember(i, { schoolId: v ? Number(v) : null })}
                        error={problems.schoolId}
                        limit={30}
                      />
                      <div style={{ flex: '0 0 160px' }}>
                        <DateField
                          label="Joined"
                          value={m.joinedOn}
                          onChange={(iso) => setMember(i, { joinedOn: iso })}
                          error={problems.joinedOn}
                        />
                      </div>
                      <div style={{ flex: '0 0 160px' }}>
                        <DateField
                          label="Left"
                          value={m.leftOn}
                          onChange={(iso) => setMember(i, { leftOn: iso || null })}
                          error={problems.leftOn}
                        />
                      </div>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={`Remove ${who}`}
                        onClick={() => set({ members: draft.members.filter((_, j) => j !== i) })}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  );
                })}
              </Stack>
              {membersError && perRow.size === 0 && (
                <Text size="sm" c="red" mt={4}>
                  {membersError}
                </Text>
              )}
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                onClick={() =>
                  set({
                    members: [...draft.members, { schoolId: null, joinedOn: todayInLondon(), leftOn: null }],
                  })
                }
              >
                Add a member
              </Button>
              <Text size="xs" c="dimmed">
                When a school leaves, give the date it left rather than removing it, so its time in the
                partnership is kept.
              </Text>
            </fieldset>
            <Select
              label="Lead school"
              description="One of the members that has not left"
              placeholder="No lead school"
              clearable
              data={current.map((m) => ({ value: String(m.schoolId), label: nameOf(m.schoolId!) }))}
              value={draft.leadSchoolId === null ? null : String(draft.leadSchoolId)}
              onChange={(v) => set({ leadSchoolId: v ? Number(v) : null })}
              error={fields.error('leadSchoolId')}
            />
            <Textarea
              label="Notes"
              autosize
              minRows={2}
              value={draft.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              error={fields.error('notes')}
            />
          </Stack>
        );
      }}
    </RecordModal>
  );
}
