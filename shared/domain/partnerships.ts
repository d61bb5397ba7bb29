import { WELSH_ELEMENTS } from './effectiveness';
import { ENGLISH_SEF } from './sef';

/** How schools work together (seeds 000, 003, 004): a school may be in several at once. */
export const PARTNERSHIP_KINDS = [
  'Cluster',
  'Network of professional practice',
  'Federation',
  'Trust',
  'Teaching school alliance',
  'Other',
] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** Seed 001: "each network of schools will also receive delegated resources (approximately £5,000)". */
export const DEFAULT_NETWORK_ALLOCATION_PENCE = 500_000;

/** How many schools one school may support at once before it is no longer suggested (a setting). */
export const DEFAULT_SUPPORT_LIMIT = 3;

/** Whether a member belongs on a date: from the day it joined to the day it left, both included. */
export const memberOn = (m: { joinedOn: string; leftOn: string | null }, date: string) =>
  m.joinedOn <= date && (m.leftOn === null || m.leftOn >= date);

/**
 * What a school can be strong (or weak) in: an English SEF judgement or a Welsh element. The prefix
 * keeps apart the two frameworks' "Leadership", which are not the same thing.
 */
export const STRENGTH_AREAS = [
  ...ENGLISH_SEF.judgements.map((j) => ({
    code: `sef:${j.code}`,
    label: j.label,
    framework: 'English SEF' as const,
  })),
  ...WELSH_ELEMENTS.map((e) => ({
    code: `element:${e.code}`,
    label: e.label,
    framework: 'Welsh School Effectiveness Framework' as const,
  })),
];
export const AREA_CODES = STRENGTH_AREAS.map((a) => a.code) as [string, ...string[]];

export const areaLabel = (code: string): string => STRENGTH_AREAS.find((a) => a.code === code)?.label ?? code;
