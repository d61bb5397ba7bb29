import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, registerBuilders, snapshot, tempSession } from './helpers';

async function register() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  const doubleDistrict = async (name: string) =>
    (await ok(session, 'organisation.saveDoubleDistrict', { draft: { name } })).id;
  const district = async (name: string, doubleDistrictId: number) =>
    (await ok(session, 'organisation.saveDistrict', { draft: { name, doubleDistrictId } })).id;
  const person = async (name: string, roles: string[]) =>
    (await ok(session, 'organisation.savePerson', { draft: { name, roles } })).id;
  const dd = await doubleDistrict('Cannock / Lichfield');
  const other = await doubleDistrict('Tamworth / East Staffs.');
  const cannock = await district('Cannock Chase', dd);
  const tamworth = await district('Tamworth', other);
  const sip = await person('Kath Kent', ['SIP']);
  const dsim = await person('Dee Sim', ['DSIM']);
  const school = (dfe: string, name: string, districtId: number) =>
    registerBuilders(session).school(dfe, name, districtId, sip);
  return {
    session,
    dd,
    sip,
    dsim,
    a: await school('860/2001', 'Alder Primary', cannock),
    b: await school('860/2002', 'Birch Primary', cannock),
    c: await school('860/2003', 'Cedar Primary', tamworth),
  };
}

const visit = (schoolId: number, visitorId: number, visitedOn: string, extra: object = {}) => ({
  draft: {
    schoolId,
    visitedOn,
    visitorId,
    role: 'SIP',
    purpose: 'Validating the SEF',
    days: 1,
    notes: '',
    reportReceivedOn: null,
    qaOn: null,
    claimStatus: 'Not claimed',
    ...extra,
  },
});

describe('visits', () => {
  it('records visits with their term, counts SIP days against five and flags over-use', async () => {
    const { session, a, sip } = await register();
    const saved = await ok(session, 'visits.save', visit(a, sip, '2008-10-15', { days: 1.5 }));
    expect(saved).toMatchObject({ term: 'Autumn 2008', visitor: 'Kath Kent', days: 1.5 });
    for (const date of ['2008-11-20', '2009-02-10', '2009-05-12'])
      await ok(session, 'visits.save', visit(a, sip, date));
    let m = await ok(session, 'monitoring.school', { schoolId: a, today: '2009-06-01' });
    expect(m.sipDays).toEqual({ academicYear: '2008/09', used: 4.5, allocation: 5, over: false });
    await ok(session, 'visits.save', visit(a, sip, '2009-06-20'));
    m = await ok(session, 'monitoring.school', { schoolId: a, today: '2009-06-01' });
    expect(m.sipDays).toMatchObject({ used: 5.5, over: true });
    const overview = await ok(session, 'monitoring.overview', {
      doubleDistrictId: null,
      today: '2009-06-01',
    });
    expect(overview.overUsed).toEqual([expect.objectContaining({ name: 'Alder Primary', used: 5.5 })]);
    expect(m.visits.map((v) => v.visitedOn)).toEqual([
      '2009-06-20',
      '2009-05-12',
      '2009-02-10',
      '2008-11-20',
      '2008-10-15',
    ]);
  });

  it('refuses quarter days and a QA date with no report, changing nothing', async () => {
    const { session, a, sip } = await register();
    const before = snapshot(session);
    expect(await invoke(session, 'visits.save', visit(a, sip, '2008-10-15', { days: 0.25 }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { days: expect.stringMatching(/whole or half/) } },
    });
    expect(
      await invoke(session, 'visits.save', visit(a, sip, '2008-10-15', { qaOn: '2008-10-20' })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { qaOn: 'A report must be received before the DSIM can quality-assure it' },
      },
    });
    expect(snapshot(session)).toBe(before);
  });

  it('lists, for a double district, schools with no SIP visit this term and reports awaiting QA', async () => {
    const { session, dd, a, b, c, sip } = await register();
    await ok(session, 'visits.save', visit(a, sip, '2008-10-15', { reportReceivedOn: '2008-10-20' }));
    await ok(
      session,
      'visits.save',
      visit(b, sip, '2008-07-01', { reportReceivedOn: '2008-07-03', qaOn: '2008-07-10' }),
    );
    await ok(session, 'visits.save', visit(c, sip, '2008-10-01', { role: 'DSIM' }));
    const all = await ok(session, 'monitoring.overview', { doubleDistrictId: null, today: '2008-11-01' });
    expect(all.term).toBe('Autumn 2008');
    expect(all.noSipVisit.map((s) => s.name)).toEqual(['Birch Primary', 'Cedar Primary']);
    expect(all.awaitingQa).toEqual([
      expect.objectContaining({
        name: 'Alder Primary',
        reportReceivedOn: '2008-10-20',
        visitor: 'Kath Kent',
      }),
    ]);
    const mine = await ok(session, 'monitoring.overview', { doubleDistrictId: dd, today: '2008-11-01' });
    expect(mine.noSipVisit.map((s) => s.name)).toEqual(['Birch Primary']);
    // QA done: off the list, and the change is in the school's history.
    const awaiting = (await ok(session, 'monitoring.school', { schoolId: a })).visits[0]!;
    const { id, schoolId, visitedOn, visitorId, role, purpose, days, notes, reportReceivedOn, claimStatus } =
      awaiting;
    const draft = {
      schoolId,
      visitedOn,
      visitorId,
      role,
      purpose,
      days,
      notes,
      reportReceivedOn,
      claimStatus,
      qaOn: null,
    };
    await ok(session, 'visits.save', { id, draft: { ...draft, qaOn: '2008-10-25' } });
    expect(
      (await ok(session, 'monitoring.overview', { doubleDistrictId: dd, today: '2008-11-01' })).awaitingQa,
    ).toEqual([]);
    const { history } = await ok(session, 'schools.get', { id: a });
    expect(history[0]).toMatchObject({
      entity: 'visit',
      entityId: id,
      action: 'edit',
      changes: [{ field: 'Quality-assured', before: null, after: '25/10/2008' }],
    });
  });
});

