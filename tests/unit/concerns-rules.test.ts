import { describe, expect, it } from 'vitest';
import { inspectionDraft } from '../../shared/api/ofsted';
import {
  checkStageChange,
  deadlinesOf,
  missingDuties,
  openConcernClash,
  STAGE_DUTIES,
  suggestsStage3,
  timeAtStage,
  type DutyCheck,
} from '../../shared/domain/concerns';
import { addHalfTerms, halfTermLabel, halfTermOf, keptHalfTermly } from '../../shared/domain/half-terms';
import { addMonths, closurePresumption, urgentCase } from '../../shared/domain/ofsted';
import { checkFollowUp, followUpDeadlines } from '../../shared/domain/ofsted-follow-up';
import { checkNotice, responseDueOn, type NoticeFacts } from '../../shared/domain/warning-notices';
import { addWorkingDays } from '../../shared/domain/working-days';

describe("a warning notice's initial period", () => {
  it('ends on the 15th working day after the day given, across Christmas and New Year', () => {
    // Given Wed 10/12/2025: 11, 12, 15–19, 22, 23, 24 (10 days), 25 and 26 bank holidays, 29, 30, 31,
    // 1 January a bank holiday, 2 January (14), Monday 5 January the 15th.
    expect(responseDueOn('2025-12-10')).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-10', 14)).toBe('2026-01-02');
    expect(addWorkingDays('2025-12-10', 16)).toBe('2026-01-06');
  });

  it('skips Good Friday, Easter Monday and the early May bank holiday', () => {
    // Given Wed 01/04/2026: 2 April, then 3 and 6 April are bank holidays, 7–10, 13–17, 20–24.
    expect(responseDueOn('2026-04-01')).toBe('2026-04-24');
    // Given Mon 20/04/2026: 21–24, 27–30, 1 May, Monday 4 May a bank holiday, 5–8, 11, 12.
    expect(responseDueOn('2026-04-20')).toBe('2026-05-12');
    expect(addWorkingDays('2026-04-20', 16)).toBe('2026-05-13');
  });

  it('does not count the day the notice is given, even a Friday', () => {
    expect(responseDueOn('2026-01-09')).toBe('2026-01-30');
  });
});

describe('warning notice rules', () => {
  const given: NoticeFacts = {
    advisedOn: '2025-11-20',
    approvedOn: '2025-11-27',
    givenOn: '2025-12-10',
    representationsOn: null,
    ofstedDecisionOn: null,
    complianceDueOn: '2026-02-13',
    outcome: null,
    outcomeOn: null,
    powers: [],
    iebConsentOn: null,
    partnerName: '',
    partnershipForm: null,
  };
  it('accepts a notice given in order', () => {
    expect(checkNotice(given)).toEqual({});
  });
  it('keeps the steps in order and an outcome for after the notice is given', () => {
    expect(checkNotice({ ...given, approvedOn: '2025-11-19' }).approvedOn).toMatch(
      /before the group advised/,
    );
    expect(checkNotice({ ...given, givenOn: null }).complianceDueOn).toBe(
      'Record the date the notice was given first',
    );
    expect(checkNotice({ ...given, complianceDueOn: '2025-12-10' }).complianceDueOn).toMatch(/after the day/);
    expect(checkNotice({ ...given, outcome: 'Rescinded', outcomeOn: null }).outcomeOn).toMatch(/together/);
    expect(checkNotice({ ...given, ofstedDecisionOn: '2026-01-02' }).ofstedDecisionOn).toMatch(
      /representations to Ofsted first/,
    );
  });
  it('uses powers only after the initial period, each with what it needs', () => {
    const powers = { ...given, outcome: 'Powers used' as const, outcomeOn: '2026-01-05' };
    expect(checkNotice({ ...powers, powers: ['Additional governors'] }).outcomeOn).toBe(
      "Powers can be used only after the school's initial period, which ends on 05/01/2026",
    );
    const later = { ...powers, outcomeOn: '2026-01-06' };
    expect(checkNotice({ ...later, powers: ['Additional governors'] })).toEqual({});
    expect(checkNotice({ ...later, powers: [] }).powers).toBe('Choose the powers used');
    expect(checkNotice({ ...later, powers: ['Interim executive board'] }).iebConsentOn).toMatch(
      /Secretary of State's consent/,
    );
    expect(
      checkNotice({ ...later, powers: ['Interim executive board'], iebConsentOn: '2026-01-20' }),
    ).toEqual({});
    const partnership = checkNotice({ ...later, powers: ['Required partnership or federation'] });
    expect(partnership).toEqual({
      partnerName: 'Name the partner',
      partnershipForm: 'Choose the form of the partnership',
    });
    expect(
      checkNotice({
        ...later,
        powers: ['Required partnership or federation'],
        partnerName: 'Oakridge High School',
        partnershipForm: 'A federation',
      }),
    ).toEqual({});
    expect(
      checkNotice({
        ...given,
        outcome: 'Complied',
        outcomeOn: '2026-01-20',
        powers: ['Additional governors'],
      }).powers,
    ).toMatch(/only with the outcome "Powers used"/);
  });
});

