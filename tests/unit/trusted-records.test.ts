import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { opNames } from '../../shared/api/contract';
import { formatDateTime, londonDate } from '../../shared/domain/format';
import { ok, tempSession } from './helpers';

/** A small authority: two districts, a SIP with two schools, a DSIM. */
async function authority() {
  const { session, dir } = tempSession();
  const path = join(dir, 'la.sid');
  await ok(session, 'app.create', { path, demo: false });
  const dd = await ok(session, 'organisation.saveDoubleDistrict', { draft: { name: 'Cannock / Lichfield' } });
  const district = await ok(session, 'organisation.saveDistrict', {
    draft: { name: 'Cannock Chase', doubleDistrictId: dd.id },
  });
  const sip = await ok(session, 'organisation.savePerson', { draft: { name: 'Kath Kent', roles: ['SIP'] } });
  const school = async (dfe: string, name: string) =>
    (
      await ok(session, 'schools.save', {
        draft: {
          dfe,
          urn: '',
          name,
          type: '',
          phase: 'Primary',
          districtId: district.id,
          diocese: '',
          numberOnRoll: '',
          headteacher: '',
          chairOfGovernors: '',
          sipId: sip.id,
          postcode: '',
        },
      })
    ).id;
  return {
    session,
    path,
    sip: sip.id,
    a: await school('860/2001', 'Alder Primary'),
    b: await school('860/2002', "St Mary's Primary"),
  };
}

const visitDraft = (schoolId: number, visitorId: number, extra: object = {}) => ({
  schoolId,
  visitedOn: '2025-10-07',
  visitorId,
  role: 'SIP',
  purpose: 'Validating the SEF',
  days: 1,
  notes: 'First visit',
  reportReceivedOn: null,
  qaOn: null,
  claimStatus: 'Not claimed',
  ...extra,
});

const profileDraft = (schoolId: number, extra: object = {}) => ({
  schoolId,
  academicYear: 2025,
  term: 'autumn',
  numberOnRoll: 210,
  attendance: 95.5,
  exclusions: 0,
  budgetPosition: -1200,
  newHeadteacher: false,
  staffChanges: '',
  notes: '',
  ...extra,
});

