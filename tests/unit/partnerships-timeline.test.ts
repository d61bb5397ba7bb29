import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/records';
import { buildTimeline } from '../../shared/domain/timeline';

const empty = {
  visits: [],
  categories: [],
  sef: [],
  inspections: [],
  monitoringVisits: [],
  profiles: [],
  sipDays: { academicYear: '2008/09', used: 0, allocation: 5, over: false },
  urgent: null,
};

const entry = (id: number, entity: AuditEntry['entity'], action: AuditEntry['action']): AuditEntry => ({
  id,
  at: '2009-01-12T10:00:00.000Z',
  user: 'ann',
  entity,
  entityId: id,
  action,
  summary: `${entity} ${action}`,
  changes: [],
  undoable: false,
});

describe('partnership records on the school timeline', () => {
  it('shows brokered support, strengths and barriers as they are recorded, under Support', () => {
    const items = buildTimeline(empty, [
      entry(1, 'brokered-support', 'add'),
      entry(2, 'key-strength', 'add'),
      entry(3, 'barrier', 'add'),
      entry(4, 'brokered-support', 'delete'),
    ]);
    expect(items.map((i) => [i.title, i.kind])).toEqual([
      ['brokered-support add', 'Support'],
      ['key-strength add', 'Support'],
      ['barrier add', 'Support'],
      ['brokered-support delete', 'Support'],
    ]);
  });

  it('files a School Effectiveness Profile among the profiles', () => {
    const [item] = buildTimeline(empty, [entry(5, 'effectiveness-profile', 'add')]);
    expect(item?.kind).toBe('Profiles');
  });
});