describe('half-terms from the term dates', () => {
  it('put the half-term holiday in the first half and a summer holiday in the next autumn', () => {
    expect(halfTermOf('2025-10-29')).toMatchObject({ term: 'autumn', half: 1, endsOn: '2025-11-02' });
    expect(halfTermOf('2025-11-03')).toMatchObject({ term: 'autumn', half: 2, startsOn: '2025-11-03' });
    expect(halfTermOf('2025-12-25')).toMatchObject({ academicYear: 2025, term: 'spring', half: 1 });
    expect(halfTermLabel(halfTermOf('2025-08-20'))).toBe('Autumn 2025, first half');
  });
  it('count on and back across Christmas and the summer', () => {
    expect(addHalfTerms('2025-11-10', 1)).toBe('2026-01-12');
    expect(addHalfTerms('2025-09-08', -1)).toBe('2025-06-09');
  });
  it('keep a half-termly duty while it was done this half-term or last', () => {
    expect(keptHalfTermly('2025-10-15', '2025-12-01')).toBe(true);
    expect(keptHalfTermly('2025-10-15', '2026-01-12')).toBe(false);
    expect(keptHalfTermly(null, '2026-01-12')).toBe(false);
  });
});

describe('concern stages and their duties', () => {
  const done = (duty: string, checkedOn = '2025-10-01'): DutyCheck => ({ duty, done: true, checkedOn });
  it('lists the Stage 2 and Stage 3 duties as the issue names them, and none for Stage 1', () => {
    expect(STAGE_DUTIES[1]).toEqual([]);
    expect(STAGE_DUTIES[2].map((d) => d.code)).toEqual([
      'assigned-officer',
      'improvement-coordinator',
      'improvement-agenda',
      'additional-contacts',
      'financial-contribution',
      'school-monitors',
      'progress-shown',
    ]);
    expect(STAGE_DUTIES[3].map((d) => d.code)).toEqual([
      'lead-officer',
      'project-group-meets',
      'action-plan',
      'statement-of-action',
      'formal-monitoring',
      'powers-reconsidered',
      'mentor-considered',
    ]);
  });
  it("shows a stage's duties not done, and a half-termly one lapsed", () => {
    expect(missingDuties(2, [], '2025-10-10')).toHaveLength(7);
    const all = STAGE_DUTIES[2].map((d) => done(d.code));
    expect(missingDuties(2, all, '2025-12-01')).toEqual([]);
    expect(missingDuties(2, all, '2026-01-12')).toEqual([
      {
        code: 'school-monitors',
        label: 'School monitors its progress half-termly',
        why: 'not done this half-term',
      },
    ]);
    const unticked = all.map((c) =>
      c.duty === 'action-plan' || c.duty === 'progress-shown' ? { ...c, done: false } : c,
    );
    expect(missingDuties(2, unticked, '2025-12-01').map((m) => m.code)).toEqual(['progress-shown']);
    expect(missingDuties(1, [], '2025-12-01')).toEqual([]);
  });
  it('suggests Stage 3 when Stage 2 progress was looked at and found wanting, without moving it', () => {
    expect(suggestsStage3(2, [{ duty: 'progress-shown', done: false, checkedOn: '2026-01-20' }])).toBe(true);
    expect(suggestsStage3(2, [{ duty: 'progress-shown', done: false, checkedOn: null }])).toBe(false);
    expect(suggestsStage3(2, [done('progress-shown')])).toBe(false);
    expect(suggestsStage3(3, [{ duty: 'progress-shown', done: false, checkedOn: '2026-01-20' }])).toBe(false);
  });
  it('takes a stage change as a decision: to another stage, not before the current one began, not once closed', () => {
    const c = { stage: 2 as const, stageSince: '2025-10-01', closedOn: null };
    expect(checkStageChange(c, 3, '2026-01-20')).toEqual({});
    expect(checkStageChange(c, 2, '2026-01-20').to).toBe('The concern is already at Stage 2');
    expect(checkStageChange(c, 3, '2025-09-30').decidedOn).toMatch(/before the current stage began/);
    expect(checkStageChange({ ...c, closedOn: '2026-01-01' }, 3, '2026-01-20').form).toMatch(/closed/);
  });
  it('allows one open concern per school', () => {
    const all = [
      { id: 1, schoolId: 7, closedOn: '2024-07-01' },
      { id: 2, schoolId: 7, closedOn: null },
    ];
    expect(openConcernClash(all, 7)?.id).toBe(2);
    expect(openConcernClash(all, 7, 2)).toBeNull();
    expect(openConcernClash(all, 8)).toBeNull();
  });
  it('counts the days at a stage', () => {
    expect(timeAtStage('2025-10-01', '2025-10-31')).toBe(30);
    expect(timeAtStage('2025-03-29', '2025-03-31')).toBe(2);
  });
});