async function refusal(session: Session, op: string, input: unknown) {
  const result = await invoke(session, op, input);
  if (result.ok) throw new Error(`${op} was accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

const history = async (session: Session, id: number) => (await ok(session, 'schools.get', { id })).history;

describe('records that can be trusted', () => {
  it('refuses a second termly profile for the same term, naming the first, and audits corrections field by field', async () => {
    const { session, a } = await authority();
    const first = await ok(session, 'profiles.save', { draft: profileDraft(a) });
    const clash = await refusal(session, 'profiles.save', { draft: profileDraft(a, { attendance: 90 }) });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain(`profile ${first.id}`);
    expect(clash.fields?.term).toBeTruthy();
    const monitoring = await ok(session, 'monitoring.school', { schoolId: a });
    expect(monitoring.profiles.map((p) => p.attendance)).toEqual([95.5]);

    await ok(session, 'profiles.save', {
      id: first.id,
      draft: profileDraft(a, { attendance: 93, exclusions: 2 }),
    });
    const entry = (await history(session, a)).find((h) => h.entity === 'profile' && h.action === 'edit')!;
    expect(entry.changes).toEqual([
      { field: 'Attendance (%)', before: '95.5', after: '93' },
      { field: 'Exclusions', before: '0', after: '2' },
    ]);
  });

  it('refuses out-of-range values at their field instead of bending them', async () => {
    const { session, a } = await authority();
    const high = await refusal(session, 'profiles.save', { draft: profileDraft(a, { attendance: 150 }) });
    expect(high.code).toBe('invalid_input');
    expect(high.fields?.attendance).toBe('A percentage cannot be more than 100');
    const negative = await refusal(session, 'profiles.save', { draft: profileDraft(a, { exclusions: -3 }) });
    expect(negative.fields?.exclusions).toBe('This cannot be negative');
    expect((await ok(session, 'monitoring.school', { schoolId: a })).profiles).toEqual([]);
  });

  it('refuses impossible dates, at the field, in plain English', async () => {
    const { session, a, sip } = await authority();
    const feb30 = await refusal(session, 'visits.save', {
      draft: visitDraft(a, sip, { visitedOn: '2025-02-30' }),
    });
    expect(feb30.fields?.visitedOn).toBe('Enter a real date, like 04/09/2008');
    const qa = await refusal(session, 'visits.save', {
      draft: visitDraft(a, sip, { reportReceivedOn: '2026-02-20', qaOn: '2026-02-31' }),
    });
    expect(qa.fields).toEqual({ qaOn: 'Enter a real date, like 04/09/2008' });
    expect(qa.message).toBe('Quality-assured: enter a real date, like 04/09/2008.');
  });

  it('never shows an operation name, a schema path or a library message', async () => {
    const { session, a, sip } = await authority();
    const refusals = [
      await refusal(session, 'visits.save', { draft: visitDraft(a, sip, { purpose: 'Tea' }) }),
      await refusal(session, 'calendar.saveTerm', {
        academicYear: 2025,
        term: 'autumn',
        startsOn: '2025-09-03',
        secondHalfOn: '2025-11-03',
        endsOn: '20/12/2025',
      }),
      await refusal(session, 'profiles.save', { draft: { ...profileDraft(a), mood: 'good' } }),
      await refusal(session, 'sef.save', {
        draft: { schoolId: a, sefOn: '2025-10-01', validated: true, grades: { overall: 7 } },
      }),
      await refusal(session, 'no.suchThing', {}),
    ];
    for (const error of refusals) {
      const text = `${error.message} ${Object.values(error.fields ?? {}).join(' ')}`;
      expect(text).not.toMatch(
        /visits\.save|calendar\.saveTerm|draft\.|Invalid (input|option)|expected|Too (big|small)|Unrecognized/,
      );
    }
    expect(refusals[0]!.fields).toEqual({ purpose: 'Choose one of the options in the list' });
    // A value of the wrong kind gets the field's own words, not "required".
    const typed = await refusal(session, 'visits.save', { draft: visitDraft(a, sip, { days: '1' }) });
    expect(typed.fields).toEqual({ days: 'Enter the days, like 1 or 0.5' });
    const missing = await refusal(session, 'visits.save', {
      draft: { ...visitDraft(a, sip), notes: undefined },
    });
    expect(missing.fields).toEqual({ notes: 'This is required' });
    expect(refusals[1]!.fields).toEqual({ endsOn: 'Enter a real date, like 04/09/2008' });
  });

  it('answers not found for every save and deletion given an id that does not exist, writing nothing', async () => {
    const { session, a, sip } = await authority();
    const drafts: Record<string, unknown> = {
      'visits.save': visitDraft(a, sip),
      'categories.propose': {
        schoolId: a,
        proposedOn: '2025-10-01',
        source: 'DSIM',
        proposedById: null,
        category: 3,
        evidence: 'Results',
      },
      'sef.save': { schoolId: a, sefOn: '2025-10-01', validated: false, grades: {} },
      'ofsted.saveInspection': {
        schoolId: a,
        inspectedOn: '2025-10-01',
        type: 'Section 5 inspection',
        overall: 2,
        grades: {},
        outcome: 'None',
        laResponse: null,
        laResponseOutcome: '',
      },
      'ofsted.saveMonitoring': { schoolId: a, visitedOn: '2025-10-01', progress: 'Good', notes: '' },
      'profiles.save': profileDraft(a),
      'schools.save': {
        dfe: '860/2009',
        urn: '',
        name: 'Ghost',
        type: '',
        phase: 'Primary',
        districtId: 1,
        diocese: '',
        numberOnRoll: '',
        headteacher: '',
        chairOfGovernors: '',
        sipId: null,
        postcode: '',
      },
      'organisation.saveDoubleDistrict': { name: 'Nowhere' },
      'organisation.saveDistrict': { name: 'Nowhere', doubleDistrictId: 1 },
      'organisation.savePerson': { name: 'Nobody', roles: [] },
      'concerns.save': {
        schoolId: a,
        source: 'LA monitoring',
        factors: ['Budgetary problems'],
        factorNotes: '',
        raisedById: null,
        openedOn: '2025-10-01',
        stage: 1,
        focusGroupOn: null,
        digConfirmedOn: null,
      },
      'concernLetters.save': {
        concernId: 1,
        datedOn: '2025-10-01',
        addressee: 'The Headteacher',
        body: 'Dear Headteacher',
        contact: 'The DSIM',
      },
      'warningNotices.save': {
        schoolId: a,
        grounds: ['Financial mismanagement'],
        groundsNotes: '',
        advisedOn: null,
        approvedOn: null,
        givenOn: null,
        representationsOn: null,
        ofstedDecision: '',
        ofstedDecisionOn: null,
        complianceDueOn: null,
        outcome: null,
        outcomeOn: null,
        powers: [],
        iebConsentOn: null,
        partnerName: '',
        partnershipForm: null,
        notes: '',
      },
      'ofstedFollowUp.save': {
        inspectionId: 1,
        reportOn: null,
        formalMeetingOn: null,
        formalMeetingAttendees: '',
        coreGroupChairId: null,
        coreGroupMembers: '',
        statementDueOn: null,
        statementSubmittedOn: null,
        leadOfficerId: null,
        dmtInvolvedOn: null,
        parentalEngagement: '',
        sosNoticeOn: null,
        newStatementDueOn: null,
        newStatementSubmittedOn: null,
        closureDecisionOn: null,
        closureDecision: '',
        notes: '',
      },
      'projects.save': {
        schoolId: a,
        concernId: null,
        stage: 'Stage 2',
        leadOfficerId: sip,
        team: [],
        objectives: ['Raise attainment'],
        startedOn: '2025-09-15',
        reviewOn: '2026-01-15',
      },
      'projects.saveMilestone': {
        projectId: 1,
        description: 'Audit',
        owner: 'Kath Kent',
        dueOn: '2025-10-10',
        status: 'Met',
        notes: '',
      },
      'projects.saveMeeting': { projectId: 1, metOn: '2025-10-01', attendees: 'Kath Kent', notes: '' },
      'projects.saveReport': {
        projectId: 1,
        academicYear: 2025,
        term: 'autumn',
        ratings: [],
        overall: 'Green',
        impactEvidence: '',
        significantImprovement: false,
      },
      'projects.saveCost': {
        projectId: 1,
        source: 'cpd',
        incurredOn: '2025-10-01',
        description: '',
        days: 1,
        amountPence: 100,
        status: 'Spent',
        exceptionReason: '',
      },
      'funds.save': {
        doubleDistrictId: 1,
        financialYear: '2025/26',
        allocationPence: 0,
        heldBackPence: 0,
        officerFte: 1,
      },
      'meetings.save': {
        heldOn: '2025-10-01',
        kind: 'Core group',
        doubleDistrictId: null,
        attendees: [],
        agenda: '',
        minutes: '',
        decisions: [],
      },
      'effectivenessProfiles.save': { schoolId: a, academicYear: 2025, sections: [] },
      'partnerships.save': {
        name: 'Ghost cluster',
        kind: 'Cluster',
        leadSchoolId: null,
        notes: '',
        members: [],
      },
      'partnerships.saveBudget': { partnershipId: 1, academicYear: 2025, lines: [] },
      'partnerships.saveSpend': {
        lineId: 1,
        spentOn: '2025-10-01',
        amountPence: 100,
        description: 'Cover',
        overspendReason: '',
      },
      'partnerships.saveStrength': {
        schoolId: a,
        area: 'sef:teaching',
        aspect: '',
        evidence: 'Lessons',
        validatedBy: '',
        validatedOn: null,
        contact: '',
      },
      'partnerships.saveSupport': {
        supportingSchoolId: a,
        supportedSchoolId: a + 1,
        area: 'sef:teaching',
        startsOn: '2025-10-01',
        endsOn: null,
        agreedBy: 'Dee Sim',
        outcome: '',
      },
      'partnerships.saveBarrier': {
        schoolId: a,
        raisedOn: '2025-10-01',
        theme: 'Cover',
        description: 'Staff',
        beyondSchool: false,
      },
      'partnerships.saveResponse': { theme: 'Cover', response: 'Noted', respondedOn: '2025-10-01' },
    };
    const saves = opNames.filter((op) => /\.save|\.propose/.test(op) && op !== 'calendar.saveTerm');
    expect(saves.sort()).toEqual(Object.keys(drafts).sort());
    const before = (await history(session, a)).length;
    for (const op of saves) {
      const error = await refusal(session, op, { id: 9999, draft: drafts[op] });
      expect(error.code, op).toBe('not_found');
    }
    for (const op of opNames.filter((name) => /\.delete|withdraw/.test(name)))
      expect((await refusal(session, op, { id: 9999 })).code, op).toBe('not_found');
    expect(
      (
        await refusal(session, 'categories.decide', {
          id: 9999,
          draft: {
            decidedOn: '2025-10-02',
            category: 3,
            notes: '',
            supportOverride: null,
            overrideReason: '',
          },
        })
      ).code,
    ).toBe('not_found');
    expect(await history(session, a)).toHaveLength(before);
  });

  it('deletes each kind of record entered in error, keeping every field in the audit, and Undo restores it exactly', async () => {
    const { session, a, sip } = await authority();
    const made = {
      'visits.delete': await ok(session, 'visits.save', {
        draft: visitDraft(a, sip, { reportReceivedOn: '2025-10-08' }),
      }),
      'sef.delete': await ok(session, 'sef.save', {
        draft: {
          schoolId: a,
          sefOn: '2025-10-01',
          validated: true,
          grades: {
            overall: 2,
            capacity: 2,
            achievement: 3,
            personal: 2,
            teaching: 3,
            curriculum: 2,
            care: 2,
            leadership: 2,
          },
        },
      }),
      'ofsted.deleteInspection': await ok(session, 'ofsted.saveInspection', {
        draft: {
          schoolId: a,
          inspectedOn: '2025-11-12',
          type: 'Section 5 inspection',
          overall: 3,
          grades: { teaching: 3 },
          outcome: 'None',
          laResponse: null,
          laResponseOutcome: '',
        },
      }),
      'ofsted.deleteMonitoring': await ok(session, 'ofsted.saveMonitoring', {
        draft: { schoolId: a, visitedOn: '2025-12-01', progress: 'Satisfactory', notes: 'Steady' },
      }),
      'profiles.delete': await ok(session, 'profiles.save', { draft: profileDraft(a) }),
      'categories.withdraw': await ok(session, 'categories.propose', {
        draft: {
          schoolId: a,
          proposedOn: '2025-10-01',
          source: 'DSIM',
          proposedById: sip,
          category: 3,
          evidence: 'Results dipped',
        },
      }),
    };
    const before = await ok(session, 'monitoring.school', { schoolId: a });
    for (const [op, row] of Object.entries(made)) {
      const { auditId } = await ok(session, op as 'visits.delete', { id: row.id });
      const entry = (await history(session, a)).find((h) => h.id === auditId)!;
      expect(entry.action).toBe('delete');
      expect(entry.undoable).toBe(true);
      expect(entry.changes.length).toBeGreaterThan(1);
      expect(entry.changes.every((c) => c.after === null && c.before !== null)).toBe(true);
      const restored = await ok(session, 'records.restore', { auditId });
      expect(restored.id).toBe(row.id);
      expect((await refusal(session, 'records.restore', { auditId })).code).toBe('conflict');
      expect((await history(session, a)).find((h) => h.id === auditId)!.undoable).toBe(false);
    }
    expect(await ok(session, 'monitoring.school', { schoolId: a })).toEqual(before);
  });

  it('keeps a decided category in the history: it cannot be withdrawn', async () => {
    const { session, a, sip } = await authority();
    const proposal = await ok(session, 'categories.propose', {
      draft: {
        schoolId: a,
        proposedOn: '2025-10-01',
        source: 'DSIM',
        proposedById: sip,
        category: 3,
        evidence: 'Results',
      },
    });
    await ok(session, 'categories.decide', {
      id: proposal.id,
      draft: { decidedOn: '2025-10-20', category: 3, notes: '', supportOverride: null, overrideReason: '' },
    });
    expect((await refusal(session, 'categories.withdraw', { id: proposal.id })).code).toBe('conflict');
  });

  it('asks before taking the SIP role from someone with schools, naming them, then leaves those schools with no SIP', async () => {
    const { session, a, b, sip } = await authority();
    const refused = await refusal(session, 'organisation.savePerson', {
      id: sip,
      draft: { name: 'Kath Kent', roles: ['EIP'] },
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Alder Primary');
    expect(refused.message).toContain("St Mary's Primary");
    expect((await ok(session, 'schools.get', { id: a })).school.sipId).toBe(sip);

    await ok(session, 'organisation.savePerson', {
      id: sip,
      draft: { name: 'Kath Kent', roles: ['EIP'] },
      unassignSchools: true,
    });
    for (const id of [a, b]) {
      const { school, history: entries } = await ok(session, 'schools.get', { id });
      expect(school.sipId).toBeNull();
      expect(entries[0]!.changes).toContainEqual({ field: 'SIP', before: 'Kath Kent', after: null });
    }
  });

  it('names the person who made each change: SID_USER, else the name they set', async () => {
    const { session, a } = await authority();
    expect((await history(session, a))[0]!.user).toBe('test.user');
    delete process.env.SID_USER;
    try {
      await ok(session, 'app.setDisplayName', { name: 'Pat Jones' });
      expect((await ok(session, 'app.state', {})).user).toBe('Pat Jones');
      await ok(session, 'profiles.save', { draft: profileDraft(a) });
      expect((await history(session, a))[0]!.user).toBe('Pat Jones');
    } finally {
      process.env.SID_USER = 'test.user';
    }
  });

  it("takes today's date from Europe/London, not UTC", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time); in winter the two agree.
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('01/07/2026 00:30');
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('31/12/2026 23:30');
  });

  it('makes a second writer wait for the first instead of failing on a stale read', async () => {
    const { session, path, a } = await authority();
    // Another process takes the write lock and holds it for a moment, as a colleague's save would.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new Database(${JSON.stringify(path)});
         db.exec('BEGIN IMMEDIATE');
         db.prepare("UPDATE schools SET headteacher = 'Ann Other' WHERE id = ${a}").run();
         process.stdout.write('locked\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 800);
         db.exec('COMMIT');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const saved = await invoke(session, 'profiles.save', { draft: profileDraft(a) });
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(saved.ok).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT headteacher FROM schools WHERE id = ?').pluck().get(a)).toBe('Ann Other');
    db.close();
  });
});
