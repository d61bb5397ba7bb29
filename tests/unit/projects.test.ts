import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { projectsSummaryFor } from '../../electron/core/projects';
import { Session } from '../../electron/core/session';
import { openDatabase } from '../../electron/data/database';
import { latestVersion } from '../../electron/data/migrations';
import { buildTimeline } from '../../shared/domain/timeline';
import { concernDraft } from './concerns-fixture';
import { fileAtVersion, ok, registerBuilders, RESOURCES, tempSession } from './helpers';

/** A double district with one school, a lead officer, and a Stage 3 project started 15/09/2025. */
async function authority(now?: () => Date) {
  const { session: plain, dir } = tempSession();
  const session = now ? new Session(RESOURCES, now) : plain;
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  const dd = await ok(session, 'organisation.saveDoubleDistrict', { draft: { name: 'Cannock / Lichfield' } });
  const district = await ok(session, 'organisation.saveDistrict', {
    draft: { name: 'Cannock Chase', doubleDistrictId: dd.id },
  });
  const officer = await ok(session, 'organisation.savePerson', {
    draft: { name: 'Ann Lead', roles: ['DSIM'] },
  });
  const school = await registerBuilders(session).school('860/2001', 'Alder Primary', district.id);
  return { session, dd: dd.id, school, officer: officer.id };
}

const projectDraft = (schoolId: number, leadOfficerId: number, extra: object = {}) => ({
  schoolId,
  concernId: null,
  stage: 'Stage 3',
  leadOfficerId,
  team: ['Bob Consultant', 'Cath Adviser'],
  objectives: ['Raise attainment in mathematics', 'Strengthen middle leadership'],
  startedOn: '2025-09-15',
  reviewOn: '2026-03-02',
  ...extra,
});

const costDraft = (projectId: number, extra: object = {}) => ({
  projectId,
  source: 'pss-audit',
  incurredOn: '2025-10-06',
  description: 'Audit of teaching',
  days: 1,
  amountPence: 50_000,
  status: 'Spent',
  exceptionReason: '',
  ...extra,
});

