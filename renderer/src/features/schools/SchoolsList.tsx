import { Button, Checkbox, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SchoolListRow as SchoolRow } from '../../../../shared/api/schools';
import { CATEGORIES, SUPPORT_LEVELS } from '../../../../shared/domain/categories';
import { STAGES } from '../../../../shared/domain/concerns';
import { OUTCOMES } from '../../../../shared/domain/ofsted';
import { PHASES, SCHOOL_TYPES } from '../../../../shared/domain/organisation';
import {
  emptyFilter,
  filterSchools,
  sortRows,
  type SchoolFilter,
  type SortDirection,
} from '../../../../shared/domain/school-filter';
import { useOperation } from '../../api';
import { GradeLegend } from '../../components/GradeBadge';
import { DeferredSelect } from '../../components/DeferredSelect';
import { COLUMNS } from './school-columns';

// The form (and the field rules it checks as the user types) is downloaded when "Add school" is
// first pressed, not before the list's first row.
const SchoolFormModal = lazy(() => import('./SchoolForm').then((m) => ({ default: m.SchoolFormModal })));

const ROW_HEIGHT = 36;
// One line per row, always: the virtualiser places rows by this fixed height.
const CELL = {
  padding: '0 10px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;
const WHOLE = { ...CELL, textOverflow: 'clip', fontVariantNumeric: 'tabular-nums' } as const;
const FILTER_KEY = 'sid-schools-filter';
const CHOICE = { clearable: true, placeholder: 'All' } as const;

/** Another file has other districts, so its list starts unfiltered. */
export const forgetFilter = () => sessionStorage.removeItem(FILTER_KEY);

/** The list opens with this filter next, as a dashboard number opens the schools it counts. */
export const showSchoolsWith = (filter: SchoolFilter) =>
  sessionStorage.setItem(FILTER_KEY, JSON.stringify(filter));

/** The filter survives going into a school and back, for as long as the window is open. */
function savedFilter(): SchoolFilter {
  try {
    return {
      ...emptyFilter,
      ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Partial<SchoolFilter>),
    };
  } catch {
    return emptyFilter;
  }
}

