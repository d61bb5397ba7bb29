import { join } from 'node:path';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, registerBuilders, tempSession } from './helpers';

/** A small authority on a real temporary file: two double districts, a DSIM, a Head of SID, three schools. */
export async function concernsAuthority() {
  const { session, dir } = tempSession();
  const path = join(dir, 'la.sid');
  await ok(session, 'app.create', { path, demo: false });
  const { district, person, school } = registerBuilders(session);
  const north = await district('Cannock / Lichfield', 'Cannock Chase');
  const south = await district('Tamworth / Burton', 'Tamworth');
  const dsim = await person('Dana Simms', 'DSIM');
  const head = await person('Harriet Oldfield', 'Head of SID');
  return {
    session,
    path,
    north: north.dd,
    south: south.dd,
    dsim,
    head,
    a: await school('860/2001', 'Alder Primary', north.id),
    b: await school('860/2002', "St Mary's Primary", north.id),
    c: await school('860/2003', 'Tame Valley Primary', south.id),
  };
}

export async function refusal(session: Session, op: string, input: unknown) {
  const result = await invoke(session, op, input);
  if (result.ok) throw new Error(`${op} was accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

export const concernDraft = (schoolId: number, extra: object = {}) => ({
  schoolId,
  source: 'Categorisation',
  factors: ['Low attainment overall or for groups', 'Significant weaknesses in teaching and learning'],
  factorNotes: 'KS2 results below floor two years running',
  raisedById: null,
  openedOn: '2025-10-01',
  stage: 2,
  focusGroupOn: '2025-09-24',
  digConfirmedOn: '2025-09-30',
  ...extra,
});

export const noticeDraft = (schoolId: number, extra: object = {}) => ({
  schoolId,
  grounds: ['Standards unacceptably low', 'Pace of improvement too slow'],
  groundsNotes: '',
  advisedOn: '2025-11-20',
  approvedOn: '2025-11-27',
  givenOn: '2025-12-10',
  representationsOn: null,
  ofstedDecision: '',
  ofstedDecisionOn: null,
  complianceDueOn: '2026-02-13',
  outcome: null,
  outcomeOn: null,
  powers: [],
  iebConsentOn: null,
  partnerName: '',
  partnershipForm: null,
  notes: '',
  ...extra,
});