describe('the urgent-case rule', () => {
  const sm = [{ inspectedOn: '2008-03-10', outcome: 'Special Measures' as const }];
  const s = (visitedOn: string) => ({ visitedOn, progress: 'Satisfactory' as const });
  const i = (visitedOn: string) => ({ visitedOn, progress: 'Inadequate' as const });
  const none = {
    sosNoticeOn: null,
    newStatementDueOn: null,
    newStatementSubmittedOn: null,
    closureDecisionOn: null,
  };

  it('raises "may become urgent" at the second and at any later visit finding inadequate progress', () => {
    expect(urgentCase(sm, [s('2008-06-12'), i('2008-11-20')])?.status).toBe('may become urgent');
    expect(urgentCase(sm, [s('2008-06-12'), s('2008-11-20'), i('2009-02-10')])).toEqual({
      inspectedOn: '2008-03-10',
      visitedOn: '2009-02-10',
      statementDueOn: '2009-02-24',
      status: 'may become urgent',
      noticeOn: null,
    });
    expect(urgentCase(sm, [s('2008-06-12'), i('2008-11-20'), s('2009-02-10')])).toBeNull();
    expect(urgentCase(sm, [i('2008-06-12')])).toBeNull();
  });

  it("starts the urgent case with the Secretary of State's notice: a new statement 10 working days on, or as set", () => {
    const visits = [s('2008-06-12'), i('2008-11-20')];
    expect(urgentCase(sm, visits, { ...none, sosNoticeOn: '2008-11-27' })).toEqual({
      inspectedOn: '2008-03-10',
      visitedOn: '2008-11-20',
      statementDueOn: '2008-12-11',
      status: 'urgent',
      noticeOn: '2008-11-27',
    });
    expect(
      urgentCase(sm, visits, { ...none, sosNoticeOn: '2008-11-27', newStatementDueOn: '2008-12-15' })
        ?.statementDueOn,
    ).toBe('2008-12-15');
  });

  it('clears once the new statement or a decision on closure is recorded', () => {
    const visits = [s('2008-06-12'), i('2008-11-20')];
    const notice = { ...none, sosNoticeOn: '2008-11-27' };
    expect(urgentCase(sm, visits, { ...notice, newStatementSubmittedOn: '2008-12-10' })).toBeNull();
    expect(urgentCase(sm, visits, { ...notice, closureDecisionOn: '2008-12-05' })).toBeNull();
  });

  it('is not dodged by recording an HMI visit as a "monitoring inspection"', () => {
    const dodge = [
      ...sm,
      { inspectedOn: '2008-12-01', outcome: 'None' as const, type: 'Monitoring inspection' as const },
    ];
    expect(urgentCase(dodge, [s('2008-06-12'), i('2008-11-20')])?.status).toBe('may become urgent');
  });
});

