/**
 * What the record of changes can say: which kind of record changed and what was done to it. The data
 * layer writes only these, and the school timeline files each under the kind a user filters by.
 */
export const AUDIT_ENTITIES = [
  'school',
  'visit',
  'category',
  'sef',
  'inspection',
  'hmi-visit',
  'profile',
  'district',
  'double-district',
  'person',
  'calendar',
  'settings',
  'project',
  'milestone',
  'project-meeting',
  'progress-report',
  'project-cost',
  'fund',
  'effectiveness-profile',
  'partnership',
  'network-budget',
  'network-spend',
  'key-strength',
  'brokered-support',
  'barrier',
  'barrier-response',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'add',
  'edit',
  'delete',
  'restore',
  'import',
  'close',
  'reopen',
  'decide',
  'withdraw',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The words a record's kind goes by in messages ("There is no visit 12."). */
export const ENTITY_NOUNS: Record<AuditEntity, string> = {
  school: 'school',
  visit: 'visit',
  category: 'category proposal',
  sef: 'SEF',
  inspection: 'inspection',
  'hmi-visit': 'HMI monitoring visit',
  profile: 'termly profile',
  district: 'district',
  'double-district': 'double district',
  person: 'person',
  calendar: 'term',
  settings: 'setting',
  project: 'intervention project',
  milestone: 'milestone',
  'project-meeting': 'project meeting',
  'progress-report': 'progress report',
  'project-cost': 'project cost',
  fund: 'intervention fund',
  'effectiveness-profile': 'School Effectiveness Profile',
  partnership: 'partnership',
  'network-budget': 'network budget',
  'network-spend': 'network spending record',
  'key-strength': 'key strength',
  'brokered-support': 'brokered support',
  barrier: 'barrier to effectiveness',
  'barrier-response': 'LA response to barriers',
};
