import { ActionIcon } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useRef, useState } from 'react';
import { parseDate } from '../../../shared/domain/format';

/**
 * A date picked from a calendar or typed the British way — 22/11/2026, 4/9/2008, 04.09.2008 — whatever
 * the browser's locale (the native date picker shows American order in some set-ups).
 *
 * The calendar's language and first day of the week (Monday) come from the DatesProvider in App. It
 * opens from the calendar button or the Down arrow, never by itself on focus or typing, so it does not
 * cover the fields and buttons below while someone types or tabs through a form.
 *
 * A typed text that is not a real date (31/02/2008, 4/9/08) is never dropped silently: the field
 * shows why, keeps the text for the user to put right, and tells the parent through
 * `onValidityChange(false)` — a form must not save while any of its dates is invalid. `onChange` is
 * not called for such text, so the parent still holds the last real date (or '').
 */
export function DateField({
  label,
  value,
  onChange,
  onValidityChange,
  error,
  required,
}: {
  label: string;
  /** ISO `yyyy-mm-dd`, or '' or null when blank. */
  value: string | null;
  /** The ISO date, or '' when the field is cleared. */
  onChange: (iso: string) => void;
  /** false as soon as the text typed is not a real date; true again once it is, or is cleared. */
  onValidityChange?: (valid: boolean) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const [bad, setBad] = useState(false);
  const [calendar, setCalendar] = useState(false);
  const reported = useRef(true);
  const report = (valid: boolean) => {
    setBad(!valid);
    if (reported.current === valid) return;
    reported.current = valid;
    onValidityChange?.(valid);
  };
  return (
    <DateInput
      label={label}
      placeholder="dd/mm/yyyy"
      required={required ?? false}
      value={value || null}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDate}
      // Blanking the text clears the date (without this the old date would silently stay).
      clearable
      // Keep what was typed on leaving the field, so a mistake is shown rather than undone unseen.
      fixOnBlur={false}
      popoverProps={{ opened: calendar, onDismiss: () => setCalendar(false) }}
      leftSection={
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Choose ${label.toLowerCase()} from a calendar`}
          // Keeps the focus in the field, so the button toggles the calendar rather than blur closing it first.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setCalendar((open) => !open)}
        >
          <CalendarIcon />
        </ActionIcon>
      }
      leftSectionPointerEvents="all"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setCalendar(true);
        if (e.key === 'Escape' || e.key === 'Tab') setCalendar(false);
      }}
      onBlur={() => setCalendar(false)}
      onInput={(e) => {
        setCalendar(false);
        const typed = e.currentTarget.value;
        report(typed.trim() === '' || parseDate(typed) !== null);
      }}
      onChange={(iso) => {
        setCalendar(false);
        report(true);
        onChange(iso ?? '');
      }}
      error={bad ? 'Enter a real date, like 22/11/2026' : error}
    />
  );
}

function CalendarIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
