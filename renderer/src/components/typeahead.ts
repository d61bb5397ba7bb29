import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

const isItem = (option: ComboboxParsedItem): option is ComboboxItem => 'value' in option;

/**
 * Options that start with what was typed come first, then those that merely contain it, so "sec"
 * offers Secondary before "Middle (deemed secondary)".
 */
const startsFirst: OptionsFilter = ({ options, search }) => {
  const typed = search.trim().toLowerCase();
  const items = options.filter(isItem);
  if (typed === '') return items;
  const label = (item: ComboboxItem) => item.label.toLowerCase();
  return [
    ...items.filter((item) => label(item).startsWith(typed)),
    ...items.filter((item) => !label(item).startsWith(typed) && label(item).includes(typed)),
  ];
};

/**
 * Props for a Select that accepts typing: the list narrows as the user types and Enter picks the
 * first match ("Pri" + Enter gives Primary), instead of whatever option happened to be highlighted.
 */
export const typeahead = { searchable: true, selectFirstOptionOnChange: true, filter: startsFirst } as const;
