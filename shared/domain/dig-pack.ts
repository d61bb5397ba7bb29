import { CATEGORIES } from './categories';
import type { Stage } from './concerns';
import { formatDate } from './format';
import type { CostSource } from './money';
import type { Rag } from './projects';

/**
 * The District Intervention/Resource Group's termly paper pack (DOMAIN §9) as data: what the workbook
 * and the PDF both show, and what is saved with the meeting so the next pack can say what changed
 * since it was presented. Dates are ISO yyyy-mm-dd, money integer pence.
 */
export const PACK_VERSION = 1;

export interface PackConcern {
  schoolId: number;
  dfe: string;
  school: string;
  district: string;
  stage: Stage;
  stageSince: string;
  daysAtStage: number;
  reasons: string;
  openDuties: string[];
  nextDeadline: { on: string; what: string; overdue: boolean } | null;
  ofstedCategory: string | null;
  rag: Rag | null;
  /** Set by the comparison with the last meeting's papers. */
  change: string;
}

export interface PackProposal {
  schoolId: number;
  dfe: string;
  school: string;
  proposedOn: string;
  source: string;
  proposedBy: string | null;
  proposed: number;
  /** The category the group last confirmed, if any. */
  current: number | null;
  /** Overall effectiveness at the latest Ofsted inspection that judged it. */
  ofsted: number | null;
  ofstedOn: string | null;
  /** Why the group should look twice; null when proposal, current and Ofsted agree. */
  disagreement: string | null;
}

export interface PackInspection {
  schoolId: number;
  dfe: string;
  school: string;
  on: string;
  /** "Section 5 inspection", "HMI monitoring visit"… */
  type: string;
  overall: number | null;
  /** The outcome (a category or none), or an HMI visit's progress judgement. */
  result: string;
}

export interface PackProject {
  projectId: number;
  schoolId: number;
  dfe: string;
  school: string;
  stage: string;
  leadOfficer: string;
  status: string;
  rag: Rag | null;
  startedOn: string;
  reviewOn: string;
  /** Three terms without significant improvement: the day the school goes to DMT. */
  dmtOn: string | null;
  costs: Record<CostSource, number>;
  days: number;
  fundPence: number;
  totalPence: number;
}

export interface PackFund {
  doubleDistrict: string;
  financialYear: string;
  allocationPence: number;
  committedPence: number;
  spentPence: number;
  remainingPence: number;
}