describe('categories', () => {
  async function proposeAndConfirm(
    session: Session,
    schoolId: number,
    by: number,
    category: number,
    extra: object = {},
  ) {
    const { id } = await ok(session, 'categories.propose', {
      draft: {
        schoolId,
        proposedOn: '2009-06-10',
        source: 'SIP summary report',
        proposedById: by,
        category,
        evidence: 'Results down two years running',
      },
    });
    await ok(session, 'categories.decide', {
      id,
      draft: {
        decidedOn: '2009-07-01',
        category,
        notes: 'Moderated at DIG',
        supportOverride: null,
        overrideReason: '',
        ...extra,
      },
    });
    return id;
  }

  it('shows the confirmed category and its support level on the schools list', async () => {
    const { session, a, sip } = await register();
    const { id } = await ok(session, 'categories.propose', {
      draft: {
        schoolId: a,
        proposedOn: '2009-06-10',
        source: 'SIP summary report',
        proposedById: sip,
        category: 3,
        evidence: 'Progress in KS2 mathematics is weak',
      },
    });
    let row = (await ok(session, 'schools.list', {})).find((s) => s.id === a)!;
    expect(row).toMatchObject({ category: null, supportLevel: null }); // proposed is not confirmed
    await ok(session, 'categories.decide', {
      id,
      draft: {
        decidedOn: '2009-07-01',
        category: 4,
        notes: 'DIG moderated down',
        supportOverride: null,
        overrideReason: '',
      },
    });
    row = (await ok(session, 'schools.list', {})).find((s) => s.id === a)!;
    expect(row).toMatchObject({ category: 4, supportLevel: 'high' });
    const { categories } = await ok(session, 'monitoring.school', { schoolId: a });
    expect(categories[0]).toMatchObject({
      proposedCategory: 3,
      confirmedCategory: 4,
      proposedBy: 'Kath Kent',
      evidence: 'Progress in KS2 mathematics is weak',
    });
  });

  it('lets the DIG set a different support level only with a reason', async () => {
    const { session, a, b, sip } = await register();
    const proposal = await ok(session, 'categories.propose', {
      draft: {
        schoolId: a,
        proposedOn: '2009-06-10',
        source: 'DSIM',
        proposedById: null,
        category: 3,
        evidence: 'x',
      },
    });
    const refused = await invoke(session, 'categories.decide', {
      id: proposal.id,
      draft: {
        decidedOn: '2009-07-01',
        category: 3,
        notes: '',
        supportOverride: 'high',
        overrideReason: ' ',
      },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { overrideReason: expect.stringMatching(/Give a reason/) } },
    });
    await proposeAndConfirm(session, b, sip, 3, {
      supportOverride: 'high',
      overrideReason: 'Serious safeguarding concern',
    });
    expect((await ok(session, 'schools.list', {})).find((s) => s.id === b)).toMatchObject({
      category: 3,
      supportLevel: 'high',
    });
  });

  it('keeps the full history, the latest confirmation being current', async () => {
    const { session, a, sip } = await register();
    await proposeAndConfirm(session, a, sip, 2);
    const later = await ok(session, 'categories.propose', {
      draft: {
        schoolId: a,
        proposedOn: '2009-11-02',
        source: 'DIG review',
        proposedById: null,
        category: 3,
        evidence: 'New Ofsted report',
      },
    });
    const decision = { category: 3, notes: '', supportOverride: null, overrideReason: '' };
    const tooEarly = await invoke(session, 'categories.decide', {
      id: later.id,
      draft: { ...decision, decidedOn: '2009-10-01' },
    });
    expect(tooEarly).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/before it was proposed/) },
    });
    await ok(session, 'categories.decide', {
      id: later.id,
      draft: { ...decision, decidedOn: '2009-11-20' },
    });
    expect((await ok(session, 'schools.list', {})).find((s) => s.id === a)).toMatchObject({
      category: 3,
      supportLevel: 'medium',
    });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).categories).toHaveLength(2);
  });
});

