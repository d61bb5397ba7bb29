import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SchoolListRow as SchoolRow } from '../../../../shared/api/schools';
import { GradeBadge } from '../../components/GradeBadge';
import { SupportBadge } from '../monitoring';

export interface Column {
  key: keyof SchoolRow;
  label: string;
  /** Short columns are fixed, wide enough for their longest value; text columns share the rest. */
  width: string;
  /** Left out when the list is narrower than this many pixels, so the rest stays readable. */
  from?: number;
  align?: 'right';
  /** Never cut: a DfE number read as "860/…" is no use. */
  whole?: boolean;
  /** Plain text, cut with an ellipsis and shown in full on hover. */
  text?: (school: SchoolRow) => string | null;
  render?: (school: SchoolRow, link: (school: SchoolRow) => ReactNode) => ReactNode;
}

// One formatter kept, rather than toLocaleString's afresh for every row drawn (16 ms on the first screen).
const ROLL = new Intl.NumberFormat('en-GB');

export const COLUMNS: Column[] = [
  { key: 'dfe', label: 'DfE No', width: '92px', whole: true, text: (s) => s.dfe },
  {
    key: 'name',
    label: 'School name',
    width: '34%',
    render: (s, link) => (
      <>
        {link(s)}{' '}
        {s.closedOn && (
          <Badge color="gray" size="xs">
            Closed
          </Badge>
        )}
      </>
    ),
  },
  { key: 'phase', label: 'Phase', width: '14%', text: (s) => s.phase },
  { key: 'type', label: 'Type', width: '16%', from: 900, text: (s) => s.type },
  { key: 'district', label: 'District', width: '17%', text: (s) => s.district },
  { key: 'sip', label: 'SIP', width: '19%', text: (s) => s.sip },
  {
    key: 'category',
    label: 'Category',
    width: '88px',
    render: (s) => s.category !== null && <GradeBadge grade={s.category} />,
  },
  {
    key: 'supportLevel',
    label: 'Support',
    width: '96px',
    render: (s) => s.supportLevel && <SupportBadge level={s.supportLevel} />,
  },
  {
    key: 'concernStage',
    label: 'Concern',
    width: '124px',
    text: (s) =>
      s.concernStage === null
        ? null
        : `Stage ${s.concernStage}${s.dutiesMissing > 0 ? `, ${dutiesMissing(s.dutiesMissing)}` : ''}`,
    render: (s) => s.concernStage !== null && <ConcernBadges school={s} />,
  },
  {
    key: 'numberOnRoll',
    label: 'On roll',
    width: '76px',
    from: 900,
    align: 'right',
    text: (s) => (s.numberOnRoll === null ? null : ROLL.format(s.numberOnRoll)),
  },
];

const STAGE_COLOURS: Record<number, string> = { 1: 'yellow', 2: 'orange', 3: 'red' };
const dutiesMissing = (n: number) => `${n} ${n === 1 ? 'duty' : 'duties'} missing`;

/** The open concern's stage, with a count of its duties not being kept beside it. */
function ConcernBadges({ school }: { school: SchoolRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STAGE_COLOURS[school.concernStage!] ?? 'gray'} variant="light" size="sm" tt="none">
        Stage {school.concernStage}
      </Badge>
      {school.dutiesMissing > 0 && (
        <Badge
          color="orange"
          variant="filled"
          size="sm"
          circle
          aria-label={dutiesMissing(school.dutiesMissing)}
        >
          {school.dutiesMissing}
        </Badge>
      )}
    </Group>
  );
}