async function refusal(session: Session, op: string, input: unknown) {
  const result = await invoke(session, op, input);
  if (result.ok) throw new Error(`${op} was accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('intervention projects', () => {
  it('starts a project with a review at most two terms on, and flags its clocks', async () => {
    const { session, school, officer } = await authority();
    const tooLate = await refusal(session, 'projects.save', {
      draft: projectDraft(school, officer, { reviewOn: '2026-04-28' }),
    });
    expect(tooLate.code).toBe('invalid_input');
    expect(tooLate.fields?.reviewOn).toBe('A review comes at most two terms after 15/09/2025: by 27/04/2026');

    const concern = await ok(session, 'concerns.save', { draft: concernDraft(school) });
    const elsewhere = await refusal(session, 'projects.save', {
      draft: projectDraft(school, officer, { concernId: concern.id + 1 }),
    });
    expect(elsewhere.fields?.concernId).toBe('Choose one of this school’s concerns');
    const project = await ok(session, 'projects.save', {
      draft: projectDraft(school, officer, { concernId: concern.id }),
    });
    expect(await ok(session, 'projects.list', { concernId: concern.id })).toEqual(
      [project].map(({ milestones: _m, meetings: _e, reports: _r, costs: _c, decisions: _d, ...row }) => row),
    );
    expect(await ok(session, 'projects.list', { concernId: concern.id + 1 })).toEqual([]);
    expect(project).toMatchObject({
      school: 'Alder Primary',
      leadOfficer: 'Ann Lead',
      status: 'Open',
      latestReviewOn: '2026-04-27',
      rag: null,
    });
    // Started in 2025 with no meeting, no report and no decision: every clock has run out by now.
    expect(project.flags).toEqual({
      overdueMilestones: 0,
      reviewDue: true,
      threeTermsWithoutImprovement: true,
      meetingOverdue: true,
    });
    // On the school's timeline among its concerns, and in the concern register with its RAG and spend.
    const { history } = await ok(session, 'schools.get', { id: school });
    const started = history.find((h) => h.entity === 'project' && h.action === 'add')!;
    expect(started.summary).toBe('Started an intervention project at Alder Primary from 15/09/2025');
    const monitoring = await ok(session, 'monitoring.school', { schoolId: school });
    expect(buildTimeline(monitoring, history).find((i) => i.key === `audit-${started.id}`)?.kind).toBe(
      'Concerns',
    );
    await ok(session, 'projects.saveCost', { draft: costDraft(project.id, { amountPence: 120_000 }) });
    const [registered] = await ok(session, 'concerns.register', { doubleDistrictId: null });
    expect(registered).toMatchObject({ concernId: concern.id, rag: null, spentPence: 120_000 });
  });

  it("judges a project's clocks against today's date", async () => {
    let today = '2025-11-17';
    const { session, school, officer } = await authority(() => new Date(`${today}T12:00:00Z`));
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    const flags = async () => (await ok(session, 'projects.get', { id: project.id })).flags;
    // Started 15/09/2025 with no meeting: a half-term on is 17/11/2025.
    expect((await flags()).meetingOverdue).toBe(false);
    today = '2025-11-18';
    expect((await flags()).meetingOverdue).toBe(true);
    await ok(session, 'projects.saveMeeting', {
      draft: { projectId: project.id, metOn: '2025-11-18', attendees: 'Project group', notes: '' },
    });
    expect(await flags()).toEqual({
      overdueMilestones: 0,
      reviewDue: false,
      threeTermsWithoutImprovement: false,
      meetingOverdue: false,
    });
    today = '2026-03-03';
    expect((await flags()).reviewDue).toBe(true);
    await ok(session, 'projects.decide', {
      id: project.id,
      draft: {
        decidedOn: '2026-03-03',
        decision: 'continue',
        reason: 'Some progress',
        nextReviewOn: '2026-07-10',
      },
    });
    expect((await flags()).reviewDue).toBe(false);
    // Three terms count from the start, not from the decision to continue: a week into autumn 2026.
    today = '2026-09-20';
    expect((await flags()).threeTermsWithoutImprovement).toBe(false);
    today = '2026-09-21';
    expect((await flags()).threeTermsWithoutImprovement).toBe(true);
  });

  it('shows milestones past due and not met as overdue', async () => {
    const { session, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    const milestone = (description: string, dueOn: string, status: string) =>
      ok(session, 'projects.saveMilestone', {
        draft: { projectId: project.id, description, owner: 'Head of maths', dueOn, status, notes: '' },
      });
    expect((await milestone('Maths audit', '2025-10-10', 'Partly met')).overdue).toBe(true);
    expect((await milestone('Leadership training', '2025-10-10', 'Met')).overdue).toBe(false);
    expect((await milestone('Summer results', '2099-07-01', 'Not started')).overdue).toBe(false);
    const detail = await ok(session, 'projects.get', { id: project.id });
    expect(detail.flags.overdueMilestones).toBe(1);
    expect(detail.milestones.map((m) => [m.description, m.overdue])).toEqual([
      ['Maths audit', true],
      ['Leadership training', false],
      ['Summer results', false],
    ]);
  });

  it('records meetings and termly reports rating every objective', async () => {
    const { session, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    await ok(session, 'projects.saveMeeting', {
      draft: { projectId: project.id, metOn: '2025-10-01', attendees: 'Ann Lead, headteacher', notes: '' },
    });
    const report = (ratings: object[], extra: object = {}) => ({
      draft: {
        projectId: project.id,
        academicYear: 2025,
        term: 'autumn',
        ratings,
        overall: 'Amber',
        impactEvidence: 'Year 6 assessments up 8 points',
        significantImprovement: true,
        ...extra,
      },
    });
    const half = await refusal(
      session,
      'projects.saveReport',
      report([{ objective: 'Raise attainment in mathematics', rag: 'Green' }]),
    );
    expect(half.fields?.ratings).toBe('Give a rating for "Strengthen middle leadership"');
    const saved = await ok(
      session,
      'projects.saveReport',
      report([
        { objective: 'Raise attainment in mathematics', rag: 'Green' },
        { objective: 'Strengthen middle leadership', rag: 'Amber' },
      ]),
    );
    expect(saved.label).toBe('Autumn 2025');
    const again = await refusal(session, 'projects.saveReport', report(saved.ratings));
    expect(again.code).toBe('conflict');
    const detail = await ok(session, 'projects.get', { id: project.id });
    expect(detail.rag).toBe('Amber');
    expect(detail.lastMetOn).toBe('2025-10-01');
  });

  it('refuses Priority School Support past its cap, naming it, unless the DSIM records an exception', async () => {
    const { session, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, { days: 3, amountPence: 150_000 }),
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, { days: 2, amountPence: 100_000 }),
    });
    const over = await refusal(session, 'projects.saveCost', {
      draft: costDraft(project.id, { days: 0, amountPence: 1 }),
    });
    expect(over.code).toBe('rejected');
    expect(over.fields?.amountPence).toBe(
      'Priority School Support for an audit and action plan is capped at £2,500 and 5 days; this would make £2,500.01.',
    );
    const sixthDay = await refusal(session, 'projects.saveCost', {
      draft: costDraft(project.id, { days: 1, amountPence: 0 }),
    });
    expect(sixthDay.fields?.days).toMatch(/this would make 6 days/);

    const excepted = await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, {
        days: 1,
        amountPence: 50_000,
        exceptionReason: 'Safeguarding audit added',
      }),
    });
    expect(excepted).toMatchObject({
      exceptionReason: 'Safeguarding audit added',
      fromFund: true,
      financialYear: '2025/26',
    });
    const twice = await refusal(session, 'projects.saveCost', {
      draft: costDraft(project.id, { source: 'already-funded', amountPence: 48_000 }),
    });
    expect(twice.fields?.amountPence).toMatch(/not costed again/);
    expect((await ok(session, 'projects.get', { id: project.id })).fundPence).toBe(300_000);
  });

  it("leaves what remains of a double district's fund after commitments and spending", async () => {
    const { session, dd, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    const fund = await ok(session, 'funds.save', {
      draft: {
        doubleDistrictId: dd,
        financialYear: '2025/26',
        allocationPence: 5_000_000,
        heldBackPence: 500_000,
        officerFte: 1,
      },
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, { days: 5, amountPence: 250_000 }),
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, {
        source: 'pss-monitoring',
        days: 4,
        amountPence: 200_000,
        status: 'Committed',
      }),
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, { source: 'cpd', days: 3, amountPence: 90_000 }),
    });
    // Dated in the next financial year: not this year's money.
    await ok(session, 'projects.saveCost', {
      draft: costDraft(project.id, { source: 'cpd', incurredOn: '2026-04-01', amountPence: 10_000 }),
    });
    const summary = await ok(session, 'funds.get', { doubleDistrictId: dd, financialYear: '2025/26' });
    expect(summary).toMatchObject({
      fund: { id: fund.id, allocationPence: 5_000_000 },
      committedPence: 200_000,
      spentPence: 250_000,
      remainingPence: 4_050_000,
      officerDays: { capacityDays: 170, committedDays: 9, over: false },
      interventions: 1,
    });
    expect(summary.bySource.map((l) => [l.key, l.fundPence, l.totalPence])).toEqual([
      ['pss-audit', 250_000, 250_000],
      ['pss-monitoring', 200_000, 200_000],
      ['cpd', 0, 90_000],
    ]);
    expect(summary.byStage).toEqual([
      { key: 'Stage 3', label: 'Stage 3', fundPence: 450_000, totalPence: 540_000 },
    ]);
    const all = await ok(session, 'funds.list', { financialYear: '2025/26' });
    expect(all.map((f) => [f.doubleDistrict, f.remainingPence])).toEqual([
      ['Cannock / Lichfield', 4_050_000],
    ]);
    const second = await refusal(session, 'funds.save', {
      draft: {
        doubleDistrictId: dd,
        financialYear: '2025/26',
        allocationPence: 1,
        heldBackPence: 0,
        officerFte: 1,
      },
    });
    expect(second.code).toBe('conflict');
    expect(second.fields?.financialYear).toBe('Already recorded');
  });

  it("gives the concern register each school's latest RAG and what its projects have cost the fund", async () => {
    const { session, school, officer } = await authority();
    const closed = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    await ok(session, 'projects.saveCost', { draft: costDraft(closed.id, { amountPence: 100_000 }) });
    await ok(session, 'projects.saveReport', {
      draft: {
        projectId: closed.id,
        academicYear: 2025,
        term: 'autumn',
        ratings: closed.objectives.map((objective) => ({ objective, rag: 'Red' })),
        overall: 'Red',
        impactEvidence: '',
        significantImprovement: false,
      },
    });
    await ok(session, 'projects.decide', {
      id: closed.id,
      draft: { decidedOn: '2026-01-05', decision: 'close', reason: 'A new project replaces it' },
    });
    const open = await ok(session, 'projects.save', {
      draft: projectDraft(school, officer, { startedOn: '2026-01-05', reviewOn: '2026-05-01' }),
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(open.id, { source: 'pss-monitoring', amountPence: 50_000, status: 'Committed' }),
    });
    await ok(session, 'projects.saveCost', {
      draft: costDraft(open.id, { source: 'cpd', amountPence: 70_000 }),
    });
    const summary = projectsSummaryFor(session.ctx(), [school, 999]);
    expect(summary.get(school)).toEqual({ rag: null, spentPence: 100_000, committedPence: 50_000 });
    expect(summary.has(999)).toBe(false);
    await ok(session, 'projects.saveReport', {
      draft: {
        projectId: open.id,
        academicYear: 2025,
        term: 'spring',
        ratings: open.objectives.map((objective) => ({ objective, rag: 'Green' })),
        overall: 'Amber',
        impactEvidence: '',
        significantImprovement: true,
      },
    });
    expect(projectsSummaryFor(session.ctx(), [school]).get(school)?.rag).toBe('Amber');
  });

  it('prices consultant days by the charging bands at the day rate the LA sets', async () => {
    const { session } = await authority();
    expect(await ok(session, 'money.rates', {})).toEqual({
      pssDayRatePence: 50_000,
      officerDayRatePence: 48_000,
    });
    expect((await ok(session, 'money.chargingBand', { days: 25 })).chargePence).toBe(192_000);
    const free = await refusal(session, 'money.setRates', {
      pssDayRatePence: 50_000,
      officerDayRatePence: 0,
    });
    expect(free.fields?.officerDayRatePence).toBe('A day rate must be more than £0');
    await ok(session, 'money.setRates', { pssDayRatePence: 50_000, officerDayRatePence: 50_000 });
    expect((await ok(session, 'money.chargingBand', { days: 25 })).chargePence).toBe(200_000);
  });

  it('records review decisions: continue within two terms, refer to DMT, close', async () => {
    const { session, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    const decide = (draft: object) => ({ id: project.id, draft });
    const far = await refusal(
      session,
      'projects.decide',
      decide({
        decidedOn: '2026-03-02',
        decision: 'continue',
        reason: 'Some progress',
        nextReviewOn: '2026-12-01',
      }),
    );
    expect(far.fields?.nextReviewOn).toMatch(/^A review comes at most two terms after 02\/03\/2026/);
    const continued = await ok(
      session,
      'projects.decide',
      decide({
        decidedOn: '2026-03-02',
        decision: 'continue',
        reason: 'Some progress',
        nextReviewOn: '2026-07-10',
      }),
    );
    expect(continued).toMatchObject({ status: 'Open', reviewOn: '2026-07-10' });
    const referred = await ok(
      session,
      'projects.decide',
      decide({ decidedOn: '2026-07-10', decision: 'refer', reason: 'Little significant improvement' }),
    );
    expect(referred.status).toBe('Referred to DMT');
    expect(referred.flags.threeTermsWithoutImprovement).toBe(false);
    const closed = await ok(
      session,
      'projects.decide',
      decide({ decidedOn: '2026-09-30', decision: 'close', reason: 'DMT took it over' }),
    );
    expect(closed).toMatchObject({ status: 'Closed', closedOn: '2026-09-30' });
    expect(closed.decisions.map((d) => d.decision)).toEqual(['continue', 'refer', 'close']);
    const after = await refusal(
      session,
      'projects.decide',
      decide({ decidedOn: '2026-10-01', decision: 'close', reason: 'x' }),
    );
    expect(after.code).toBe('rejected');
    expect(await ok(session, 'projects.list', { schoolId: school })).toEqual([]);
    expect((await ok(session, 'projects.list', { schoolId: school, includeClosed: true })).length).toBe(1);
  });

  it('says plainly when a project, record or double district does not exist', async () => {
    const { session } = await authority();
    for (const [op, input] of [
      ['projects.get', { id: 999 }],
      ['projects.delete', { id: 999 }],
      ['projects.deleteCost', { id: 999 }],
      ['projects.decide', { id: 999, draft: { decidedOn: '2026-01-05', decision: 'close', reason: 'Done' } }],
      [
        'projects.saveMeeting',
        { draft: { projectId: 999, metOn: '2026-01-05', attendees: 'All', notes: '' } },
      ],
      ['projects.saveCost', { id: 999, draft: costDraft(1) }],
      ['funds.get', { doubleDistrictId: 999, financialYear: '2025/26' }],
    ] as const) {
      const error = await refusal(session, op, input);
      expect(error.code, op).toBe('not_found');
      expect(error.message, op).toMatch(/^There is no /);
    }
  });

  it('deletes a project entered in error and puts it back whole with Undo', async () => {
    const { session, school, officer } = await authority();
    const project = await ok(session, 'projects.save', { draft: projectDraft(school, officer) });
    await ok(session, 'projects.saveMilestone', {
      draft: {
        projectId: project.id,
        description: 'Audit',
        owner: 'Ann Lead',
        dueOn: '2025-10-10',
        status: 'Met',
        notes: '',
      },
    });
    await ok(session, 'projects.saveCost', { draft: costDraft(project.id) });
    await ok(session, 'projects.decide', {
      id: project.id,
      draft: {
        decidedOn: '2026-03-02',
        decision: 'continue',
        reason: 'Going well',
        nextReviewOn: '2026-07-10',
      },
    });
    const before = await ok(session, 'projects.get', { id: project.id });
    const { auditId } = await ok(session, 'projects.delete', { id: project.id });
    expect((await refusal(session, 'projects.get', { id: project.id })).code).toBe('not_found');
    expect(await ok(session, 'records.restore', { auditId })).toEqual({ entity: 'project', id: project.id });
    expect(await ok(session, 'projects.get', { id: project.id })).toEqual(before);

    const cost = before.costs[0]!;
    const deletion = await ok(session, 'projects.deleteCost', { id: cost.id });
    expect((await ok(session, 'projects.get', { id: project.id })).costs).toEqual([]);
    await ok(session, 'records.restore', { auditId: deletion.auditId });
    expect((await ok(session, 'projects.get', { id: project.id })).costs).toEqual([cost]);

    // A cost deleted, then its project: the cost cannot come back on its own.
    const costGone = await ok(session, 'projects.deleteCost', { id: cost.id });
    await ok(session, 'projects.delete', { id: project.id });
    const orphan = await refusal(session, 'records.restore', { auditId: costGone.auditId });
    expect(orphan).toMatchObject({
      code: 'conflict',
      message: 'Its intervention project has been deleted since; undo that deletion first.',
    });
  });
});

describe('the projects migration', () => {
  it('upgrades a file made at the previous version intact', async () => {
    const { path, db: old } = await fileAtVersion(
      5,
      `INSERT INTO double_districts (name) VALUES ('North'); INSERT INTO districts (name, double_district_id) VALUES ('Moor', 1);
       INSERT INTO schools (dfe, name, phase, district_id) VALUES ('860/2001', 'Moor First', 'First', 1);
       INSERT INTO people (name) VALUES ('Ann Lead');
       INSERT INTO visits (school_id, visited_on, visitor_id, role, purpose, days) VALUES (1, '2025-10-07', 1, 'SIP', 'Reporting', 1);`,
    );
    old.close();
    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT name FROM schools').pluck().all()).toEqual(['Moor First']);
    expect(db.prepare('SELECT visited_on FROM visits').pluck().all()).toEqual(['2025-10-07']);
    expect(
      db.prepare("SELECT value FROM app_settings WHERE key LIKE 'money.%' ORDER BY key").pluck().all(),
    ).toEqual(['48000', '50000']);
    db.prepare(
      `INSERT INTO projects (school_id, stage, lead_officer_id, started_on, review_on) VALUES (1, 'Stage 2', 1, '2025-09-15', '2026-03-02')`,
    ).run();
    expect(db.prepare('SELECT status FROM projects').pluck().get()).toBe('Open');
    db.close();
  });
});
