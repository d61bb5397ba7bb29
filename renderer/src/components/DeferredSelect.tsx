import { ComboboxChevron, InputBase, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { TypeaheadSelect } from './TypeaheadSelect';

/**
 * A TypeaheadSelect that, while nothing is chosen and nobody has used it, is drawn as the plain input
 * it looks like at rest: a Select draws its whole dropdown machinery (combobox store, popover,
 * positioning) even while closed, and a row of them cost more to draw than the list beneath. The
 * first focus — a click or Tab — puts the real one in its place, focused, so its list opens and
 * typing goes straight to it; from then on it stays.
 */
export function DeferredSelect(props: SelectProps) {
  const [used, setUsed] = useState(false);
  if (used || props.value != null) return <TypeaheadSelect {...props} autoFocus={used} />;
  const { label, placeholder, w } = props;
  return (
    <InputBase
      label={label}
      placeholder={placeholder}
      w={w}
      value=""
      readOnly
      role="combobox"
      aria-haspopup="listbox"
      aria-expanded={false}
      autoComplete="off"
      rightSection={<ComboboxChevron />}
      rightSectionPointerEvents="none"
      onFocus={() => setUsed(true)}
    />
  );
}
