import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import { academicYearLabel, academicYearOf } from '../../../../shared/domain/calendar';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { GradeBadge } from '../../components/GradeBadge';

type Sef = OpOutput<'monitoring.school'>['sef'][number];
type Framework = OpOutput<'sef.frameworks'>['frameworks'][number];

/** A header narrow enough for a grid: "Care, guidance and support" → "Care"; the full label is on hover. */
function shortLabel(label: string): string {
  return label.length <= 10 ? label : label.split(/[ ,]/)[0]!;
}

/**
 * The school's SEFs as a grid, newest first: one row per SEF, one column per judgement of its
 * framework, so a change from one year to the next reads down a column.
 */
export function SefTable({ sefs }: { sefs: Sef[] }) {
  const frameworks = useOperation('sef.frameworks', {}).data?.frameworks;
  if (sefs.length === 0 || !frameworks) return null;
  // A school keeps the SEFs it made under an earlier framework: one grid for each.
  const used = frameworks.filter((f) => sefs.some((s) => s.framework === f.code));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Self-evaluation (SEF)
      </Title>
      {used.map((framework) => (
        <SefGrid
          key={framework.code}
          framework={framework}
          sefs={sefs.filter((s) => s.framework === framework.code)}
          named={used.length > 1}
        />
      ))}
    </Paper>
  );
}

function SefGrid({ framework, sefs, named }: { framework: Framework; sefs: Sef[]; named: boolean }) {
  const rows = [...sefs].sort((a, b) => b.sefOn.localeCompare(a.sefOn));
  // Optional judgements (EYFS, sixth form) only where this school has ever been graded on them.
  const columns = framework.judgements.filter((j) => !j.optional || rows.some((r) => j.code in r.grades));
  return (
    <>
      {named && (
        <Text size="sm" c="dimmed" mt="xs">
          {framework.name}
        </Text>
      )}
      <ScrollArea type="auto" offsetScrollbars>
        <Table
          withTableBorder
          withColumnBorders
          fz="xs"
          horizontalSpacing={6}
          aria-label="SEF judgements"
          data-testid="sef-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SEF date</Table.Th>
              {columns.map((j) => (
                <Table.Th key={j.code} ta="center">
                  <abbr title={j.label} style={{ textDecoration: 'none', cursor: 'help' }}>
                    {shortLabel(j.label)}
                  </abbr>
                </Table.Th>
              ))}
              <Table.Th ta="center">Validated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((sef) => (
              <Table.Tr key={sef.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(sef.sefOn)}
                  <Text span size="xs" c="dimmed" display="block">
                    {academicYearLabel(academicYearOf(sef.sefOn))}
                  </Text>
                </Table.Td>
                {columns.map((j) => {
                  const grade = sef.grades[j.code];
                  return (
                    <Table.Td key={j.code} ta="center">
                      {grade === undefined ? (
                        <Text span c="dimmed" aria-label="not graded">
                          –
                        </Text>
                      ) : (
                        <GradeBadge grade={grade} />
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="center">{sef.validated ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
