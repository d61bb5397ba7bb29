import { useOperation } from '../../api';

/** What a school can be strong or weak in, grouped by framework for a Select. */
export function useAreaChoices() {
  const areas = useOperation('partnerships.areas', {}).data ?? [];
  const frameworks = [...new Set(areas.map((a) => a.framework))];
  return frameworks.map((group) => ({
    group,
    items: areas.filter((a) => a.framework === group).map((a) => ({ value: a.code, label: a.label })),
  }));
}
