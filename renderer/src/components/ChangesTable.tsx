import { ScrollArea, Table } from '@mantine/core';

interface ChangedRecord {
  dfe: string;
  name: string;
  /** Which record of the school, where a school has several (a SEF's date). */
  which?: string;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

/** An import preview's changes, one row per changed field: before → after. */
export function ChangesTable({
  records,
  fieldLabel = 'Field',
  whichLabel,
}: {
  records: ChangedRecord[];
  fieldLabel?: string;
  whichLabel?: string;
}) {
  if (records.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={320}>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>School</Table.Th>
            {whichLabel && <Table.Th>{whichLabel}</Table.Th>}
            <Table.Th>{fieldLabel}</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.flatMap((r) =>
            r.changes.map((c) => (
              <Table.Tr key={`${r.dfe}-${r.which ?? ''}-${c.field}`}>
                <Table.Td>
                  {r.dfe} {r.name}
                </Table.Td>
                {whichLabel && <Table.Td>{r.which}</Table.Td>}
                <Table.Td>{c.field}</Table.Td>
                <Table.Td>{c.before ?? '—'}</Table.Td>
                <Table.Td>{c.after ?? '—'}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
