import type { AuditEntry } from '../api/records';
import type { z } from 'zod';
import type { schoolMonitoring } from '../api/monitoring';
import type { AuditEntity } from './audit';
import { formatDate, formatDateTime, londonDate } from './format';
import { disagreement } from './ofsted';
import { BUILT_IN_FRAMEWORKS, GRADE_NAMES } from './sef';

export const TIMELINE_KINDS = [
  'Visits',
  'Categories',
  'SEF',
  'Ofsted',
  'Profiles',
  'Concerns',
  'Support',
  'Record changes',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  key: string;
  date: string;
  kind: TimelineKind;
  title: string;
  lines: string[];
  /** The record an entry shows, so the page can offer to update or correct it. */
  edit?: { kind: EditableKind; id: number };
  /** A deletion that can still be undone: the audit entry to restore it from. */
  undo?: number;
}

export type EditableKind = 'visit' | 'proposal' | 'sef' | 'inspection' | 'hmi' | 'profile';

type Monitoring = z.infer<typeof schoolMonitoring>;

/** Where a record's changes are filed, so a corrected visit shows among the visits. */
const KIND_OF_ENTITY: Partial<Record<AuditEntity, TimelineKind>> = {
  visit: 'Visits',
  category: 'Categories',
  sef: 'SEF',
  inspection: 'Ofsted',
  'hmi-visit': 'Ofsted',
  profile: 'Profiles',
  'effectiveness-profile': 'Profiles',
  'brokered-support': 'Support',
  'key-strength': 'Support',
  barrier: 'Support',
  concern: 'Concerns',
  'warning-notice': 'Concerns',
  project: 'Concerns',
  milestone: 'Concerns',
  'project-meeting': 'Concerns',
  'progress-report': 'Concerns',
  'project-cost': 'Concerns',
  'concern-letter': 'Concerns',
  'ofsted-follow-up': 'Ofsted',
};

/** Kinds shown on the timeline only through their record of changes, so every entry shows. */
const ONLY_AS_CHANGES = new Set<AuditEntity>([
  'effectiveness-profile',
  'brokered-support',
  'key-strength',
  'barrier',
  'school',
  'concern',
  'warning-notice',
  'ofsted-follow-up',
  'project',
  'milestone',
  'project-meeting',
  'progress-report',
  'project-cost',
  'concern-letter',
]);

/**
 * A school's own changes all show; a monitoring record's first entry is the record itself (and a
 * DIG decision its own item), so of those only corrections, deletions and restores show.
 */
const shownAsChange = (h: AuditEntry) =>
  ONLY_AS_CHANGES.has(h.entity) || !['add', 'decide'].includes(h.action);
const grade = (n: number | null | undefined) => (n ? `${n} ${GRADE_NAMES[n]}` : '—');

/** Where Ofsted and the LA disagree: which way, and what the LA did about it. */
function disagreementLine(
  overall: number | null,
  laCategory: number | null,
  response: string | null,
): string {
  const way = disagreement(overall, laCategory);
  if (!way) return '';
  return `Ofsted's judgement is ${way} than the LA's category ${laCategory}: ${response ?? 'no LA response recorded'}`;
}

/** Grades in the framework's order, by their labels. */
function sefGrades(framework: string, grades: Record<string, number>): string {
  const known = BUILT_IN_FRAMEWORKS.find((f) => f.code === framework)?.judgements ?? [];
  const labelled = known
    .filter((j) => grades[j.code] !== undefined)
    .map((j) => `${j.label} ${grades[j.code]}`);
  const other = Object.entries(grades)
    .filter(([code]) => !known.some((j) => j.code === code))
    .map(([code, grade]) => `${code} ${grade}`);
  return [...labelled, ...other].join(' · ');
}

