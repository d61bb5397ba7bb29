export const ROLES = [
  'Head of SID',
  'Deputy Head of SID',
  'Strategy manager',
  'DSIM',
  'Administrative co-ordinator',
  'SIP',
  'EIP',
  'Link adviser',
  'JFU',
  'ERA',
  'Diocesan officer',
] as const;
export type Role = (typeof ROLES)[number];

export const PHASES = [
  'Nursery',
  'Infant',
  'First',
  'Junior',
  'Primary',
  'Middle (deemed primary)',
  'Middle (deemed secondary)',
  'Secondary',
  'Special',
  'PRU',
] as const;

export const SCHOOL_TYPES = [
  'Community',
  'Voluntary controlled',
  'Voluntary aided',
  'Foundation',
  'Community special',
  'Foundation special',
  'Pupil referral unit',
  'Nursery',
] as const;

/** Matches a typed value to its listed spelling, ignoring case and surrounding space. */
export function matchListed<T extends string>(list: readonly T[], raw: string): T | null {
  const wanted = raw.trim().toLowerCase();
  return list.find((item) => item.toLowerCase() === wanted) ?? null;
}
