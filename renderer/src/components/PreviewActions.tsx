import { Button, Group } from '@mantine/core';

/** The end of an import preview: drop it, or write it all. */
export function PreviewActions({
  label,
  onCancel,
  onImport,
  importing,
  disabled,
}: {
  label: string;
  onCancel: () => void;
  onImport: () => void;
  importing: boolean;
  disabled: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button onClick={onImport} loading={importing} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}