export const DECISION_TYPES = [
  'Confirm as causing concern',
  'Stage change',
  'Project review',
  'DMT referral',
  'Warning notice',
  'Funding request',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export interface PackDecision {
  type: DecisionType;
  dfe: string;
  school: string;
  what: string;
  /** The date it falls due, when it has one. */
  dueOn: string | null;
}

export const CATEGORY_KEYS = ['1', '2', '3', '4', 'none'] as const;
export const OFSTED_KEYS = ['Notice to Improve', 'Special Measures'] as const;
export interface PackCounts {
  schools: number;
  categories: Record<(typeof CATEGORY_KEYS)[number], number>;
  stages: Record<'1' | '2' | '3', number>;
  ofsted: Record<(typeof OFSTED_KEYS)[number], number>;
}

export interface PackChange {
  dfe: string;
  school: string;
  what: string;
}

export interface DigPackContent {
  version: typeof PACK_VERSION;
  /** The double district's name, or "County-wide". */
  scope: string;
  /** The group whose papers these are, as the meeting names it. */
  meetingKind: string;
  meetingId: number;
  heldOn: string;
  generatedOn: string;
  /** The meeting whose papers this pack is compared with; null for the first pack. */
  previous: { meetingId: number; heldOn: string } | null;
  /** Ofsted activity is listed from this day (the day after the last meeting, or the year's start). */
  ofstedSince: string;
  counts: PackCounts;
  /** The counts the last meeting's papers gave; null for the first pack. */
  countsBefore: PackCounts | null;
  /** Each school's confirmed category, by school id: what a later pack compares categories with. */
  categoryOf: Record<string, number>;
  /** Each school in an Ofsted category, by school id. */
  ofstedCategoryOf: Record<string, string>;
  concerns: PackConcern[];
  moderation: PackProposal[];
  ofsted: PackInspection[];
  projects: PackProject[];
  funds: PackFund[];
  decisions: PackDecision[];
  /** What changed since the last meeting's papers, school by school. */
  changes: PackChange[];
}

export const FIRST_PACK = 'First pack: there are no earlier papers of this group to compare with.';

/** Counts by category, stage and Ofsted category, from the per-school snapshot and the concerns. */
export function countsOf(
  schools: number,
  categoryOf: Record<string, number>,
  ofstedCategoryOf: Record<string, string>,
  concerns: ReadonlyArray<{ stage: Stage }>,
): PackCounts {
  const counts: PackCounts = {
    schools,
    categories: { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 },
    stages: { 1: 0, 2: 0, 3: 0 },
    ofsted: { 'Notice to Improve': 0, 'Special Measures': 0 },
  };
  for (const category of Object.values(categoryOf))
    counts.categories[String(category) as '1' | '2' | '3' | '4'] += 1;
  counts.categories.none = schools - Object.keys(categoryOf).length;
  for (const c of concerns) counts.stages[String(c.stage) as '1' | '2' | '3'] += 1;
  for (const outcome of Object.values(ofstedCategoryOf))
    if (outcome === 'Notice to Improve' || outcome === 'Special Measures') counts.ofsted[outcome] += 1;
  return counts;
}

type Comparable = Pick<DigPackContent, 'categoryOf' | 'ofstedCategoryOf' | 'concerns' | 'projects'>;
interface SchoolName {
  dfe: string;
  school: string;
}

/**
 * What changed between the papers last presented and these: each school's concern (new, moved stage,
 * rating changed, no longer listed), its confirmed category, its Ofsted category, and projects begun
 * or ended. Compares two saved contents, never today's data with the past, so it reports what the
 * group actually saw. `names` names a school that appears in only one of the two.
 */
export function changesSince(
  previous: Comparable | null,
  current: Comparable,
  names: ReadonlyMap<number, SchoolName>,
): { changes: PackChange[]; concernChange: Map<number, string> } {
  const concernChange = new Map<number, string>();
  if (!previous) {
    for (const c of current.concerns) concernChange.set(c.schoolId, 'First pack');
    return { changes: [], concernChange };
  }
  const changes: PackChange[] = [];
  const nameOf = (schoolId: number, fallback?: SchoolName): SchoolName =>
    names.get(schoolId) ?? fallback ?? { dfe: '', school: `School ${schoolId}` };
  const add = (schoolId: number, what: string, fallback?: SchoolName) =>
    changes.push({ ...nameOf(schoolId, fallback), what });

  const before = new Map(previous.concerns.map((c) => [c.schoolId, c]));
  for (const now of current.concerns) {
    const was = before.get(now.schoolId);
    const parts: string[] = [];
    if (!was) parts.push(`Newly causing concern, at Stage ${now.stage}`);
    else {
      if (was.stage !== now.stage) parts.push(`Stage ${was.stage} → Stage ${now.stage}`);
      if (was.rag !== now.rag) parts.push(`RAG ${was.rag ?? 'none'} → ${now.rag ?? 'none'}`);
    }
    concernChange.set(now.schoolId, parts.length ? parts.join('; ') : 'No change');
    for (const part of parts) add(now.schoolId, part, now);
  }
  const stillListed = new Set(current.concerns.map((c) => c.schoolId));
  for (const was of previous.concerns)
    if (!stillListed.has(was.schoolId))
      add(was.schoolId, `No longer causing concern (was Stage ${was.stage})`, was);

  for (const key of unionKeys(previous.categoryOf, current.categoryOf)) {
    const was = previous.categoryOf[key];
    const now = current.categoryOf[key];
    if (was === now) continue;
    add(
      Number(key),
      was === undefined
        ? `Category ${now} confirmed`
        : now === undefined
          ? `Category ${was} no longer held`
          : `Category ${was} → ${now}`,
    );
  }
  for (const key of unionKeys(previous.ofstedCategoryOf, current.ofstedCategoryOf)) {
    const was = previous.ofstedCategoryOf[key];
    const now = current.ofstedCategoryOf[key];
    if (was === now) continue;
    add(Number(key), now === undefined ? `Out of ${was}` : `Ofsted: ${was ? `${was} → ` : ''}${now}`);
  }

  const projectsBefore = new Map(previous.projects.map((p) => [p.projectId, p]));
  const projectsNow = new Set(current.projects.map((p) => p.projectId));
  for (const p of current.projects)
    if (!projectsBefore.has(p.projectId)) add(p.schoolId, `Project begun (${p.stage})`, p);
  for (const p of previous.projects)
    if (!projectsNow.has(p.projectId)) add(p.schoolId, 'Project no longer open', p);

  changes.sort((a, b) => a.school.localeCompare(b.school) || a.what.localeCompare(b.what));
  return { changes, concernChange };
}

const unionKeys = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => Number(x) - Number(y));

/** Papers saved by a later version of the app cannot be compared field by field: treated as none. */
export function comparable(content: unknown): DigPackContent | null {
  return typeof content === 'object' &&
    content !== null &&
    (content as { version?: unknown }).version === PACK_VERSION
    ? (content as DigPackContent)
    : null;
}

/** The rows of the summary's counts: now, at the last meeting, and the difference. */
export function summaryRows(counts: PackCounts, before: PackCounts | null) {
  const line = (measure: string, pick: (c: PackCounts) => number) => {
    const now = pick(counts);
    const then = before ? pick(before) : null;
    return { measure, now, before: then, change: then === null ? null : now - then };
  };
  return [
    line('Schools in the pack', (c) => c.schools),
    ...CATEGORY_KEYS.map((key) =>
      line(
        key === 'none' ? 'No confirmed category' : `Category ${key} (${CATEGORIES[key]})`,
        (c) => c.categories[key],
      ),
    ),
    ...(['1', '2', '3'] as const).map((stage) =>
      line(`Causing concern at Stage ${stage}`, (c) => c.stages[stage]),
    ),
    ...OFSTED_KEYS.map((outcome) => line(`Ofsted: ${outcome}`, (c) => c.ofsted[outcome])),
  ];
}

/** The note under each sheet's title: whose papers, for which meeting, compared with which. */
export function packNote(content: DigPackContent): string {
  const compared = content.previous
    ? `Changes are since the papers of ${formatDate(content.previous.heldOn)}.`
    : FIRST_PACK;
  return `${content.scope}. Meeting of ${formatDate(content.heldOn)}; figures as at ${formatDate(content.generatedOn)}. ${compared}`;
}

/** The concerns in the order the group takes them: Stage 3 first, then by school. */
export const byStage = <C extends { stage: number; school: string }>(concerns: readonly C[]) =>
  [...concerns].sort((a, b) => b.stage - a.stage || a.school.localeCompare(b.school));
