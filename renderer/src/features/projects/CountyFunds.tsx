import { Anchor, Table, Text } from '@mantine/core';
import { formatPounds } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';

const COLUMNS = [
  ['Allocation', 'allocationPence'],
  ['Held back', 'heldBackPence'],
  ['Committed', 'committedPence'],
  ['Spent', 'spentPence'],
  ['Remaining', 'remainingPence'],
] as const;

/** Every double district's fund for the year side by side, each opening its own figures above. */
export function CountyFunds({
  financialYear,
  onOpen,
}: {
  financialYear: string;
  onOpen: (id: number) => void;
}) {
  const { data, error } = useOperation('funds.list', { financialYear });
  return (
    <Section
      title={`All double districts, ${financialYear}`}
      empty={error ?? (data?.length === 0 && 'No double districts yet.')}
    >
      <Table striped aria-label="Funds of all double districts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Double district</Table.Th>
            {COLUMNS.map(([label]) => (
              <Table.Th key={label} ta="right">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((f) => (
            <Table.Tr key={f.doubleDistrictId}>
              <Table.Td>
                <Anchor component="button" size="sm" onClick={() => onOpen(f.doubleDistrictId)}>
                  {f.doubleDistrict}
                </Anchor>
                {!f.fund && (
                  <Text size="xs" c="dimmed">
                    No allocation yet
                  </Text>
                )}
              </Table.Td>
              {COLUMNS.map(([label, key]) => (
                <Table.Td
                  key={label}
                  ta="right"
                  {...(key === 'remainingPence' && f[key] < 0 ? { c: 'red' } : {})}
                >
                  {formatPounds(f[key])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
