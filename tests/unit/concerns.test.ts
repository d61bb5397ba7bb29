import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/data/database';
import { migrations } from '../../electron/data/migrations';
import { concernDraft, concernsAuthority, noticeDraft, refusal } from './concerns-fixture';
import { fileAtVersion, ok } from './helpers';

const tick = (duty: string, byId: number, extra: object = {}) => ({
  duty,
  done: true,
  checkedOn: '2025-10-20',
  byId,
  notes: '',
  ...extra,
});

describe('schools causing concern', () => {
  it('opens a Stage 2 concern, ticks its duties and escalates it to Stage 3 by an audited decision', async () => {
    const { session, a, dsim, head } = await concernsAuthority();
    const opened = await ok(session, 'concerns.save', { draft: concernDraft(a, { raisedById: dsim }) });
    expect(opened).toMatchObject({
      stage: 2,
      stageSince: '2025-10-01',
      school: 'Alder Primary',
      raisedBy: 'Dana Simms',
    });
    expect(opened.missingDuties).toHaveLength(7);

    const ticked = await ok(session, 'concerns.checkDuty', {
      id: opened.id,
      draft: tick('assigned-officer', dsim),
    });
    expect(ticked.duties).toEqual([
      {
        duty: 'assigned-officer',
        done: true,
        checkedOn: '2025-10-20',
        byId: dsim,
        by: 'Dana Simms',
        notes: '',
      },
    ]);
    expect(ticked.missingDuties.map((m) => m.code)).not.toContain('assigned-officer');
    const wanting = await ok(session, 'concerns.checkDuty', {
      id: opened.id,
      draft: tick('progress-shown', dsim, {
        done: false,
        checkedOn: '2026-01-14',
        notes: 'Milestones missed',
      }),
    });
    expect(wanting.suggestsStage3).toBe(true);
    expect(wanting.stage).toBe(2);

    const escalated = await ok(session, 'concerns.changeStage', {
      id: opened.id,
      draft: {
        decidedOn: '2026-01-20',
        to: 3,
        reason: 'Insufficient pace of improvement',
        decidedById: head,
        meeting: 'DIG, spring 2026',
      },
    });
    expect(escalated).toMatchObject({ stage: 3, stageSince: '2026-01-20', suggestsStage3: false });
    expect(escalated.decisions).toEqual([
      {
        id: expect.any(Number),
        decidedOn: '2026-01-20',
        from: 2,
        to: 3,
        reason: 'Insufficient pace of improvement',
        decidedById: head,
        decidedBy: 'Harriet Oldfield',
        meeting: 'DIG, spring 2026',
      },
    ]);
    expect(escalated.missingDuties.map((m) => m.code)).toContain('lead-officer');

    const history = (await ok(session, 'schools.get', { id: a })).history;
    const decision = history.find((h) => h.entity === 'concern' && h.action === 'decide')!;
    expect(decision.summary).toBe(
      'Moved the concern about Alder Primary from Stage 2 to Stage 3: Insufficient pace of improvement',
    );
    expect(decision.changes).toContainEqual({ field: 'Stage', before: 'Stage 2', after: 'Stage 3' });
    expect(history.some((h) => h.entity === 'concern' && h.action === 'add')).toBe(true);
  });

  it('refuses a stage change without a reason or to the same stage, and a duty of another stage', async () => {
    const { session, a, dsim, head } = await concernsAuthority();
    const { id } = await ok(session, 'concerns.save', { draft: concernDraft(a) });
    const decision = { decidedOn: '2026-01-20', to: 3, reason: ' ', decidedById: head, meeting: '' };
    expect((await refusal(session, 'concerns.changeStage', { id, draft: decision })).fields).toEqual({
      reason: 'This is required',
    });
    const same = await refusal(session, 'concerns.changeStage', {
      id,
      draft: { ...decision, to: 2, reason: 'x' },
    });
    expect(same.fields).toEqual({ to: 'The concern is already at Stage 2' });
    const wrong = await refusal(session, 'concerns.checkDuty', { id, draft: tick('lead-officer', dsim) });
    expect(wrong.fields).toEqual({ duty: 'That is a Stage 3 duty; this concern is at Stage 2' });
    const nobody = await refusal(session, 'concerns.checkDuty', {
      id,
      draft: tick('assigned-officer', dsim, { byId: null }),
    });
    expect(nobody.fields).toEqual({ byId: 'Say who did it' });
    const edited = await refusal(session, 'concerns.save', { id, draft: concernDraft(a, { stage: 3 }) });
    expect(edited.fields?.stage).toMatch(/stage decision/);
  });

  it('keeps one open concern per school, naming the open one; a closed one makes way', async () => {
    const { session, a } = await concernsAuthority();
    const first = await ok(session, 'concerns.save', { draft: concernDraft(a) });
    const clash = await refusal(session, 'concerns.save', {
      draft: concernDraft(a, { openedOn: '2025-11-01' }),
    });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain(`concern ${first.id}, opened 01/10/2025`);
    expect(clash.fields?.schoolId).toBeTruthy();

    const notified = await ok(session, 'concerns.notify', {
      id: first.id,
      draft: { notifiedOn: '2025-10-03', notification: 'Causing concern at Stage 2 because of KS2 results' },
    });
    expect(notified.notifiedOn).toBe('2025-10-03');
    const closed = await ok(session, 'concerns.close', {
      id: first.id,
      draft: { closedOn: '2026-07-15', outcome: 'Improved: results above floor' },
    });
    expect(closed).toMatchObject({ closedOn: '2026-07-15', missingDuties: [] });
    const again = await ok(session, 'concerns.save', {
      draft: concernDraft(a, { openedOn: '2026-09-10', stage: 1 }),
    });
    expect(again.stage).toBe(1);
    expect(
      (await ok(session, 'concerns.list', { schoolId: a, includeClosed: true })).map((c) => c.id),
    ).toEqual([again.id, first.id]);
  });

  it('answers not_found for unknown ids', async () => {
    const { session, head } = await concernsAuthority();
    for (const [op, input] of [
      ['concerns.get', { id: 999 }],
      ['concerns.delete', { id: 999 }],
      ['concerns.close', { id: 999, draft: { closedOn: '2026-01-01', outcome: 'x' } }],
      [
        'concerns.changeStage',
        { id: 999, draft: { decidedOn: '2026-01-01', to: 3, reason: 'x', decidedById: head, meeting: '' } },
      ],
      ['warningNotices.delete', { id: 999 }],
      ['ofstedFollowUp.get', { inspectionId: 999 }],
    ] as const) {
      const error = await refusal(session, op, input);
      expect(error.code, op).toBe('not_found');
    }
    expect((await refusal(session, 'concerns.get', { id: 999 })).message).toBe('There is no concern 999.');
  });

  it('deletes a concern entered in error and puts it back, decisions and duties included, with Undo', async () => {
    const { session, a, dsim, head } = await concernsAuthority();
    const { id } = await ok(session, 'concerns.save', { draft: concernDraft(a) });
    await ok(session, 'concerns.checkDuty', { id, draft: tick('assigned-officer', dsim) });
    await ok(session, 'concerns.changeStage', {
      id,
      draft: { decidedOn: '2026-01-20', to: 3, reason: 'Insufficient pace', decidedById: head, meeting: '' },
    });
    const before = await ok(session, 'concerns.get', { id });
    const { auditId } = await ok(session, 'concerns.delete', { id });
    expect((await refusal(session, 'concerns.get', { id })).code).toBe('not_found');
    expect(await ok(session, 'records.restore', { auditId })).toEqual({ entity: 'concern', id });
    expect(await ok(session, 'concerns.get', { id })).toEqual(before);
  });

  it('lists the register per double district with stage, time at stage, open duties, deadlines and Ofsted category', async () => {
    const { session, a, c, north, south } = await concernsAuthority();
    await ok(session, 'concerns.save', { draft: concernDraft(a) });
    await ok(session, 'concerns.save', { draft: concernDraft(c, { stage: 1, openedOn: '2025-11-01' }) });
    await ok(session, 'warningNotices.save', { draft: noticeDraft(a) });
    await ok(session, 'ofsted.saveInspection', {
      draft: {
        schoolId: a,
        inspectedOn: '2025-12-01',
        type: 'Section 5 inspection',
        overall: 4,
        grades: {},
        outcome: 'Notice to Improve',
        laResponse: null,
        laResponseOutcome: '',
      },
    });
    const rows = await ok(session, 'concerns.register', { doubleDistrictId: north, today: '2026-01-03' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      school: 'Alder Primary',
      doubleDistrict: 'Cannock / Lichfield',
      stage: 2,
      stageSince: '2025-10-01',
      daysAtStage: 94,
      ofstedCategory: 'Notice to Improve',
      urgent: null,
      rag: null,
      spentPence: null,
      // The statement of action (10 working days from 01/12/2025) is overdue; the notice's response is next.
      nextDeadline: { on: '2025-12-15', what: 'LA Statement of Action due', overdue: true },
    });
    expect(rows[0]!.deadlines.map((d) => [d.on, d.what])).toEqual([
      ['2025-12-15', 'LA Statement of Action due'],
      ['2026-01-05', 'Warning notice: response due'],
      ['2026-02-13', 'Warning notice: compliance date'],
    ]);
    expect(rows[0]!.openDuties).toHaveLength(7);
    const southRows = await ok(session, 'concerns.register', {
      doubleDistrictId: south,
      today: '2026-01-03',
    });
    expect(southRows.map((r) => [r.school, r.stage, r.openDuties.length, r.nextDeadline])).toEqual([
      ['Tame Valley Primary', 1, 0, null],
    ]);
    expect(
      await ok(session, 'concerns.register', { doubleDistrictId: null, today: '2026-01-03' }),
    ).toHaveLength(2);
    expect((await ok(session, 'concerns.list', { doubleDistrictId: north, stage: 1 })).length).toBe(0);
  });
});

