import { describe, expect, it } from 'vitest';
import { emptyFilter, filterSchools } from '../../shared/domain/school-filter';
import { concernDraft, concernsAuthority } from './concerns-fixture';
import { ok } from './helpers';

describe('the schools list with its concerns', () => {
  it('gives each school its open concern’s stage and how many duties are missing, and filters on them', async () => {
    const { session, a, b, c, dsim } = await concernsAuthority();
    const opened = await ok(session, 'concerns.save', { draft: concernDraft(a) });
    await ok(session, 'concerns.checkDuty', {
      id: opened.id,
      draft: { duty: 'assigned-officer', done: true, checkedOn: '2025-10-20', byId: dsim, notes: '' },
    });
    const closed = await ok(session, 'concerns.save', { draft: concernDraft(c, { stage: 1 }) });
    await ok(session, 'concerns.close', {
      id: closed.id,
      draft: { closedOn: '2025-10-30', outcome: 'Results recovered' },
    });

    const rows = await ok(session, 'schools.list', {});
    const of = (id: number) => rows.find((r) => r.id === id)!;
    expect(of(a)).toMatchObject({ concernStage: 2, dutiesMissing: opened.missingDuties.length - 1 });
    expect(of(b)).toMatchObject({ concernStage: null, dutiesMissing: 0 });
    // A closed concern no longer counts.
    expect(of(c)).toMatchObject({ concernStage: null, dutiesMissing: 0 });

    const names = (filter: Partial<typeof emptyFilter>) =>
      filterSchools(rows, { ...emptyFilter, ...filter }).map((r) => r.name);
    expect(names({ concernStage: 2 })).toEqual(['Alder Primary']);
    expect(names({ dutiesMissing: true })).toEqual(['Alder Primary']);
    expect(names({ concernStage: 0 })).toEqual(["St Mary's Primary", 'Tame Valley Primary']);
  });
});
