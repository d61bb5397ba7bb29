import { join } from 'node:path';
import { Session } from '../../electron/core/session';
import { insertDigMeeting } from '../../electron/data/papers';
import { concernDraft, noticeDraft } from './concerns-fixture';
import { ok, registerBuilders, RESOURCES, tempSession } from './helpers';

/**
 * A small authority with known answers for every sheet of the pack, on a real file and a clock the
 * test moves: in Cannock / Lichfield, Alder (Stage 2, a project rated Amber, £500 spent and £200
 * committed from the fund, a warning notice not yet given), St Mary's (Stage 3, Special Measures, a
 * note that looks like a formula) and
 * Brook (category 2 confirmed, a proposal of 3 pending, Ofsted overall 2); in Tamworth / Burton, Tame
 * Valley (Stage 1), which the Cannock / Lichfield pack must leave out.
 */
export async function packAuthority() {
  const { dir } = tempSession();
  const clock = { today: '2026-11-23' };
  const session = new Session(RESOURCES, () => new Date(`${clock.today}T12:00:00Z`));
  const path = join(dir, 'la.sid');
  await ok(session, 'app.create', { path, demo: false });
  const { district, person, school } = registerBuilders(session);
  const north = await district('Cannock / Lichfield', 'Cannock Chase');
  const south = await district('Tamworth / Burton', 'Tamworth');
  const dsim = await person('Dana Simms', 'DSIM');
  const head = await person('Harriet Oldfield', 'Head of SID');
  const alder = await school('860/2001', 'Alder Primary', north.id);
  const stMarys = await school('860/2002', "St Mary's Primary", north.id);
  const brook = await school('860/2004', 'Brook Primary', north.id);
  const tame = await school('860/2003', 'Tame Valley Primary', south.id);

  const category = async (schoolId: number, proposed: number, confirmed: number | null, on: string) => {
    const proposal = await ok(session, 'categories.propose', {
      draft: {
        schoolId,
        proposedOn: on,
        source: 'SIP summary report',
        proposedById: dsim,
        category: proposed,
        evidence: 'Results',
      },
    });
    if (confirmed !== null)
      await ok(session, 'categories.decide', {
        id: proposal.id,
        draft: { decidedOn: on, category: confirmed, notes: '', supportOverride: null, overrideReason: '' },
      });
    return proposal.id;
  };
  await category(alder, 3, 3, '2026-07-10');
  await category(stMarys, 4, 4, '2026-07-10');
  await category(brook, 2, 2, '2026-07-10');
  const pending = await category(brook, 3, null, '2026-10-20');

  const inspection = (schoolId: number, inspectedOn: string, overall: number, outcome: string) =>
    ok(session, 'ofsted.saveInspection', {
      draft: {
        schoolId,
        inspectedOn,
        type: 'Section 5 inspection',
        overall,
        grades: {},
        outcome,
        laResponse: null,
        laResponseOutcome: '',
      },
    });
  await inspection(brook, '2025-03-12', 2, 'None');
  await inspection(stMarys, '2026-10-01', 4, 'Special Measures');

  const alderConcern = await ok(session, 'concerns.save', {
    draft: concernDraft(alder, {
      openedOn: '2026-09-14',
      focusGroupOn: '2026-09-08',
      digConfirmedOn: '2026-09-10',
    }),
  });
  await ok(session, 'concerns.save', {
    draft: concernDraft(stMarys, {
      stage: 3,
      openedOn: '2026-10-05',
      focusGroupOn: null,
      digConfirmedOn: null,
      factors: ['Limited capacity to improve'],
      // Typed by a user, it must reach the workbook as text, never as a formula.
      factorNotes: '=HYPERLINK("http://example.com","Click")',
    }),
  });
  await ok(session, 'concerns.save', {
    draft: concernDraft(tame, { stage: 1, openedOn: '2026-09-14', focusGroupOn: null, digConfirmedOn: null }),
  });
  await ok(session, 'warningNotices.save', {
    draft: noticeDraft(alder, {
      advisedOn: null,
      approvedOn: null,
      givenOn: null,
      complianceDueOn: null,
      notes: '=HYPERLINK("http://example.com","Click")',
    }),
  });

  const project = await ok(session, 'projects.save', {
    draft: {
      schoolId: alder,
      concernId: alderConcern.id,
      stage: 'Stage 2',
      leadOfficerId: dsim,
      team: [],
      objectives: ['Raise attainment in mathematics'],
      startedOn: '2026-09-21',
      reviewOn: '2027-01-29',
    },
  });
  const cost = (source: string, amountPence: number, status: string) =>
    ok(session, 'projects.saveCost', {
      draft: {
        projectId: project.id,
        source,
        incurredOn: '2026-10-13',
        description: 'Audit of teaching',
        days: 1,
        amountPence,
        status,
        exceptionReason: '',
      },
    });
  await cost('pss-audit', 50_000, 'Spent');
  await cost('pss-monitoring', 20_000, 'Committed');
  await cost('cpd', 30_000, 'Spent');
  await ok(session, 'projects.saveReport', {
    draft: {
      projectId: project.id,
      academicYear: 2026,
      term: 'autumn',
      ratings: [{ objective: 'Raise attainment in mathematics', rag: 'Amber' }],
      overall: 'Amber',
      impactEvidence: '',
      significantImprovement: false,
    },
  });
  await ok(session, 'funds.save', {
    draft: {
      doubleDistrictId: north.dd,
      financialYear: '2026/27',
      allocationPence: 4_000_000,
      heldBackPence: 500_000,
      officerFte: 1,
    },
  });

  /** A District Intervention/Resource Group meeting of the double district, as the meetings area makes one. */
  const meeting = (heldOn: string, doubleDistrictId: number | null = north.dd) =>
    insertDigMeeting(session.ctx().db, doubleDistrictId, heldOn);

  return {
    session,
    path,
    clock,
    north: north.dd,
    south: south.dd,
    dsim,
    head,
    alder,
    stMarys,
    brook,
    tame,
    pending,
    project,
    meeting,
  };
}