/** Everything known about a school, newest first, for the school page. */
export function buildTimeline(m: Monitoring, history: readonly AuditEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...m.visits.map((v) => ({
      key: `visit-${v.id}`,
      edit: { kind: 'visit' as const, id: v.id },
      date: v.visitedOn,
      kind: 'Visits' as const,
      title: `${v.role} visit by ${v.visitor} — ${v.purpose} (${v.days} ${v.days === 1 ? 'day' : 'days'})`,
      lines: [
        v.notes,
        v.reportReceivedOn
          ? `Report received ${formatDate(v.reportReceivedOn)}; ${v.qaOn ? `quality-assured ${formatDate(v.qaOn)}` : 'awaiting QA'}`
          : 'No report yet',
        `Claim: ${v.claimStatus.toLowerCase()}`,
      ].filter(Boolean),
    })),
    ...m.categories.flatMap((c) => [
      {
        key: `proposal-${c.id}`,
        ...(c.decidedOn === null ? { edit: { kind: 'proposal' as const, id: c.id } } : {}),
        date: c.proposedOn,
        kind: 'Categories' as const,
        title: `Category ${grade(c.proposedCategory)} proposed (${c.source}${c.proposedBy ? `, ${c.proposedBy}` : ''})`,
        lines: [c.evidence],
      },
      ...(c.decidedOn && c.confirmedCategory
        ? [
            {
              key: `decision-${c.id}`,
              date: c.decidedOn,
              kind: 'Categories' as const,
              title: `DIG confirmed category ${grade(c.confirmedCategory)}: ${c.supportLevel} support`,
              lines: [
                c.decisionNotes ?? '',
                c.supportOverride ? `Support set to ${c.supportOverride}: ${c.overrideReason}` : '',
              ].filter(Boolean),
            },
          ]
        : []),
    ]),
    ...m.sef.map((s) => ({
      key: `sef-${s.id}`,
      edit: { kind: 'sef' as const, id: s.id },
      date: s.sefOn,
      kind: 'SEF' as const,
      title: `SEF: overall ${grade(s.grades.overall ?? s.grades.leadership)}${s.validated ? ', validated by the SIP' : ', not validated'}`,
      lines: [sefGrades(s.framework, s.grades)],
    })),
    ...m.inspections.map((i) => ({
      key: `inspection-${i.id}`,
      edit: { kind: 'inspection' as const, id: i.id },
      date: i.inspectedOn,
      kind: 'Ofsted' as const,
      title: `Ofsted ${i.type.toLowerCase()}: overall ${grade(i.overall)}${i.outcome === 'None' ? '' : `, ${i.outcome}`}`,
      lines: [disagreementLine(i.overall, i.laCategory, i.laResponse), i.laResponseOutcome].filter(Boolean),
    })),
    ...m.monitoringVisits.map((v) => ({
      key: `hmi-${v.id}`,
      edit: { kind: 'hmi' as const, id: v.id },
      date: v.visitedOn,
      kind: 'Ofsted' as const,
      title: `HMI monitoring visit: progress ${v.progress.toLowerCase()}`,
      lines: [v.notes].filter(Boolean),
    })),
    ...m.profiles.map((p) => ({
      key: `profile-${p.id}`,
      edit: { kind: 'profile' as const, id: p.id },
      // A profile describes a term, not a day: it sits in the middle of its term.
      date: `${p.academicYear + (p.term === 'autumn' ? 0 : 1)}-${p.term === 'autumn' ? '10' : p.term === 'spring' ? '02' : '06'}-15`,
      kind: 'Profiles' as const,
      title: `Termly profile, ${p.label}`,
      lines: [
        [
          p.numberOnRoll !== null ? `${p.numberOnRoll} on roll` : '',
          p.attendance !== null ? `attendance ${p.attendance}%` : '',
          p.exclusions !== null ? `${p.exclusions} exclusions` : '',
          p.budgetPosition !== null
            ? `budget ${p.budgetPosition < 0 ? '−' : ''}£${Math.abs(p.budgetPosition).toLocaleString('en-GB')}`
            : '',
        ]
          .filter(Boolean)
          .join(' · '),
        p.newHeadteacher ? 'New headteacher' : '',
        p.staffChanges,
        p.notes,
      ].filter(Boolean),
    })),
    ...history.filter(shownAsChange).map((h) => ({
      key: `audit-${h.id}`,
      date: londonDate(new Date(h.at)),
      kind: KIND_OF_ENTITY[h.entity] ?? ('Record changes' as const),
      title: h.summary,
      ...(h.undoable ? { undo: h.id } : {}),
      lines: [
        `${formatDateTime(h.at)} by ${h.user}`,
        ...h.changes
          .slice(0, 12)
          .map((c) => `${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`),
      ],
    })),
  ];
  return items.sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
}
