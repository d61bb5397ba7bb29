import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDate, parseDate } from '../../../shared/domain/format';

/**
 * A date typed the British way (22/11/2026), whatever the browser's locale: the native date picker
 * shows American order in some set-ups. The value is ISO, or '' when blank.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [bad, setBad] = useState(false);
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      required={required ?? false}
      value={text}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const iso = parseDate(typed);
        setBad(typed.trim() !== '' && iso === null);
        onChange(iso ?? '');
      }}
      error={bad ? 'Enter a date like 22/11/2026' : error}
    />
  );
}