describe('the presumption towards closure', () => {
  const sm = [{ inspectedOn: '2008-03-10', outcome: 'Special Measures' as const }];
  const visits = [
    { visitedOn: '2008-06-12', progress: 'Satisfactory' as const },
    { visitedOn: '2009-02-10', progress: 'Inadequate' as const },
  ];
  it('flags Special Measures with inadequate progress from 12 months after the judgement', () => {
    expect(closurePresumption(sm, visits, '2009-03-09')).toBeNull();
    expect(closurePresumption(sm, visits, '2009-03-10')).toEqual({
      inspectedOn: '2008-03-10',
      since: '2009-03-10',
      visitedOn: '2009-02-10',
    });
  });
  it('not when the latest visit found progress, nor once closure is decided, nor out of Special Measures', () => {
    expect(
      closurePresumption(
        sm,
        [...visits, { visitedOn: '2009-03-01', progress: 'Satisfactory' }],
        '2009-04-01',
      ),
    ).toBeNull();
    expect(closurePresumption(sm, visits, '2009-04-01', '2009-03-20')).toBeNull();
    expect(
      closurePresumption([...sm, { inspectedOn: '2009-03-05', outcome: 'None' }], visits, '2009-04-01'),
    ).toBeNull();
  });
  it('counts 12 months to the same day, or the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('an Ofsted category and its follow-up', () => {
  const base = {
    schoolId: 1,
    inspectedOn: '2025-11-05',
    type: 'Section 5 inspection',
    overall: 3,
    grades: {},
    outcome: 'Notice to Improve',
    laResponse: null,
    laResponseOutcome: '',
  };
  it('refuses Notice to Improve or Special Measures without an inadequate overall grade, at the outcome', () => {
    const refused = inspectionDraft.safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((x) => [x.path.join('.'), x.message])).toEqual([
      ['outcome', 'Notice to Improve comes only with an overall judgement of 4 (Inadequate).'],
    ]);
    expect(inspectionDraft.safeParse({ ...base, overall: 4 }).success).toBe(true);
  });

  const facts = {
    reportOn: null,
    formalMeetingOn: null,
    statementDueOn: null,
    statementSubmittedOn: null,
    dmtInvolvedOn: null,
    sosNoticeOn: null,
    newStatementDueOn: null,
    newStatementSubmittedOn: null,
    closureDecisionOn: null,
    closureDecision: '',
  };
  it('has the statement of action due 10 working days from the report unless set, and the new one from the notice', () => {
    // Report Fri 12/12/2025: 15–19, 22–24 December, 25 and 26 skipped, 29 and 30 December the 10th.
    expect(followUpDeadlines({ ...facts, reportOn: '2025-12-12' }, '2025-12-01')).toEqual({
      statementDueOn: '2025-12-30',
      newStatementDueOn: null,
    });
    expect(followUpDeadlines(facts, '2025-12-01').statementDueOn).toBe('2025-12-15');
    expect(followUpDeadlines({ ...facts, statementDueOn: '2026-01-09' }, '2025-12-01').statementDueOn).toBe(
      '2026-01-09',
    );
    expect(followUpDeadlines({ ...facts, sosNoticeOn: '2026-03-02' }, '2025-12-01').newStatementDueOn).toBe(
      '2026-03-16',
    );
  });
  it("refuses the Secretary of State's notice without Special Measures or an inadequate HMI visit", () => {
    const sm = { inspectedOn: '2025-03-10', outcome: 'Special Measures' as const };
    const notice = { ...facts, sosNoticeOn: '2026-03-02' };
    expect(checkFollowUp(notice, { ...sm, outcome: 'Notice to Improve' }, []).sosNoticeOn).toMatch(
      /Special Measures/,
    );
    expect(
      checkFollowUp(notice, sm, [{ visitedOn: '2026-02-20', progress: 'Satisfactory' }]).sosNoticeOn,
    ).toMatch(/record that visit first/);
    expect(checkFollowUp(notice, sm, [{ visitedOn: '2026-02-20', progress: 'Inadequate' }])).toEqual({});
    expect(
      checkFollowUp({ ...facts, newStatementSubmittedOn: '2026-03-10' }, sm, []).newStatementSubmittedOn,
    ).toMatch(/notice first/);
    expect(checkFollowUp({ ...facts, closureDecisionOn: '2026-03-10' }, sm, []).closureDecision).toMatch(
      /Say what/,
    );
    expect(checkFollowUp({ ...facts, formalMeetingOn: '2025-03-01' }, sm, []).formalMeetingOn).toMatch(
      /before the inspection/,
    );
  });
});

describe("a school's deadlines", () => {
  const notice = {
    givenOn: '2025-12-10',
    responseDueOn: '2026-01-05',
    complianceDueOn: '2026-02-13',
    outcome: null,
  };
  it('lists what is still to meet, soonest first, with passed ones overdue', () => {
    const followUp = {
      statementDueOn: '2026-01-02',
      statementSubmittedOn: null,
      newStatementDueOn: null,
      newStatementSubmittedOn: null,
      closureDecisionOn: null,
    };
    expect(deadlinesOf('2026-01-03', [notice], followUp)).toEqual([
      { on: '2026-01-02', what: 'LA Statement of Action due', overdue: true },
      { on: '2026-01-05', what: 'Warning notice: response due', overdue: false },
      { on: '2026-02-13', what: 'Warning notice: compliance date', overdue: false },
    ]);
    // Once the response period has run, it is no longer a deadline; a concluded notice has none.
    expect(deadlinesOf('2026-01-06', [notice], null).map((d) => d.what)).toEqual([
      'Warning notice: compliance date',
    ]);
    expect(deadlinesOf('2026-01-03', [{ ...notice, outcome: 'Rescinded' }], null)).toEqual([]);
    expect(deadlinesOf('2026-01-03', [], { ...followUp, statementSubmittedOn: '2025-12-20' })).toEqual([]);
  });
});