describe('Ofsted-category follow-up', () => {
  const inspection = (schoolId: number, extra: object = {}) => ({
    schoolId,
    inspectedOn: '2025-03-10',
    type: 'Section 5 inspection',
    overall: 4,
    grades: {},
    outcome: 'Special Measures',
    laResponse: null,
    laResponseOutcome: '',
    ...extra,
  });
  const followUp = (inspectionId: number, extra: object = {}) => ({
    inspectionId,
    reportOn: '2025-03-20',
    formalMeetingOn: '2025-03-21',
    formalMeetingAttendees: 'Director, Deputy Director, Head of SID, DSIM, headteacher',
    coreGroupChairId: null,
    coreGroupMembers: '',
    statementDueOn: null,
    statementSubmittedOn: '2025-04-02',
    leadOfficerId: null,
    dmtInvolvedOn: '2025-03-21',
    parentalEngagement: 'Parental champion appointed',
    sosNoticeOn: null,
    newStatementDueOn: null,
    newStatementSubmittedOn: null,
    closureDecisionOn: null,
    closureDecision: '',
    notes: '',
    ...extra,
  });

  it('refuses Notice to Improve with an overall grade of 3 at the outcome field', async () => {
    const { session, a } = await concernsAuthority();
    const error = await refusal(session, 'ofsted.saveInspection', {
      draft: inspection(a, { overall: 3, outcome: 'Notice to Improve' }),
    });
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({
      outcome: 'Notice to Improve comes only with an overall judgement of 4 (Inadequate).',
    });
  });

  it('raises the urgent case from the notice, with its new statement date, and clears it when the statement comes', async () => {
    const { session, a, dsim } = await concernsAuthority();
    const sm = await ok(session, 'ofsted.saveInspection', { draft: inspection(a) });
    const saved = await ok(session, 'ofstedFollowUp.save', {
      draft: followUp(sm.id, { coreGroupChairId: dsim }),
    });
    expect(saved).toMatchObject({
      coreGroupChair: 'Dana Simms',
      deadlines: { statementDueOn: '2025-04-03', newStatementDueOn: null },
    });
    for (const [visitedOn, progress] of [
      ['2025-06-12', 'Satisfactory'],
      ['2025-10-15', 'Satisfactory'],
    ] as const)
      await ok(session, 'ofsted.saveMonitoring', { draft: { schoolId: a, visitedOn, progress, notes: '' } });
    const early = await refusal(session, 'ofstedFollowUp.save', {
      id: saved.id,
      draft: followUp(sm.id, { sosNoticeOn: '2026-02-02' }),
    });
    expect(early.fields?.sosNoticeOn).toMatch(/record that visit first/);

    await ok(session, 'ofsted.saveMonitoring', {
      draft: { schoolId: a, visitedOn: '2026-01-20', progress: 'Inadequate', notes: '' },
    });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).urgent?.status).toBe(
      'may become urgent',
    );
    await ok(session, 'ofstedFollowUp.save', {
      id: saved.id,
      draft: followUp(sm.id, { sosNoticeOn: '2026-02-02' }),
    });
    const view = await ok(session, 'ofstedFollowUp.get', { inspectionId: sm.id, today: '2026-03-20' });
    expect(view.urgent).toEqual({
      inspectedOn: '2025-03-10',
      visitedOn: '2026-01-20',
      statementDueOn: '2026-02-16',
      status: 'urgent',
      noticeOn: '2026-02-02',
    });
    expect(view.closurePresumption).toEqual({
      inspectedOn: '2025-03-10',
      since: '2026-03-10',
      visitedOn: '2026-01-20',
    });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).urgent?.statementDueOn).toBe(
      '2026-02-16',
    );

    await ok(session, 'ofstedFollowUp.save', {
      id: saved.id,
      draft: followUp(sm.id, { sosNoticeOn: '2026-02-02', newStatementSubmittedOn: '2026-02-13' }),
    });
    expect((await ok(session, 'monitoring.school', { schoolId: a })).urgent).toBeNull();
    const history = (await ok(session, 'schools.get', { id: a })).history;
    expect(history.filter((h) => h.entity === 'ofsted-follow-up').map((h) => h.action)).toEqual([
      'edit',
      'edit',
      'add',
    ]);
  });

  it('keeps a follow-up to a category judgement, one per judgement, and an inspection with one cannot be deleted', async () => {
    const { session, a } = await concernsAuthority();
    const none = await ok(session, 'ofsted.saveInspection', {
      draft: inspection(a, { overall: 2, outcome: 'None', inspectedOn: '2024-01-10' }),
    });
    expect(
      (await refusal(session, 'ofstedFollowUp.save', { draft: followUp(none.id) })).fields?.inspectionId,
    ).toMatch(/Notice to Improve or Special Measures/);
    const sm = await ok(session, 'ofsted.saveInspection', { draft: inspection(a) });
    const saved = await ok(session, 'ofstedFollowUp.save', { draft: followUp(sm.id) });
    expect((await refusal(session, 'ofstedFollowUp.save', { draft: followUp(sm.id) })).code).toBe('conflict');
    expect((await refusal(session, 'ofsted.deleteInspection', { id: sm.id })).code).toBe('conflict');
    const { auditId } = await ok(session, 'ofstedFollowUp.delete', { id: saved.id });
    expect((await ok(session, 'ofstedFollowUp.get', { inspectionId: sm.id })).followUp).toBeNull();
    await ok(session, 'records.restore', { auditId });
    expect((await ok(session, 'ofstedFollowUp.get', { inspectionId: sm.id })).followUp).toEqual(
      expect.objectContaining({ id: saved.id, parentalEngagement: 'Parental champion appointed' }),
    );
  });
});

