import {
  getParsedComboboxData,
  Select,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
  type SelectProps,
} from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';

const isItem = (option: ComboboxParsedItem): option is ComboboxItem => 'value' in option;

/** Options that start with what was typed, then those that merely contain it. */
function matches(options: ComboboxParsedItem[], search: string): ComboboxItem[] {
  const typed = search.trim().toLowerCase();
  const items = options.filter(isItem);
  if (typed === '') return items;
  const label = (item: ComboboxItem) => item.label.toLowerCase();
  return [
    ...items.filter((item) => label(item).startsWith(typed)),
    ...items.filter((item) => !label(item).startsWith(typed) && label(item).includes(typed)),
  ];
}
const startsFirst: OptionsFilter = ({ options, search }) => matches(options, search);

/**
 * A Select that accepts typing: the list narrows as the user types, "sec" offering Secondary before
 * "Middle (deemed secondary)", and Enter takes the first match — "Pri" + Enter gives Primary, never
 * the first option of the whole list (Nursery) nor nothing at all. The list highlights its first
 * match only once it has drawn, so a quick typist's Enter is answered here too.
 */
export function TypeaheadSelect(props: SelectProps) {
  const { data, onChange, onKeyDown, onSearchChange } = props;
  const [search, setSearch] = useState('');
  const enter = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Enter' || search.trim() === '') return;
    const list = document.getElementById(event.currentTarget.getAttribute('aria-controls') ?? '');
    if (list?.querySelector('[data-combobox-selected]')) return; // the list answers it
    const first = matches(getParsedComboboxData(data) as ComboboxParsedItem[], search)[0];
    if (!first) return;
    event.preventDefault();
    onChange?.(first.value, first);
  };
  return (
    <Select
      {...props}
      searchable
      selectFirstOptionOnChange
      filter={startsFirst}
      searchValue={search}
      onSearchChange={(value) => {
        setSearch(value);
        onSearchChange?.(value);
      }}
      onKeyDown={enter}
    />
  );
}
