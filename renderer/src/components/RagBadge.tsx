import { Text } from '@mantine/core';

/** Red, amber or green as a badge, with the word for those who cannot tell the colours apart. */
export function RagBadge({ rag }: { rag: 'Red' | 'Amber' | 'Green' | null }) {
  if (rag === null)
    return (
      <Text span c="dimmed" size="sm">
        Not rated
      </Text>
    );
  const color = { Red: 'red', Amber: 'orange', Green: 'green' }[rag];
  return (
    <Text span size="sm" fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
      ● {rag}
    </Text>
  );
}
