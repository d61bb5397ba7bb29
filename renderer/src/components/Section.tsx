import { Button, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One part of a record's page: a heading, the action that adds to it, and what it holds, or a calm
 * line saying there is nothing yet.
 */
export function Section({
  title,
  action,
  onAction,
  empty,
  children,
}: {
  title: string;
  /** The button's words, e.g. "Add milestone". */
  action?: string | undefined;
  onAction?: (() => void) | undefined;
  /** Shown instead of the children when there is nothing to show. */
  empty?: string | false | undefined;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        {action && onAction && (
          <Button size="xs" variant="light" onClick={onAction}>
            {action}
          </Button>
        )}
      </Group>
      {empty ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
