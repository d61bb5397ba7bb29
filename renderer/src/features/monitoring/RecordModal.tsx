import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../../shared/api/contract';
import { errorMessage } from '../../api';

export type FieldErrors = Record<string, string>;

/**
 * A modal form for one record: runs `save`, shows a refusal's message and hands its field errors
 * to the fields, and closes only when the record is saved.
 */
export function RecordModal({
  title,
  submitLabel,
  onClose,
  onSaved,
  save,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSaved: () => void;
  save: () => Promise<unknown>;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      await save();
      onSaved();
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.body.fields ?? {}) : {});
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack gap="sm">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {children(errors)}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** What every record form is given by the school page. */
export interface RecordFormProps {
  schoolId: number;
  onClose: () => void;
  onSaved: () => void;
}

/** A form's draft and a setter that takes the fields that changed. */
export function useDraft<T extends object>(initial: T | (() => T)) {
  const [draft, setDraft] = useState<T>(initial);
  return [draft, (patch: Partial<T>) => setDraft((d) => ({ ...d, ...patch }))] as const;
}

/** The free-text notes every record form ends with, across the whole width of the form. */
export function NotesField({
  label = 'Notes',
  value,
  onChange,
}: {
  label?: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Textarea
      label={label}
      autosize
      minRows={2}
      style={{ gridColumn: '1 / -1' }}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
