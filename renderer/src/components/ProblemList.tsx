import { Alert, List, Text } from '@mantine/core';
import type { Problem } from '../../../shared/api/contract';

const SHOWN = 200;

/** Every problem in a workbook, each with its sheet and cell, so the user can put them all right at once. */
export function ProblemList({
  problems,
  title,
  color = 'red',
}: {
  problems: Problem[];
  title: string;
  color?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert color={color} title={title} role={color === 'red' ? 'alert' : 'status'}>
      <List size="sm" data-testid={color === 'red' ? 'problems' : 'warnings'}>
        {problems.slice(0, SHOWN).map((p, i) => (
          <List.Item key={i}>
            <strong>{p.where}</strong>: {p.message}
          </List.Item>
        ))}
      </List>
      {problems.length > SHOWN && <Text size="sm">…and {problems.length - SHOWN} more.</Text>}
    </Alert>
  );
}
