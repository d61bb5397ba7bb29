import { describe, expect, it } from 'vitest';
import { checkOverride, supportFor, supportLevel } from '../../shared/domain/categories';
import { disagreement, urgentCase } from '../../shared/domain/ofsted';
import { parseGrade, parseYesNo } from '../../shared/domain/sef';
import { checkDays, sipDays } from '../../shared/domain/visits';

describe('support levels', () => {
  it('follow the category: 1–2 low, 3 medium, 4 high', () => {
    expect([1, 2, 3, 4].map((c) => supportFor(c as 1 | 2 | 3 | 4))).toEqual(['low', 'low', 'medium', 'high']);
  });
  it('may be overridden, but only with a reason', () => {
    expect(
      supportLevel({ category: 3, override: 'high', overrideReason: 'Serious concern in mathematics' }),
    ).toBe('high');
    expect(supportLevel({ category: 3, override: null, overrideReason: null })).toBe('medium');
    expect(checkOverride(3, 'high', '  ')).toMatch(/Give a reason for high support/);
    expect(checkOverride(3, 'high', 'Serious concern')).toBeNull();
    expect(checkOverride(3, 'medium', '')).toBeNull();
  });
});

describe('the urgent-case rule', () => {
  const sm = [{ inspectedOn: '2008-03-10', outcome: 'Special Measures' as const }];
  it('flags inadequate progress at the second monitoring visit after Special Measures, 10 working days to plan for', () => {
    expect(
      urgentCase(sm, [
        { visitedOn: '2008-06-12', progress: 'Satisfactory' },
        { visitedOn: '2008-11-20', progress: 'Inadequate' },
      ]),
    ).toEqual({
      inspectedOn: '2008-03-10',
      visitedOn: '2008-11-20',
      statementDueOn: '2008-12-04',
      status: 'may become urgent',
      noticeOn: null,
    });
  });
  it('does not flag the first visit, a good second visit, visits before the judgement, or other outcomes', () => {
    expect(urgentCase(sm, [{ visitedOn: '2008-06-12', progress: 'Inadequate' }])).toBeNull();
    expect(
      urgentCase(sm, [
        { visitedOn: '2008-06-12', progress: 'Inadequate' },
        { visitedOn: '2008-11-20', progress: 'Satisfactory' },
      ]),
    ).toBeNull();
    expect(
      urgentCase(sm, [
        { visitedOn: '2007-06-12', progress: 'Inadequate' },
        { visitedOn: '2008-11-20', progress: 'Inadequate' },
      ]),
    ).toBeNull();
    expect(
      urgentCase(
        [...sm, { inspectedOn: '2009-05-01', outcome: 'None' }],
        [
          { visitedOn: '2008-06-12', progress: 'Inadequate' },
          { visitedOn: '2008-11-20', progress: 'Inadequate' },
        ],
      ),
    ).toBeNull();
  });
  it('notes when Ofsted and the LA disagree, and which way', () => {
    expect(disagreement(4, 3)).toBe('harsher');
    expect(disagreement(2, 3)).toBe('kinder');
    expect(disagreement(3, 3)).toBeNull();
  });
});

describe('SIP days', () => {
  const visits = [
    { visitedOn: '2008-09-15', role: 'SIP', days: 1 },
    { visitedOn: '2008-11-15', role: 'SIP', days: 1.5 },
    { visitedOn: '2009-03-02', role: 'SIP', days: 2 },
    { visitedOn: '2009-03-09', role: 'DSIM', days: 1 },
    { visitedOn: '2009-09-09', role: 'SIP', days: 1 },
  ];
  it('counts SIP visits in the academic year against five days', () => {
    expect(sipDays(visits, 2008)).toEqual({ used: 4.5, allocation: 5, over: false });
    expect(sipDays([...visits, { visitedOn: '2009-07-01', role: 'SIP', days: 1 }], 2008)).toEqual({
      used: 5.5,
      allocation: 5,
      over: true,
    });
    expect(sipDays(visits, 2009).used).toBe(1);
  });
  it('allows whole and half days only', () => {
    expect(checkDays(1.5)).toBeNull();
    expect(checkDays(0.25)).toMatch(/whole or half/);
    expect(checkDays(0)).toMatch(/more than 0/);
  });
});

describe('reading grades as staff type them', () => {
  it('accepts numbers, numbers as text and the words', () => {
    expect(
      ['1', ' 2 ', '3.0', 'Outstanding', 'good', 'SATISFACTORY', 'Inadequate', ''].map(parseGrade),
    ).toEqual([
      { ok: true, grade: 1 },
      { ok: true, grade: 2 },
      { ok: true, grade: 3 },
      { ok: true, grade: 1 },
      { ok: true, grade: 2 },
      { ok: true, grade: 3 },
      { ok: true, grade: 4 },
      { ok: true, grade: null },
    ]);
  });
  it('refuses anything outside 1–4', () => {
    expect(parseGrade('5')).toEqual({
      ok: false,
      message: '"5" is not a grade from 1 (outstanding) to 4 (inadequate)',
    });
    expect(parseGrade('0').ok).toBe(false);
    expect(parseGrade('2.5').ok).toBe(false);
    expect(parseGrade('Very good').ok).toBe(false);
  });
  it('reads Y/N', () => {
    expect(['Y', 'n', 'Yes', '', 'maybe'].map(parseYesNo)).toEqual([true, false, true, false, null]);
  });
});

describe('the built-in frameworks', () => {
  it('are seeded by the migration exactly as shared/ defines them', async () => {
    const { tempSession } = await import('./helpers');
    const { openDatabase } = await import('../../electron/data/database');
    const { frameworks } = await import('../../electron/data/sef');
    const { BUILT_IN_FRAMEWORKS } = await import('../../shared/domain/sef');
    const { join } = await import('node:path');
    const db = await openDatabase(join(tempSession().dir, 'f.sid'), { create: true });
    expect(frameworks(db)).toEqual(BUILT_IN_FRAMEWORKS.map((f) => ({ ...f, judgements: [...f.judgements] })));
    db.close();
  });
});
