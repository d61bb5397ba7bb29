import { describe, expect, it } from 'vitest';
import { upcomingDeadlines, workingDaysBetween } from '../../shared/domain/deadlines';
import { addWorkingDays } from '../../shared/domain/working-days';
import { concernDraft, concernsAuthority, noticeDraft } from './concerns-fixture';
import { ok } from './helpers';

describe('days left to a deadline', () => {
  it('counts working days as the law does, past Christmas and the New Year, negative once passed', () => {
    expect(workingDaysBetween('2025-12-19', '2026-01-05')).toBe(8);
    expect(workingDaysBetween('2026-01-05', '2025-12-19')).toBe(-8);
    expect(workingDaysBetween('2025-12-10', addWorkingDays('2025-12-10', 15))).toBe(15);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
  it('keeps what falls within 30 days, passed ones first, in calendar days unless the law counts working days', () => {
    const found = upcomingDeadlines(
      [
        { on: '2026-04-01', what: 'Project review due' },
        { on: '2026-03-12', what: 'Warning notice: response due' },
        { on: '2026-02-27', what: 'Warning notice: compliance date' },
      ],
      '2026-03-02',
    );
    expect(found.map((d) => [d.on, d.overdue, d.daysLeft, d.workingDays])).toEqual([
      ['2026-02-27', true, -3, false],
      ['2026-03-12', false, 8, true],
      ['2026-04-01', false, 30, false],
    ]);
    expect(upcomingDeadlines([{ on: '2026-04-02', what: 'Project review due' }], '2026-03-02')).toEqual([]);
  });
});

describe('the Monitoring page’s deadlines in the next 30 days', () => {
  it('lists notices, reviews and overdue dates by double district, overdue first, each with where to act', async () => {
    const la = await concernsAuthority();
    const { session } = la;
    const concern = await ok(session, 'concerns.save', { draft: concernDraft(la.a) });
    // Given 19/02/2026: the initial period ends on 12/03/2026, ten days after the day looked from.
    await ok(session, 'warningNotices.save', {
      draft: noticeDraft(la.a, { givenOn: '2026-02-19', complianceDueOn: null }),
    });
    // Given 19/03/2026: past Good Friday and Easter Monday, its period ends on 13/04/2026, 42 days on.
    await ok(session, 'warningNotices.save', {
      draft: noticeDraft(la.b, { givenOn: '2026-03-19', complianceDueOn: null }),
    });
    // In the other double district, its compliance date of 13/02/2026 passed without an outcome.
    await ok(session, 'warningNotices.save', { draft: noticeDraft(la.c) });
    const project = await ok(session, 'projects.save', {
      draft: {
        schoolId: la.a,
        concernId: concern.id,
        stage: 'Stage 2',
        leadOfficerId: la.dsim,
        team: [],
        objectives: ['Raise attainment in mathematics'],
        startedOn: '2025-10-06',
        reviewOn: '2026-03-20',
      },
    });

    const on = (today: string, doubleDistrictId: number | null = null) =>
      ok(session, 'monitoring.overview', { doubleDistrictId, today });
    const all = (await on('2026-03-02')).deadlines;
    expect(
      all.map((d) => [d.name, d.what, d.on, d.overdue, d.daysLeft, d.workingDays, d.concernId, d.projectId]),
    ).toEqual([
      ['Tame Valley Primary', 'Warning notice: compliance date', '2026-02-13', true, -17, false, null, null],
      ['Alder Primary', 'Warning notice: response due', '2026-03-12', false, 8, true, concern.id, null],
      ['Alder Primary', 'Project review due', '2026-03-20', false, 18, false, concern.id, project.id],
    ]);
    // The notice due in 42 days comes into view once it is within 30.
    expect((await on('2026-03-20')).deadlines.map((d) => [d.name, d.on])).toContainEqual([
      "St Mary's Primary",
      '2026-04-13',
    ]);

    const north = (await on('2026-03-02', la.north)).deadlines;
    expect(north.map((d) => d.name)).toEqual(['Alder Primary', 'Alder Primary']);
    expect((await on('2026-03-02', la.south)).deadlines.map((d) => d.what)).toEqual([
      'Warning notice: compliance date',
    ]);
  });
});
