import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SupportRow } from '../../../../shared/api/brokerage';
import type { OpOutput } from '../../../../shared/api/contract';
import type { EffectivenessProfileRow } from '../../../../shared/api/effectiveness-profiles';
import { elementLabel } from '../../../../shared/domain/effectiveness';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';
import { showUndoNotice } from '../../components/UndoNotice';
import { BarrierForm } from './BarrierForm';
import { EffectivenessProfileForm } from './EffectivenessProfileForm';
import { FindSupport } from './FindSupport';
import { SupportForm, type SupportStart } from './SupportForm';

type Barrier = OpOutput<'partnerships.barriers'>[number];
type Form =
  | { find: true }
  | { start: SupportStart }
  | { support: SupportRow }
  | { barrier: Barrier | null }
  | { profile: EffectivenessProfileRow | null }
  | null;

// The school page is given no navigation of its own; a plain link to another school's address is
// followed like Back and Forward are.
const schoolHref = (id: number) => `#/schools/${id}`;

/**
 * A school's place among others on its page: who supports it and whom it supports (and finding
 * more), the barriers it has raised, and its School Effectiveness Profile where the Welsh framework
 * is used. Every change here is audited, so `onChanged` reloads the page's timeline too.
 */
export function SchoolPartnerships({
  school,
  onChanged,
}: {
  school: { id: number; name: string };
  onChanged: () => void;
}) {
  const support = useOperation('partnerships.support', { schoolId: school.id });
  const barriers = useOperation('partnerships.barriers', { schoolId: school.id });
  const profiles = useOperation('effectivenessProfiles.list', { schoolId: school.id });
  const strengths = useOperation('partnerships.findStrengths', { schoolId: school.id });
  const [form, setForm] = useState<Form>(null);
  const reloadAll = () => {
    support.reload();
    barriers.reload();
    profiles.reload();
    onChanged();
  };
  const saved = (message: string) => () => {
    setForm(null);
    reloadAll();
    notifications.show({ message });
  };
  const deleted = (message: string) => (auditId: number) => {
    setForm(null);
    reloadAll();
    showUndoNotice(message, auditId, reloadAll);
  };
  const given = support.data ?? [];

  return (
    <Stack>
      <Section
        title="Brokered support"
        action="Find support"
        onAction={() => setForm({ find: true })}
        empty={support.data && given.length === 0 && 'No support brokered to or from this school yet.'}
      >
        <Table aria-label="Brokered support" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Who</Table.Th>
              <Table.Th>Area</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Agreed by</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {given.map((s) => {
              const receives = s.supportedSchoolId === school.id;
              const other = receives
                ? { id: s.supportingSchoolId, name: s.supportingSchool }
                : { id: s.supportedSchoolId, name: s.supportedSchool };
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {receives ? 'Supported by ' : 'Supports '}
                    <Anchor href={schoolHref(other.id)}>{other.name}</Anchor>
                  </Table.Td>
                  <Table.Td>{s.areaLabel}</Table.Td>
                  <Table.Td>
                    {formatDate(s.startsOn)} – {s.endsOn ? formatDate(s.endsOn) : 'ongoing'}
                    {s.active && (
                      <Badge ml={6} size="xs" color="teal" variant="light">
                        Now
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.agreedBy}</Table.Td>
                  <Table.Td>{s.outcome || '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setForm({ support: s })}
                      aria-label={`Correct the support from ${formatDate(s.startsOn)}`}
                    >
                      Correct
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section
          title="Barriers to effectiveness"
          action="Raise a barrier"
          onAction={() => setForm({ barrier: null })}
          empty={barriers.data?.length === 0 && 'This school has raised no barriers.'}
        >
          <Stack gap={6}>
            {(barriers.data ?? []).map((b) => (
              <Group key={b.id} justify="space-between" wrap="nowrap" align="start">
                <div>
                  <Text size="sm">
                    <b>{b.theme}</b> · raised {formatDate(b.raisedOn)}
                    {b.beyondSchool && (
                      <Badge ml="xs" size="xs" color="grape" variant="light">
                        Beyond the school
                      </Badge>
                    )}
                  </Text>
                  <Text size="sm">{b.description}</Text>
                </div>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setForm({ barrier: b })}
                  aria-label={`Correct the barrier ${b.theme} of ${formatDate(b.raisedOn)}`}
                >
                  Correct
                </Button>
              </Group>
            ))}
          </Stack>
        </Section>

        <Section
          title="Key strengths"
          empty={
            strengths.data?.length === 0 &&
            'None in the register. Add one on the Key strengths screen once a strength has been seen.'
          }
        >
          <Stack gap={4} role="list" aria-label="This school’s key strengths">
            {(strengths.data ?? []).map((k) => (
              <Text size="sm" key={k.id} role="listitem">
                <b>{k.areaLabel}</b>
                {k.aspect && ` (${k.aspect})`} ·{' '}
                {k.validatedOn ? (
                  `validated ${formatDate(k.validatedOn)} by ${k.validatedBy}`
                ) : (
                  <Text span size="sm" c="orange.8">
                    not yet validated
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        </Section>

        <Section
          title="School Effectiveness Profile"
          action="New profile"
          onAction={() => setForm({ profile: null })}
          empty={
            profiles.data?.length === 0 &&
            'None recorded. Where the Welsh School Effectiveness Framework is used, write the school’s profile for each academic year.'
          }
        >
          <Stack gap={6}>
            {(profiles.data ?? []).map((p) => {
              const themes = [
                ...new Set(p.sections.filter((s) => s.themes.trim()).map((s) => elementLabel(s.element))),
              ];
              return (
                <Group key={p.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <b>{p.label}</b> · {p.sections.length} {p.sections.length === 1 ? 'section' : 'sections'}
                    {themes.length > 0 && ` · themes for improvement in ${themes.join(', ')}`}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setForm({ profile: p })}
                    aria-label={`Open the profile for ${p.label}`}
                  >
                    Open
                  </Button>
                </Group>
              );
            })}
          </Stack>
        </Section>
      </SimpleGrid>

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
          onSaved={saved('Brokered support recorded.')}
        />
      )}
      {form && 'support' in form && (
        <SupportForm
          support={form.support}
          onClose={() => setForm(null)}
          onSaved={saved('Changes saved.')}
          onDeleted={deleted('Brokered support deleted.')}
        />
      )}
      {form && 'barrier' in form && (
        <BarrierForm
          schoolId={school.id}
          barrier={form.barrier ?? undefined}
          onClose={() => setForm(null)}
          onSaved={saved(form.barrier ? 'Changes saved.' : 'Barrier raised.')}
          onDeleted={deleted('Barrier deleted.')}
        />
      )}
      {form && 'profile' in form && (
        <EffectivenessProfileForm
          schoolId={school.id}
          profile={form.profile ?? undefined}
          takenYears={(profiles.data ?? []).map((p) => p.academicYear)}
          onClose={() => setForm(null)}
          onSaved={saved('Profile saved.')}
          onDeleted={deleted('Profile deleted.')}
        />
      )}
    </Stack>
  );
}
