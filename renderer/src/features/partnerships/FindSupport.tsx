import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { useAreaChoices } from './areas';

type Suggestion = OpOutput<'partnerships.suggestSupport'>['suggestions'][number];

const NEARNESS_WORDS: Record<Suggestion['nearness'], string> = {
  'same district': 'Same district',
  'same double district': 'Same double district',
  'same partnership': 'In a partnership with this school',
  elsewhere: 'Elsewhere in the authority',
};

/**
 * Who could help this school: schools with a validated strength in the area it is weak in (its
 * weakest, unless the user picks another), nearest first, each with why it is suggested.
 */
export function FindSupport({
  schoolId,
  schoolName,
  schoolHref,
  onClose,
  onChoose,
}: {
  schoolId: number;
  schoolName: string;
  schoolHref: (schoolId: number) => string;
  onClose: () => void;
  onChoose: (supportingSchoolId: number, area: string) => void;
}) {
  const areas = useAreaChoices();
  const weak = useOperation('partnerships.suggestSupport', { schoolId });
  const [chosen, setChosen] = useState<string | null>(null);
  const weakest = weak.data?.weakAreas[0]?.area ?? null;
  const area = chosen ?? weakest;
  const found = useOperation('partnerships.suggestSupport', area ? { schoolId, area } : null);
  const result = found.data?.weakAreas[0]?.area === area ? found.data : undefined;
  const error = weak.error ?? found.error;

  return (
    <Modal opened onClose={onClose} title={`Find support for ${schoolName}`} size="xl">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        {weak.data && (
          <div aria-label="Where this school is weak" role="group">
            <Text size="sm" fw={500}>
              Where this school is weak
            </Text>
            {weak.data.weakAreas.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing recorded says so: no SEF judgement of 3 or 4, no factor of a concern and no theme for
                improvement. Choose an area to look for help in.
              </Text>
            ) : (
              weak.data.weakAreas.map((w) => (
                <Text size="sm" key={w.area}>
                  <b>{w.label}</b> — {w.because}
                </Text>
              ))
            )}
          </div>
        )}
        <Select
          label="Look for strength in"
          description={
            area === weakest && weakest ? 'Its weakest area; choose another to look there instead' : undefined
          }
          placeholder="Choose an area"
          searchable
          data={areas}
          value={area}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          w={360}
        />
        {area && !result && !error && <Text c="dimmed">Looking…</Text>}
        {result && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="suggestion-count">
              {result.suggestions.length === 0
                ? 'No school with a validated strength in this area can take this on. Try another area, or add a strength to the register once one is validated.'
                : `${result.suggestions.length} ${result.suggestions.length === 1 ? 'school' : 'schools'}, nearest first. A school supporting ${result.limit} already is not suggested.`}
            </Text>
            <Stack gap="xs" role="list" aria-label="Suggested schools">
              {result.suggestions.map((s) => (
                <Paper key={s.schoolId} withBorder p="sm" role="listitem" aria-label={s.name}>
                  <Group justify="space-between" align="start" wrap="nowrap">
                    <div>
                      <Group gap="xs">
                        <Anchor href={schoolHref(s.schoolId)} fw={600}>
                          {s.name}
                        </Anchor>
                        <Badge variant="light" color={s.nearness === 'elsewhere' ? 'gray' : 'teal'}>
                          {NEARNESS_WORDS[s.nearness]}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {s.district} · supporting{' '}
                        {s.supporting === 0
                          ? 'no other school'
                          : `${s.supporting} ${s.supporting === 1 ? 'school' : 'schools'}`}{' '}
                        now
                      </Text>
                      {s.strengths.map((k) => (
                        <Text size="sm" key={k.id} mt={4}>
                          <b>
                            {k.areaLabel}
                            {k.aspect ? ` (${k.aspect})` : ''}
                          </b>
                          : {k.evidence}{' '}
                          <Text span size="xs" c="dimmed">
                            Validated by {k.validatedBy}
                            {k.validatedOn ? ` on ${formatDate(k.validatedOn)}` : ''}
                            {k.contact ? ` · contact ${k.contact}` : ''}
                          </Text>
                        </Text>
                      ))}
                    </div>
                    <Button
                      size="xs"
                      style={{ flexShrink: 0 }}
                      onClick={() => onChoose(s.schoolId, area!)}
                      aria-label={`Record brokered support from ${s.name}`}
                    >
                      Record brokered support
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
            {result.excluded.length > 0 && (
              <details>
                <summary>
                  <Text span size="sm">
                    Not suggested ({result.excluded.length}): strong in this area, but not free to help
                  </Text>
                </summary>
                <Stack gap={2} mt="xs">
                  {result.excluded.map((x) => (
                    <Text size="sm" key={x.schoolId}>
                      {x.name} {x.reason}
                    </Text>
                  ))}
                </Stack>
              </details>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
