import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/contract';
import { checkDraft, humanise, type FieldErrors } from '../../../shared/api/errors';
import { errorMessage } from '../api';
import { asking, confirm, confirmDiscard } from './confirm';
import { useUnsavedChanges } from './unsaved-changes';

/** What a form's fields are given: each field's problem, by the draft's own field name. */
export interface RecordFields {
  error: (field: string) => string | undefined;
  /** A date field also says when its typed text is no date, which blocks the save. */
  date: (field: string) => { error: string | undefined; onValidityChange: (valid: boolean) => void };
}

/** Taking a record away (deleting it, or withdrawing a proposal), after asking. */
export interface Removal {
  label: 'Delete' | 'Withdraw';
  /** The question, naming the record: "Delete the SIP visit of 04/09/2008?" */
  question: string;
  run: () => Promise<{ auditId: number }>;
  onRemoved: (auditId: number) => void;
}

/** Key order must not make two equal drafts differ. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * A modal form for one record. It checks the draft with the API's own rules as the user types,
 * showing each problem under its field (a field once changed, every field once a save is tried), and
 * saves only a draft that passes and has no field showing an error. A refusal's field problems go to
 * their fields; a general message appears only for what concerns no field on the form. Closing it
 * with unsaved changes asks first.
 */
export function RecordModal<S extends z.ZodType>({
  title,
  submitLabel,
  rules,
  labels = {},
  initial,
  draft,
  save,
  onClose,
  onSaved,
  remove,
  children,
}: {
  title: string;
  submitLabel: string;
  /** The schema the API checks this draft with. */
  rules: S;
  /** Names of fields, for a problem with a field the form does not show. */
  labels?: Record<string, string>;
  initial: object;
  draft: object;
  save: (checked: z.output<S>) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
  remove?: Removal | undefined;
  children: (fields: RecordFields) => ReactNode;
}) {
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<{ draft: string; fields: FieldErrors; message: string | null }>();
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'saving' | 'removing' | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const current = stableJson(draft);
  // A date typed wrong leaves the draft as it was, but the user has still typed something.
  const dirty = current !== stableJson(initial) || badDates.size > 0;
  const settled = useUnsavedChanges(dirty);

  // Problems show once a field is changed, so a new form does not open covered in red.
  const problems = checkDraft(rules, draft);
  const before = initial as Record<string, unknown>;
  const now = draft as Record<string, unknown>;
  const shown: FieldErrors = {};
  for (const [field, message] of Object.entries(problems))
    if (attempted || stableJson(now[field]) !== stableJson(before[field])) shown[field] = message;
  // A refusal stands until the draft it refused is changed.
  const refused = refusal?.draft === current ? refusal : undefined;
  Object.assign(shown, refused?.fields);

  const reportValidity = useCallback(
    (field: string, valid: boolean) =>
      setBadDates((bad) => {
        if (bad.has(field) !== valid) return bad;
        const next = new Set(bad);
        if (valid) next.delete(field);
        else next.add(field);
        return next;
      }),
    [],
  );

  // Which fields the form shows is learned as it renders them, so nothing refused goes unseen.
  const onForm = new Set<string>();
  const fields: RecordFields = {
    error: (field) => {
      onForm.add(field);
      return shown[field];
    },
    date: (field) => ({
      error: fields.error(field),
      onValidityChange: (valid) => reportValidity(field, valid),
    }),
  };
  const body = children(fields);
  const general = [
    ...(refused?.message ? [refused.message] : []),
    ...Object.entries(shown)
      .filter(([field]) => !onForm.has(field))
      .map(([field, message]) =>
        field === 'form' ? message : `${labels[field] ?? humanise(field)}: ${message}`,
      ),
  ];

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const checked = rules.safeParse(draft);
    if (!checked.success || badDates.size > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy('saving');
    try {
      await save(checked.data);
      settled();
      onSaved();
    } catch (e) {
      setRefused(e);
    } finally {
      setBusy(null);
    }
  };

  const setRefused = (e: unknown) => {
    const fieldProblems = e instanceof ApiError ? (e.body.fields ?? {}) : {};
    const aboutFields = Object.keys(fieldProblems).length > 0;
    setRefusal({ draft: current, fields: fieldProblems, message: aboutFields ? null : errorMessage(e) });
    setFocusRequest((n) => n + 1);
  };

  const close = async () => {
    if (asking()) return;
    if (!dirty || (await confirmDiscard())) onClose();
  };
  const removeRecord = async (removal: Removal) => {
    const sure = await confirm({
      title: removal.question,
      message: 'You can undo this straight afterwards from the message that confirms it.',
      confirmLabel: removal.label,
    });
    if (!sure) return;
    setBusy('removing');
    try {
      const { auditId } = await removal.run();
      settled();
      removal.onRemoved(auditId);
    } catch (e) {
      setRefused(e);
      setBusy(null);
    }
  };

  return (
    <Modal opened onClose={() => void close()} title={title} size="lg">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack gap="sm">
          {general.length > 0 && (
            <Alert color="red" role="alert">
              {general.join(' ')}
            </Alert>
          )}
          {body}
          <Group justify="space-between" mt="sm">
            {remove ? (
              <Button
                variant="subtle"
                color="red"
                loading={busy === 'removing'}
                onClick={() => void removeRecord(remove)}
              >
                {remove.label}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={() => void close()}>
                Cancel
              </Button>
              <Button type="submit" loading={busy === 'saving'}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What every record form is given by the school page. */
export interface RecordFormProps {
  schoolId: number;
  onClose: () => void;
  onSaved: () => void;
  /** Given when correcting a record, which can then be deleted: the message says what went. */
  onDeleted?: (auditId: number, message: string) => void;
}

/** A form's draft as first shown, the draft now, and a setter that takes the fields that changed. */
export function useDraft<T extends object>(start: () => T) {
  const [initial] = useState(start);
  const [draft, setDraft] = useState<T>(initial);
  return [draft, (patch: Partial<T>) => setDraft((d) => ({ ...d, ...patch })), initial] as const;
}

/** The free-text notes every record form ends with, across the whole width of the form. */
export function NotesField({
  label = 'Notes',
  value,
  onChange,
  error,
}: {
  label?: string;
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
}) {
  return (
    <Textarea
      label={label}
      autosize
      minRows={2}
      style={{ gridColumn: '1 / -1' }}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
