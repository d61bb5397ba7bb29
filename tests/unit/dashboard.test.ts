import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../electron/core/session';
import { defaultTermDates } from '../../shared/domain/calendar';
import {
  categoryDistribution,
  countFilter,
  fundByMonth,
  lastTerms,
  SCHOOL_COUNTS,
} from '../../shared/domain/dashboard';
import { emptyFilter, filterSchools } from '../../shared/domain/school-filter';
import { concernDraft, concernsAuthority, noticeDraft } from './concerns-fixture';
import { ok } from './helpers';

const DMT = 'Three terms without significant improvement: consider referring to DMT';

// The file is seen on Monday 02/03/2026, in the spring term (05/01/2026 – 27/03/2026), financial year 2025/26.
const TODAY = '2026-03-02';
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T10:00:00Z`));
});
afterAll(() => vi.useRealTimers());

const pounds = (n: number) => n * 100;

/**
 * North (Cannock / Lichfield): Alder Primary (category 4, Stage 2, Notice to Improve, a warning notice,
 * a project with fund costs, no SIP visit this term), St Mary's Primary (category 2, visited, its report
 * awaiting QA) and Oak Infant (category 1, closed on 30/06/2025). South (Tamworth / Burton): Tame Valley
 * Primary (category 3 with high support, Stage 1, out of Special Measures, a project at its DMT point).
 */
async function seeded() {
  const la = await concernsAuthority();
  const { session, a, b, c, north, dsim } = la;
  const db = session.ctx().db;
  const d = (
    await ok(session, 'schools.save', {
      draft: {
        dfe: '860/2004',
        urn: '',
        name: 'Oak Infant',
        type: '',
        phase: 'Infant',
        districtId: (await ok(session, 'schools.get', { id: a })).school.districtId,
        diocese: '',
        numberOnRoll: '',
        headteacher: '',
        chairOfGovernors: '',
        sipId: null,
        postcode: '',
      },
    })
  ).id;
  // Closed before this year's history: the app closes a school on today's date, so the date is set here.
  db.prepare("UPDATE schools SET closed_on = '2025-06-30' WHERE id = ?").run(d);

  const decide = async (schoolId: number, on: string, category: number, override: string | null = null) => {
    const proposal = await ok(session, 'categories.propose', {
      draft: { schoolId, proposedOn: on, source: 'DSIM', proposedById: dsim, category, evidence: 'Data' },
    });
    await ok(session, 'categories.decide', {
      id: proposal.id,
      draft: {
        decidedOn: on,
        category,
        notes: '',
        supportOverride: override,
        overrideReason: override ? 'Falling rolls and a new head' : '',
      },
    });
  };
  await decide(d, '2024-05-01', 1);
  await decide(a, '2024-10-01', 3);
  await decide(b, '2025-01-15', 2);
  await decide(a, '2025-10-01', 4);
  await decide(c, '2026-02-01', 3, 'high');

  const concern = await ok(session, 'concerns.save', { draft: concernDraft(a) });
  await ok(session, 'concerns.save', { draft: concernDraft(c, { stage: 1 }) });
  // Given 19/02/2026: the response is due on 12/03/2026.
  await ok(session, 'warningNotices.save', {
    draft: noticeDraft(a, { givenOn: '2026-02-19', complianceDueOn: null }),
  });
  const inspection = (schoolId: number, inspectedOn: string, outcome: string) =>
    ok(session, 'ofsted.saveInspection', {
      draft: {
        schoolId,
        inspectedOn,
        type: 'Section 5 inspection',
        overall: outcome === 'None' ? 3 : 4,
        grades: {},
        outcome,
        laResponse: null,
        laResponseOutcome: '',
      },
    });
  // Its statement of action was due ten working days after: 15/12/2025, now overdue.
  await inspection(a, '2025-12-01', 'Notice to Improve');
  await inspection(c, '2024-01-10', 'Special Measures');
  await inspection(c, '2025-06-01', 'None');

  const project = await ok(session, 'projects.save', {
    draft: {
      schoolId: a,
      concernId: concern.id,
      stage: 'Stage 2',
      leadOfficerId: dsim,
      team: [],
      objectives: ['Raise attainment in mathematics'],
      startedOn: '2025-10-06',
      reviewOn: '2026-03-20',
    },
  });
  // Three terms on from 10/03/2025 with no report of significant improvement, on 09/03/2026, DMT should be
  // considered; its review is overdue.
  const other = await ok(session, 'projects.save', {
    draft: {
      schoolId: c,
      concernId: null,
      stage: 'Ofsted category',
      leadOfficerId: dsim,
      team: [],
      objectives: ['Improve governance'],
      startedOn: '2025-03-10',
      reviewOn: '2025-09-15',
    },
  });
  const cost = (source: string, incurredOn: string, amount: number, status: string) =>
    ok(session, 'projects.saveCost', {
      draft: {
        projectId: project.id,
        source,
        incurredOn,
        description: '',
        days: 1,
        amountPence: pounds(amount),
        status,
        exceptionReason: '',
      },
    });
  await cost('pss-audit', '2025-10-20', 1500, 'Spent');
  await cost('cpd', '2025-11-01', 300, 'Spent');
  await cost('pss-monitoring', '2026-01-15', 800, 'Committed');
  await ok(session, 'funds.save', {
    draft: {
      doubleDistrictId: north,
      financialYear: '2025/26',
      allocationPence: pounds(20_000),
      heldBackPence: pounds(2_000),
      officerFte: 1,
    },
  });

  const sip = (await ok(session, 'organisation.savePerson', { draft: { name: 'Sam Piper', roles: ['SIP'] } }))
    .id;
  const visit = (schoolId: number, visitedOn: string, reportReceivedOn: string, qaOn: string | null) =>
    ok(session, 'visits.save', {
      draft: {
        schoolId,
        visitedOn,
        visitorId: sip,
        role: 'SIP',
        purpose: 'Data analysis and target setting',
        days: 1,
        notes: '',
        reportReceivedOn,
        qaOn,
        claimStatus: 'Not claimed',
      },
    });
  await visit(a, '2025-12-01', '2025-12-05', '2025-12-10');
  await visit(b, '2026-01-20', '2026-01-25', null);

  const meeting = db.prepare(
    'INSERT INTO meetings (held_on, kind, double_district_id) VALUES (?, ?, ?) RETURNING id',
  );
  const id = (row: unknown) => (row as { id: number }).id;
  meeting.get('2026-02-20', 'District Intervention/Resource Group', north);
  meeting.get('2026-03-03', 'Core group', north);
  const northGroup = id(meeting.get('2026-03-10', 'District Intervention/Resource Group', north));
  const countyFocus = id(meeting.get('2026-03-20', 'District Focus Group', null));
  return { ...la, d, concern, project, other, northGroup, countyFocus };
}

const get = (session: Session, doubleDistrictId: number | null) =>
  ok(session, 'dashboard.get', { doubleDistrictId });

describe('the dashboard', () => {
  it('counts the open schools by category, support, stage, Ofsted category and SIP visit, for a double district or all', async () => {
    const { session, north, south } = await seeded();
    const counts = async (dd: number | null): Promise<Record<string, number>> => {
      const found = await get(session, dd);
      return { schools: found.schools, ...found.counts };
    };
    expect(await counts(north)).toEqual({
      schools: 2,
      'category-1': 0,
      'category-2': 1,
      'category-3': 0,
      'category-4': 1,
      'category-0': 0,
      'support-low': 1,
      'support-medium': 0,
      'support-high': 1,
      'stage-1': 0,
      'stage-2': 1,
      'stage-3': 0,
      'ofsted-Notice to Improve': 1,
      'ofsted-Special Measures': 0,
      'no-sip-visit': 1,
    });
    expect(await counts(null)).toMatchObject({
      schools: 3,
      'category-3': 1,
      'support-medium': 0,
      'support-high': 2,
      'stage-1': 1,
      'stage-2': 1,
      // Tame Valley's later judgement took it out of Special Measures.
      'ofsted-Special Measures': 0,
      'no-sip-visit': 2,
    });
    expect((await counts(south))['category-3']).toBe(1);
  });

  it('gives each number the schools list filter that shows exactly the schools it counts', async () => {
    const { session, north } = await seeded();
    const rows = await ok(session, 'schools.list', {});
    const found = await get(session, north);
    for (const count of SCHOOL_COUNTS)
      expect(filterSchools(rows, countFilter(count, north)), count.key).toHaveLength(
        found.counts[count.key]!,
      );
    const names = (key: string) =>
      filterSchools(
        rows,
        countFilter(
          SCHOOL_COUNTS.find((c) => c.key === key)!,
          north,
        ),
      ).map((r) => r.name);
    expect(names('stage-2')).toEqual(['Alder Primary']);
    expect(names('no-sip-visit')).toEqual(['Alder Primary']);
    expect(names('category-2')).toEqual(["St Mary's Primary"]);
  });

  it('lists every kind of deadline in the next 30 days, as the Monitoring page does, and the next group meeting', async () => {
    const { session, north, south, concern, project, other, northGroup, countyFocus } = await seeded();
    const all = await get(session, null);
    expect(all.deadlines.map((d) => [d.name, d.what, d.on, d.overdue, d.concernId, d.projectId])).toEqual([
      ['Tame Valley Primary', 'Project review due', '2025-09-15', true, null, other.id],
      ['Alder Primary', 'LA Statement of Action due', '2025-12-15', true, concern.id, null],
      ['Tame Valley Primary', DMT, '2026-03-09', false, null, other.id],
      ['Alder Primary', 'Warning notice: response due', '2026-03-12', false, concern.id, null],
      ['Alder Primary', 'Project review due', '2026-03-20', false, concern.id, project.id],
    ]);
    const overview = await ok(session, 'monitoring.overview', { doubleDistrictId: null });
    expect(all.deadlines).toEqual(overview.deadlines);
    expect((await get(session, south)).deadlines.map((d) => d.name)).toEqual([
      'Tame Valley Primary',
      'Tame Valley Primary',
    ]);

    // The core group is not a group meeting; the county-wide Focus Group is every double district's.
    expect(all.nextMeeting).toEqual({
      id: northGroup,
      heldOn: '2026-03-10',
      kind: 'District Intervention/Resource Group',
      doubleDistrict: 'Cannock / Lichfield',
      daysLeft: 8,
    });
    expect((await get(session, north)).nextMeeting?.id).toBe(northGroup);
    expect(await get(session, south)).toMatchObject({
      nextMeeting: { id: countyFocus, doubleDistrict: null, daysLeft: 18 },
    });
  });

  it('counts the reports awaiting QA in the double district', async () => {
    const { session, north, south } = await seeded();
    expect((await get(session, north)).awaitingQa).toBe(1);
    expect((await get(session, south)).awaitingQa).toBe(0);
    expect((await get(session, null)).term).toBe('Spring 2026');
  });

  it('charts the categories in force at the end of each of the last six terms, leaving out schools closed by then', async () => {
    const { session, north } = await seeded();
    const terms = (await get(session, null)).categoryTerms;
    // counts: [none confirmed, 1, 2, 3, 4]
    expect(terms.map((t) => [t.term, t.asAt, t.counts])).toEqual([
      ['Summer 2024', '2024-07-19', [3, 1, 0, 0, 0]],
      ['Autumn 2024', '2024-12-20', [2, 1, 0, 1, 0]],
      ['Spring 2025', '2025-04-11', [1, 1, 1, 1, 0]],
      ['Summer 2025', '2025-07-18', [1, 0, 1, 1, 0]],
      ['Autumn 2025', '2025-12-19', [1, 0, 1, 0, 1]],
      ['Spring 2026', TODAY, [0, 0, 1, 1, 1]],
    ]);
    expect((await get(session, north)).categoryTerms.at(-1)?.counts).toEqual([0, 0, 1, 0, 1]);
  });

  it('sets each double district’s fund against its spending this financial year, by month for one', async () => {
    const { session, north } = await seeded();
    const all = (await get(session, null)).fund;
    expect(all.financialYear).toBe('2025/26');
    expect(all.byMonth).toEqual([]);
    expect(all.doubleDistricts).toEqual([
      {
        doubleDistrictId: north,
        doubleDistrict: 'Cannock / Lichfield',
        allocationPence: pounds(20_000),
        heldBackPence: pounds(2_000),
        // The school's CPD is not the fund's.
        committedPence: pounds(800),
        spentPence: pounds(1_500),
        remainingPence: pounds(15_700),
      },
      expect.objectContaining({ doubleDistrict: 'Tamworth / Burton', allocationPence: 0, spentPence: 0 }),
    ]);
    const months = (await get(session, north)).fund.byMonth;
    expect(months.map((m) => m.month)).toEqual([
      ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
      ...['01', '02', '03'].map((m) => `2026-${m}`),
    ]);
    expect(months.map((m) => [m.spentPence / 100, m.committedPence / 100])).toEqual([
      ...Array.from({ length: 6 }, () => [0, 0]),
      [1500, 0],
      [1500, 0],
      [1500, 0],
      [1500, 800],
      [1500, 800],
      [1500, 800],
    ]);
  });
});

describe('the schools list’s Ofsted and SIP visit filters', () => {
  it('filters on Ofsted’s current category and on no SIP visit this term', async () => {
    const { session } = await seeded();
    const rows = await ok(session, 'schools.list', {});
    const names = (filter: Partial<typeof emptyFilter>) =>
      filterSchools(rows, { ...emptyFilter, ...filter }).map((r) => r.name);
    expect(names({ ofstedCategory: 'Notice to Improve' })).toEqual(['Alder Primary']);
    expect(names({ ofstedCategory: 'Special Measures' })).toEqual([]);
    expect(names({ ofstedCategory: 'None' })).toEqual(["St Mary's Primary", 'Tame Valley Primary']);
    expect(names({ noSipVisit: true })).toEqual(['Alder Primary', 'Tame Valley Primary']);
    expect(names({ noSipVisit: true, showClosed: true })).toContain('Oak Infant');
  });
});

describe('the dashboard’s pure parts', () => {
  it('reads the current term as at today and the five before at their ends', () => {
    expect(lastTerms('2026-09-10', defaultTermDates).map((t) => `${t.term} ${t.asAt}`)).toEqual([
      'Spring 2025 2025-04-11',
      'Summer 2025 2025-07-18',
      'Autumn 2025 2025-12-19',
      'Spring 2026 2026-03-27',
      'Summer 2026 2026-07-17',
      'Autumn 2026 2026-09-10',
    ]);
  });
  it('takes the latest decision by each point, a review decided without a category as none', () => {
    const points = [
      { term: 'A', asAt: '2025-01-01' },
      { term: 'B', asAt: '2025-06-01' },
    ];
    const decisions = [
      { schoolId: 1, decidedOn: '2024-10-01', category: 2 },
      { schoolId: 1, decidedOn: '2025-03-01', category: null },
      { schoolId: 2, decidedOn: '2025-01-01', category: 4 },
    ];
    const schools = [
      { id: 1, closedOn: null },
      { id: 2, closedOn: '2025-06-01' },
    ];
    expect(categoryDistribution(points, schools, decisions).map((p) => p.counts)).toEqual([
      [0, 0, 1, 0, 1],
      [1, 0, 0, 0, 0],
    ]);
  });
  it('builds the fund’s spending up from April, leaving out costs the fund does not pay', () => {
    const months = fundByMonth('2026/27', [
      { incurredOn: '2027-03-31', source: 'pss-audit', status: 'Spent', amountPence: 100 },
      { incurredOn: '2026-04-01', source: 'pss-monitoring', status: 'Committed', amountPence: 50 },
      { incurredOn: '2026-05-01', source: 'already-funded', status: 'Spent', amountPence: 0 },
      { incurredOn: '2026-05-02', source: 'cpd', status: 'Spent', amountPence: 70 },
    ]);
    expect(months[0]).toEqual({ month: '2026-04', spentPence: 0, committedPence: 50 });
    expect(months.at(-1)).toEqual({ month: '2027-03', spentPence: 100, committedPence: 50 });
  });
});