describe('the concerns migration', () => {
  it('upgrades a file made at the previous version with its data intact', async () => {
    const { path, db: old } = await fileAtVersion(
      4,
      `
      INSERT INTO double_districts (id, name) VALUES (1, 'Cannock / Lichfield');
      INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Cannock Chase', 1);
      INSERT INTO schools (id, dfe, name, phase, district_id) VALUES (1, '860/2001', 'Alder Primary', 'Primary', 1);
      INSERT INTO inspections (id, school_id, inspected_on, type, overall, outcome)
        VALUES (1, 1, '2025-03-10', 'Section 5 inspection', 4, 'Special Measures');`,
    );
    old.close();
    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT name FROM schools').pluck().all()).toEqual(['Alder Primary']);
    expect(db.prepare('SELECT outcome FROM inspections').pluck().all()).toEqual(['Special Measures']);
    db.exec(`INSERT INTO concerns (school_id, source, opened_on, stage, stage_since)
             VALUES (1, 'Ofsted report', '2025-03-12', 3, '2025-03-12')`);
    expect(() =>
      db.exec(`INSERT INTO concerns (school_id, source, opened_on, stage, stage_since)
               VALUES (1, 'LA monitoring', '2025-04-01', 2, '2025-04-01')`),
    ).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO ofsted_follow_ups (inspection_id, school_id) VALUES (1, 1)`);
    db.close();
  });
});