export function SchoolsList({
  onOpen,
  hrefOf,
}: {
  onOpen: (id: number) => void;
  /** The school page's address, so its link can be opened in a new tab or copied. */
  hrefOf: (id: number) => string;
}) {
  const schools = useOperation('schools.list', {}).data ?? null;
  const org = useOperation('organisation.get', {}).data;
  const [filter, setFilter] = useState<SchoolFilter>(savedFilter);
  useEffect(() => sessionStorage.setItem(FILTER_KEY, JSON.stringify(filter)), [filter]);
  const [sort, setSort] = useState<{ key: keyof SchoolRow; direction: SortDirection }>({
    key: 'name',
    direction: 'asc',
  });
  const [adding, setAdding] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const { ref: frame, width } = useElementSize();
  const columns = COLUMNS.filter((column) => !column.from || width === 0 || width >= column.from);
  const link = (school: SchoolRow) => (
    <a
      href={hrefOf(school.id)}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onOpen(school.id);
      }}
      style={{ color: 'inherit' }}
    >
      {school.name}
    </a>
  );

  const shown = useMemo(
    () => (schools ? sortRows(filterSchools(schools, filter), sort.key, sort.direction) : []),
    [schools, filter, sort],
  );
  const virtualiser = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const set = useCallback((patch: Partial<SchoolFilter>) => setFilter((f) => ({ ...f, ...patch })), []);
  // The filters are drawn again only when they or the organisation change: not when the rows
  // arrive, scroll or are sorted. Nine selects cost more to draw than the rows themselves.
  const filters = useMemo(() => {
    const districts =
      org?.districts.filter(
        (d) => filter.doubleDistrictId === null || d.doubleDistrictId === filter.doubleDistrictId,
      ) ?? [];
    return (
      <Group gap="sm" align="end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or DfE number"
          value={filter.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={200}
        />
        <DeferredSelect
          label="Double district"
          {...CHOICE}
          data={org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []}
          value={filter.doubleDistrictId === null ? null : String(filter.doubleDistrictId)}
          onChange={(v) => set({ doubleDistrictId: v ? Number(v) : null, districtId: null })}
          w={190}
        />
        <DeferredSelect
          label="District"
          {...CHOICE}
          data={districts.map((d) => ({ value: String(d.id), label: d.name }))}
          value={filter.districtId === null ? null : String(filter.districtId)}
          onChange={(v) => set({ districtId: v ? Number(v) : null })}
          w={170}
        />
        <DeferredSelect
          label="Phase"
          {...CHOICE}
          data={[...PHASES]}
          value={filter.phase}
          onChange={(v) => set({ phase: v })}
          w={150}
        />
        <DeferredSelect
          label="Type"
          {...CHOICE}
          data={[...SCHOOL_TYPES]}
          value={filter.type}
          onChange={(v) => set({ type: v })}
          w={170}
        />
        <DeferredSelect
          label="Category"
          {...CHOICE}
          data={[
            ...Object.entries(CATEGORIES).map(([value, name]) => ({ value, label: `${value} ${name}` })),
            { value: '0', label: 'None confirmed' },
          ]}
          value={filter.category === null ? null : String(filter.category)}
          onChange={(v) => set({ category: v === null ? null : Number(v) })}
          w={150}
        />
        <DeferredSelect
          label="Support"
          {...CHOICE}
          data={SUPPORT_LEVELS.map((level) => ({
            value: level,
            label: level[0]!.toUpperCase() + level.slice(1),
          }))}
          value={filter.supportLevel}
          onChange={(v) => set({ supportLevel: v })}
          w={120}
        />
        <DeferredSelect
          label="Concern"
          clearable
          placeholder="Any"
          data={[
            { value: '0', label: 'Not causing concern' },
            ...STAGES.map((stage) => ({ value: String(stage), label: `Stage ${stage}` })),
          ]}
          value={filter.concernStage === null ? null : String(filter.concernStage)}
          onChange={(v) => set({ concernStage: v === null ? null : Number(v) })}
          w={180}
        />
        <DeferredSelect
          label="Ofsted"
          clearable
          placeholder="Any"
          data={OUTCOMES.map((o) => ({ value: o, label: o === 'None' ? 'Neither' : o }))}
          value={filter.ofstedCategory}
          onChange={(v) => set({ ofstedCategory: v })}
          w={170}
        />
        <Checkbox
          label="Duties missing"
          checked={filter.dutiesMissing}
          onChange={(e) => set({ dutiesMissing: e.currentTarget.checked })}
          mb={8}
        />
        <Checkbox
          label="No SIP visit this term"
          checked={filter.noSipVisit}
          onChange={(e) => set({ noSipVisit: e.currentTarget.checked })}
          mb={8}
        />
        <Checkbox
          label="Show closed schools"
          checked={filter.showClosed}
          onChange={(e) => set({ showClosed: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
    );
  }, [filter, org, set]);
  const filtered = (Object.keys(emptyFilter) as Array<keyof SchoolFilter>).some(
    (key) => filter[key] !== emptyFilter[key],
  );
  const items = virtualiser.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualiser.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <Stack gap="sm" h="calc(100vh - 84px)" ref={frame}>
      <Group justify="space-between">
        <Title order={2}>Schools</Title>
        <Button onClick={() => setAdding(true)} disabled={!org}>
          Add school
        </Button>
      </Group>
      {filters}
      <Group justify="space-between">
        {/* Beside the count rather than on a row of its own: at 1024 × 700 that row was a fifth of the list. */}
        <Group gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="match-count">
            {schools === null ? 'Loading schools…' : `${shown.length} of ${schools.length} schools`}
          </Text>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => setFilter(emptyFilter)}
            disabled={!filtered}
          >
            Clear filters
          </Button>
        </Group>
        <GradeLegend />
      </Group>
      {schools !== null && schools.length === 0 ? (
        <Stack align="center" py="xl" gap="xs">
          <Text fw={500}>There are no schools in this file yet.</Text>
          <Text c="dimmed" size="sm">
            Add one with “Add school”, or import the register workbook from the Register workbook page.
          </Text>
        </Stack>
      ) : (
        <div
          ref={scroller}
          style={{
            flex: 1,
            overflow: 'auto',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 4,
          }}
        >
          <table
            style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 14 }}
            aria-rowcount={shown.length + 1}
          >
            <thead
              style={{ position: 'sticky', top: 0, background: 'var(--mantine-color-gray-1)', zIndex: 1 }}
            >
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    style={{
                      width: column.width,
                      textAlign: 'left',
                      padding: '8px 10px',
                      borderBottom: '1px solid var(--mantine-color-gray-4)',
                    }}
                    aria-sort={
                      sort.key === column.key
                        ? sort.direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : 'none'
                    }
                  >
                    <UnstyledButton
                      fw={600}
                      fz={14}
                      onClick={() =>
                        setSort((s) => ({
                          key: column.key,
                          direction: s.key === column.key && s.direction === 'asc' ? 'desc' : 'asc',
                        }))
                      }
                    >
                      {column.label}{' '}
                      <span aria-hidden>
                        {sort.key === column.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </UnstyledButton>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
              {items.map((item) => {
                const school = shown[item.index];
                if (!school) return null;
                return (
                  <tr
                    key={school.id}
                    style={{
                      height: ROW_HEIGHT,
                      borderBottom: '1px solid var(--mantine-color-gray-2)',
                      cursor: 'pointer',
                    }}
                    onClick={() => onOpen(school.id)}
                  >
                    {columns.map((column) => {
                      const text = column.text?.(school) ?? undefined;
                      return (
                        <td
                          key={column.key}
                          style={{ ...(column.whole ? WHOLE : CELL), textAlign: column.align ?? 'left' }}
                          title={column.whole ? undefined : column.key === 'name' ? school.name : text}
                        >
                          {column.render ? column.render(school, link) : text}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
            </tbody>
          </table>
          {schools !== null && shown.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              No schools match these filters.
            </Text>
          )}
        </div>
      )}
      {adding && org && (
        <Suspense fallback={null}>
          <SchoolFormModal
            org={org}
            onClose={() => setAdding(false)}
            onSaved={(school) => {
              setAdding(false);
              onOpen(school.id);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
