import { Badge } from '@mantine/core';
import type { SupportLevel } from '../../../../shared/domain/categories';

const COLOURS: Record<SupportLevel, string> = { low: 'teal', medium: 'yellow', high: 'red' };

export function SupportBadge({ level }: { level: SupportLevel }) {
  return (
    <Badge color={COLOURS[level]} variant="light" size="sm">
      {level}
    </Badge>
  );
}
