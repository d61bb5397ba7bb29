import { Badge, Group, Text } from '@mantine/core';
import { CATEGORIES, isCategory } from '../../../shared/domain/categories';

/**
 * One colour per grade on Ofsted's 1–4 scale, used wherever a category or a judgement is shown, so
 * the schools list, its legend and a school's SEF read alike.
 */
const COLOURS = { 1: 'green', 2: 'blue', 3: 'orange', 4: 'red' } as const;

/** A grade 1–4 as a small coloured badge with its name on hover; anything else as plain text. */
export function GradeBadge({ grade }: { grade: number }) {
  if (!isCategory(grade)) return <>{grade}</>;
  return (
    <Badge color={COLOURS[grade]} variant="filled" size="sm" circle title={`${grade} ${CATEGORIES[grade]}`}>
      {grade}
    </Badge>
  );
}

/** What the colours mean: 1 Outstanding … 4 Inadequate. */
export function GradeLegend() {
  return (
    <Group gap="sm" aria-label="Categories">
      {([1, 2, 3, 4] as const).map((grade) => (
        <Group gap={4} key={grade} wrap="nowrap">
          <GradeBadge grade={grade} />
          <Text size="xs">{CATEGORIES[grade]}</Text>
        </Group>
      ))}
    </Group>
  );
}
