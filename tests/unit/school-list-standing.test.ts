import { describe, expect, it } from 'vitest';
import { schoolListRows } from '../../electron/core/schools';
import type { Session } from '../../electron/core/session';
import { addDays, termOf } from '../../shared/domain/calendar';
import { concernsAuthority } from './concerns-fixture';
import { ok } from './helpers';

/**
 * The cases the list's queries could get subtly wrong when they change shape for speed: which
 * category review and which Ofsted judgement is a school's latest, when two share a day, when one is
 * undecided, withdrawn or only a monitoring visit, and a closed school; and which visits count as
 * a SIP's this term.
 */
async function propose(session: Session, schoolId: number, on: string, category: number) {
  return ok(session, 'categories.propose', {
    draft: { schoolId, proposedOn: on, source: 'DSIM', proposedById: null, category, evidence: 'Data' },
  });
}

async function decide(session: Session, schoolId: number, on: string, category: number, override = false) {
  const proposal = await propose(session, schoolId, on, category);
  await ok(session, 'categories.decide', {
    id: proposal.id,
    draft: {
      decidedOn: on,
      category,
      notes: '',
      supportOverride: override ? 'low' : null,
      overrideReason: override ? 'A new head with a strong record' : '',
    },
  });
}

async function inspect(session: Session, schoolId: number, on: string, extra: object) {
  await ok(session, 'ofsted.saveInspection', {
    draft: {
      schoolId,
      inspectedOn: on,
      type: 'Section 5 inspection',
      overall: 4,
      grades: {},
      outcome: 'Special Measures',
      laResponse: null,
      laResponseOutcome: '',
      ...extra,
    },
  });
}

describe("the schools list's latest category and Ofsted category", () => {
  it('takes the latest decided review, the later recorded of two on one day, and ignores undecided and withdrawn ones', async () => {
    const { session, a, b, c } = await concernsAuthority();
    // a: decided twice on one day, category 4 recorded second; then an undecided proposal of 1.
    await decide(session, a, '2025-10-01', 2);
    await decide(session, a, '2025-10-01', 4);
    await propose(session, a, '2025-11-01', 1);
    // b: a later decision with the DIG's support override, and a proposal withdrawn after it.
    await decide(session, b, '2024-05-01', 4);
    await decide(session, b, '2025-05-01', 2, true);
    const withdrawn = await propose(session, b, '2025-12-01', 4);
    await ok(session, 'categories.withdraw', { id: withdrawn.id });
    // c: never reviewed, and closed.
    await ok(session, 'schools.setClosed', { id: c, closed: true });

    const rows = await ok(session, 'schools.list', {});
    const of = (id: number) => rows.find((r) => r.id === id)!;
    expect(of(a)).toMatchObject({ category: 4, supportLevel: 'high' });
    expect(of(b)).toMatchObject({ category: 2, supportLevel: 'low' });
    expect(of(c)).toMatchObject({ category: null, supportLevel: null });
    expect(of(c).closedOn).not.toBeNull();
    expect(rows.map((r) => r.name)).toEqual(['Alder Primary', "St Mary's Primary", 'Tame Valley Primary']);
    // One school's page reads the same row the list does.
    for (const id of [a, b, c]) {
      const { school } = await ok(session, 'schools.get', { id });
      expect(of(id)).toMatchObject(school);
    }
  });

  it("keeps a school's category from its latest judgement, which a monitoring inspection never replaces", async () => {
    const { session, a, b, c } = await concernsAuthority();
    // a: Special Measures, then an HMI monitoring inspection judged 4 with no outcome of its own.
    await inspect(session, a, '2025-03-10', {});
    await inspect(session, a, '2025-06-10', { type: 'Monitoring inspection', outcome: 'None' });
    // b: Notice to Improve, then a later inspection that takes it out of a category.
    await inspect(session, b, '2024-03-10', { outcome: 'Notice to Improve' });
    await inspect(session, b, '2025-03-10', { overall: 3, outcome: 'None' });
    // c: two judgements on one day: the later recorded stands.
    await inspect(session, c, '2025-01-20', { overall: 3, outcome: 'None' });
    await inspect(session, c, '2025-01-20', { outcome: 'Notice to Improve' });

    const rows = await ok(session, 'schools.list', {});
    const of = (id: number) => rows.find((r) => r.id === id)!.ofstedCategory;
    expect([of(a), of(b), of(c)]).toEqual(['Special Measures', null, 'Notice to Improve']);

    // Recorded the other way round on the same day, the judgement recorded later still stands.
    await inspect(session, b, '2025-03-10', { outcome: 'Notice to Improve' });
    await inspect(session, b, '2025-03-10', { overall: 2, outcome: 'None' });
    expect((await ok(session, 'schools.list', {})).find((r) => r.id === b)!.ofstedCategory).toBeNull();
  });

  it('marks a school visited this term only for a SIP visit between the term’s first and last days', async () => {
    const { session, a, b, c, dsim } = await concernsAuthority();
    const today = '2025-11-20';
    const term = termOf(today);
    const visit = (schoolId: number, visitedOn: string, role: string) =>
      ok(session, 'visits.save', {
        draft: {
          schoolId,
          visitedOn,
          visitorId: dsim,
          role,
          purpose: 'Validating the SEF',
          days: 1,
          notes: '',
          reportReceivedOn: null,
          qaOn: null,
          claimStatus: 'Not claimed',
        },
      });
    await visit(a, term.startsOn, 'SIP');
    await visit(b, today, 'DSIM');
    await visit(c, addDays(term.startsOn, -60), 'SIP');
    await visit(c, addDays(term.endsOn, 1), 'SIP');

    const rows = schoolListRows(session.ctx(), today);
    const visited = (id: number) => rows.find((r) => r.id === id)!.sipVisitedThisTerm;
    expect([visited(a), visited(b), visited(c)]).toEqual([true, false, false]);
    expect(schoolListRows(session.ctx(), term.endsOn).find((r) => r.id === a)!.sipVisitedThisTerm).toBe(true);
  });
});
