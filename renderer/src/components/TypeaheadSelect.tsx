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
 * the first option of the whole list (Nursery) nor nothing at all. Enter is answered here, from
 * what is in the box, because the list highlights its first match only once it has drawn.
 */
export function TypeaheadSelect(props: SelectProps) {
  const { data, onChange, onKeyDown, onSearchChange } = props;
  const [search, setSearch] = useState('');
  const enter = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    // What is in the box now, not the last render's state: a quick Enter can beat the re-render.
    const typed = event.currentTarget.value;
    if (event.key !== 'Enter' || typed.trim() === '') return;
    const options = matches(getParsedComboboxData(data) as ComboboxParsedItem[], typed);
    // An option the user moved to with the arrow keys wins; otherwise the first match.
    const list = document.getElementById(event.currentTarget.getAttribute('aria-controls') ?? '');
    const highlighted = list?.querySelector('[data-combobox-selected]')?.textContent ?? null;
    const chosen = options.find((option) => option.label === highlighted) ?? options[0];
    if (!chosen) return;
    event.preventDefault();
    setSearch(chosen.label);
    onChange?.(chosen.value, chosen);
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
