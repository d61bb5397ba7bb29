import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';
import { FindSupport } from './FindSupport';
import { SupportForm, type SupportStart } from './SupportForm';

const schoolHref = (id: number) => `#/schools/${id}`;

/**
 * The support brokered to a school causing concern, for its concern and project pages: how many
 * schools are helping it now, who, in what, and finding more without leaving the page.
 */
export function SupportReceived({
  school,
  onOpenSchool,
}: {
  school: { id: number; name: string };
  onOpenSchool: (schoolId: number) => void;
}) {
  const support = useOperation('partnerships.support', { schoolId: school.id });
  const [form, setForm] = useState<{ find: true } | { start: SupportStart } | null>(null);
  const received = (support.data ?? []).filter((s) => s.supportedSchoolId === school.id);
  const helping = new Set(received.filter((s) => s.active).map((s) => s.supportingSchoolId)).size;

  return (
    <>
      <Section
        title="Brokered support"
        action="Find support"
        onAction={() => setForm({ find: true })}
        empty={
          support.data && received.length === 0 && 'No other school has been brokered to support this school.'
        }
      >
        <Text size="sm" fw={600} data-testid="supporting-count">
          {helping === 0
            ? 'No school supporting now'
            : `${helping} ${helping === 1 ? 'school' : 'schools'} supporting`}
        </Text>
        <Stack gap={4} mt={4} role="list" aria-label="Schools supporting this school">
          {received.map((s) => (
            <Group key={s.id} gap="xs" role="listitem" wrap="nowrap">
              <Anchor component="button" size="sm" onClick={() => onOpenSchool(s.supportingSchoolId)}>
                {s.supportingSchool}
              </Anchor>
              <Text size="sm">
                in {s.areaLabel} · {formatDate(s.startsOn)} – {s.endsOn ? formatDate(s.endsOn) : 'ongoing'}
              </Text>
              {s.active ? (
                <Badge size="xs" color="teal" variant="light">
                  Now
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  ended
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      </Section>
      {form && 'find' in form && (
        <FindSupport
          schoolId={school.id}
          schoolName={school.name}
          schoolHref={schoolHref}
          onClose={() => setForm(null)}
          onChoose={(supportingSchoolId, area) =>
            setForm({ start: { supportingSchoolId, supportedSchoolId: school.id, area } })
          }
        />
      )}
      {form && 'start' in form && (
        <SupportForm
          start={form.start}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            support.reload();
            notifications.show({ message: 'Brokered support recorded.' });
          }}
        />
      )}
    </>
  );
}