describe('Ofsted, SEF and profiles', () => {
  it('flags an urgent case after the second inadequate monitoring visit, and notes disagreement with the LA', async () => {
    const { session, a } = await register();
    await ok(session, 'ofsted.saveInspection', {
      draft: {
        schoolId: a,
        inspectedOn: '2008-03-10',
        type: 'Section 5 inspection',
        overall: 4,
        grades: {},
        outcome: 'Special Measures',
        laResponse: null,
        laResponseOutcome: '',
      },
    });
    await ok(session, 'ofsted.saveMonitoring', {
      draft: { schoolId: a, visitedOn: '2008-06-12', progress: 'Satisfactory', notes: '' },
    });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).urgent).toBeNull();
    await ok(session, 'ofsted.saveMonitoring', {
      draft: { schoolId: a, visitedOn: '2008-11-20', progress: 'Inadequate', notes: 'Leadership weak' },
    });
    const m = await ok(session, 'monitoring.school', { schoolId: a });
    expect(m.urgent).toEqual({
      inspectedOn: '2008-03-10',
      visitedOn: '2008-11-20',
      statementDueOn: '2008-12-04',
      status: 'may become urgent',
      noticeOn: null,
    });
    const overview = await ok(session, 'monitoring.overview', {
      doubleDistrictId: null,
      today: '2008-12-01',
    });
    expect(overview.urgent).toEqual([
      expect.objectContaining({ name: 'Alder Primary', statementDueOn: '2008-12-04' }),
    ]);
  });

  it('records a SEF in the active framework, and refuses grades the framework does not have', async () => {
    const { session, a } = await register();
    const grades = {
      overall: 2,
      capacity: 2,
      achievement: 3,
      personal: 2,
      teaching: 3,
      curriculum: 2,
      care: 1,
      leadership: 2,
    };
    await ok(session, 'sef.save', { draft: { schoolId: a, sefOn: '2008-09-20', validated: true, grades } });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).sef[0]).toMatchObject({
      validated: true,
      grades,
    });
    const incomplete = await invoke(session, 'sef.save', {
      draft: { schoolId: a, sefOn: '2008-09-21', validated: false, grades: { overall: 2 } },
    });
    expect(incomplete).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Give a grade for Capacity to improve') },
    });

    // The Welsh framework grades nothing (seed 001): choosing it for SEFs is refused, pointing to the
    // School Effectiveness Profile, and Welsh element grades are not SEF judgements.
    expect(await invoke(session, 'sef.setFramework', { code: 'welsh-six-elements' })).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('School Effectiveness Profile') },
    });
    expect(
      await invoke(session, 'sef.save', {
        draft: { schoolId: a, sefOn: '2009-01-21', validated: false, grades: { leadership: 2, networks: 3 } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { grades: expect.any(String) } } });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).sef.map((s) => s.framework)).toEqual([
      'english-sef',
    ]);
  });

  it('keeps one termly profile per school and term: a second is refused, the first corrected', async () => {
    const { session, a } = await register();
    const profile = {
      schoolId: a,
      academicYear: 2008,
      term: 'autumn' as const,
      numberOnRoll: 210,
      attendance: 94.5,
      exclusions: 1,
      budgetPosition: -12000,
      newHeadteacher: true,
      staffChanges: 'New head from January',
      notes: '',
    };
    const first = await ok(session, 'profiles.save', { draft: profile });
    const before = snapshot(session);
    expect(await invoke(session, 'profiles.save', { draft: { ...profile, attendance: 95.1 } })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringContaining(`Autumn 2008 (profile ${first.id})`),
          fields: { term: expect.any(String) },
        },
      },
    );
    expect(snapshot(session)).toBe(before);
    await ok(session, 'profiles.save', { id: first.id, draft: { ...profile, attendance: 95.1 } });
    const { profiles } = await ok(session, 'monitoring.school', { schoolId: a });
    expect(profiles).toEqual([
      expect.objectContaining({
        id: first.id,
        label: 'Autumn 2008',
        attendance: 95.1,
        newHeadteacher: true,
        budgetPosition: -12000,
      }),
    ]);
  });

  it("uses the LA's own term dates once set", async () => {
    const { session } = await register();
    const terms = await ok(session, 'calendar.saveTerm', {
      academicYear: 2008,
      term: 'autumn',
      startsOn: '2008-09-03',
      secondHalfOn: '2008-11-03',
      endsOn: '2008-12-17',
    });
    expect(terms[0]).toMatchObject({ label: 'Autumn 2008', custom: true, endsOn: '2008-12-17' });
    expect(terms[1]).toMatchObject({ custom: false });
    expect(
      (await ok(session, 'monitoring.overview', { doubleDistrictId: null, today: '2008-12-18' })).term,
    ).toBe('Spring 2009');
    expect(
      await invoke(session, 'calendar.saveTerm', {
        academicYear: 2008,
        term: 'spring',
        startsOn: '2010-01-05',
        secondHalfOn: '2010-02-22',
        endsOn: '2010-04-01',
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('correcting records', () => {
  it('corrects a proposal until the DIG decides, a SEF (date too), and an HMI visit', async () => {
    const { session, a, sip } = await register();
    const proposal = {
      schoolId: a,
      proposedOn: '2009-06-10',
      source: 'DSIM' as const,
      proposedById: sip,
      category: 3,
      evidence: 'Weak maths',
    };
    const { id } = await ok(session, 'categories.propose', { draft: proposal });
    const corrected = await ok(session, 'categories.propose', {
      id,
      draft: { ...proposal, category: 4, evidence: 'Weak maths and English' },
    });
    expect(corrected).toMatchObject({ id, proposedCategory: 4 });
    let m = await ok(session, 'monitoring.school', { schoolId: a });
    expect(m.categories).toEqual([
      expect.objectContaining({ id, proposedCategory: 4, evidence: 'Weak maths and English' }),
    ]);
    await ok(session, 'categories.decide', {
      id,
      draft: { decidedOn: '2009-07-01', category: 4, notes: '', supportOverride: null, overrideReason: '' },
    });
    expect(await invoke(session, 'categories.propose', { id, draft: proposal })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('already decided') },
    });

    const grades = {
      overall: 2,
      capacity: 2,
      achievement: 3,
      personal: 2,
      teaching: 3,
      curriculum: 2,
      care: 1,
      leadership: 2,
    };
    const sef = (sefOn: string, validated = false, sefGrades: Record<string, number> = grades) => ({
      schoolId: a,
      sefOn,
      validated,
      grades: sefGrades,
    });
    const first = await ok(session, 'sef.save', { draft: sef('2008-09-20') });
    const second = await ok(session, 'sef.save', { draft: sef('2009-09-20') });
    await ok(session, 'sef.save', {
      id: first.id,
      draft: sef('2008-09-21', true, { ...grades, overall: 3 }),
    });
    m = await ok(session, 'monitoring.school', { schoolId: a });
    expect(m.sef.find((e) => e.id === first.id)).toMatchObject({
      sefOn: '2008-09-21',
      validated: true,
      grades: { overall: 3 },
    });
    const before = snapshot(session);
    expect(await invoke(session, 'sef.save', { id: second.id, draft: sef('2008-09-21') })).toMatchObject({
      ok: false,
      error: { fields: { sefOn: 'Already recorded' } },
    });
    expect(snapshot(session)).toBe(before);

    const hmi = await ok(session, 'ofsted.saveMonitoring', {
      draft: { schoolId: a, visitedOn: '2009-01-10', progress: 'Satisfactory', notes: '' },
    });
    await ok(session, 'ofsted.saveMonitoring', {
      id: hmi.id,
      draft: { schoolId: a, visitedOn: '2009-01-12', progress: 'Good', notes: 'Much improved' },
    });
    m = await ok(session, 'monitoring.school', { schoolId: a });
    expect(m.monitoringVisits).toEqual([
      expect.objectContaining({ id: hmi.id, visitedOn: '2009-01-12', progress: 'Good' }),
    ]);
  });
});
