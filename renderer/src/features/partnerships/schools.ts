import { useMemo } from 'react';
import { useOperation } from '../../api';

/** Every open school as a choice for a picker: "Name (DfE number)", by name. */
export function useSchoolChoices() {
  const schools = useOperation('schools.list', {}).data;
  return useMemo(
    () =>
      (schools ?? [])
        .filter((s) => s.closedOn === null)
        .map((s) => ({ value: String(s.id), label: `${s.name} (${s.dfe})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [schools],
  );
}
