import { formatDate } from './format';
import { addWorkingDays } from './working-days';

/**
 * Warning notices (Education and Inspections Act 2006 s.60; seed 002 L764–801, L1268, L1284, L1623):
 * advised by the District Intervention/Resource Group, approved by the Head of SID, given by the
 * Corporate Director.
 */
export const WARNING_GROUNDS = [
  'Standards unacceptably low',
  'Standards relatively low though acceptable',
  'Breakdown of management or governance',
  'Safety of pupils or staff threatened',
  'Financial mismanagement',
  'Support at an early stage',
  'Issue emerging between Ofsted visits',
  'School not recognising the problem or engaging',
  'Pace of improvement too slow',
] as const;

export const NOTICE_OUTCOMES = ['Rescinded', 'Complied', 'Powers used'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

export const POWERS = [
  'Interim executive board',
  'Additional governors',
  'Delegated budget suspended',
  'Required partnership or federation',
] as const;
export type Power = (typeof POWERS)[number];

/** The forms a required collaboration can take (L793–801). */
export const PARTNERSHIP_FORMS = [
  'An organisation or individual',
  'Support from another school or college',
  'A federation',
] as const;

/** The school's initial period ends with the 15th working day after the day the notice is given. */
export const INITIAL_PERIOD_WORKING_DAYS = 15;

/**
 * When the school's initial period to respond ends. Computed, never stored: it follows from the day
 * the notice was given by statute, so a corrected date or a newly announced bank holiday moves it.
 */
export const responseDueOn = (givenOn: string) => addWorkingDays(givenOn, INITIAL_PERIOD_WORKING_DAYS);

export interface NoticeFacts {
  advisedOn: string | null;
  approvedOn: string | null;
  givenOn: string | null;
  representationsOn: string | null;
  ofstedDecisionOn: string | null;
  complianceDueOn: string | null;
  outcome: NoticeOutcome | null;
  outcomeOn: string | null;
  powers: readonly Power[];
  iebConsentOn: string | null;
  partnerName: string;
  partnershipForm: string | null;
}

/**
 * The rules a notice's dates and outcome meet together, by the field each problem concerns: the
 * steps in order, an outcome only once the notice is given, and powers used only after the initial
 * period, each with what it needs (an IEB the Secretary of State's consent; a partnership its partner
 * and form).
 */
export function checkNotice(n: NoticeFacts): Record<string, string> {
  const errors: Record<string, string> = {};
  const after = (field: keyof NoticeFacts, later: string | null, earlier: string | null, message: string) => {
    if (later !== null && earlier !== null && later < earlier) errors[field] ??= message;
  };
  after('approvedOn', n.approvedOn, n.advisedOn, 'Approval cannot come before the group advised the notice');
  after('givenOn', n.givenOn, n.approvedOn, 'The notice cannot be given before the Head of SID approved it');
  const needsGiven = 'Record the date the notice was given first';
  for (const field of ['representationsOn', 'complianceDueOn', 'outcome'] as const)
    if (n[field] !== null && n.givenOn === null) errors[field] = needsGiven;
  after(
    'representationsOn',
    n.representationsOn,
    n.givenOn,
    'Representations come after the notice is given',
  );
  after(
    'ofstedDecisionOn',
    n.ofstedDecisionOn,
    n.representationsOn,
    "Ofsted's decision follows the representations",
  );
  if (n.ofstedDecisionOn !== null && n.representationsOn === null)
    errors.ofstedDecisionOn = 'Record the representations to Ofsted first';
  if (n.complianceDueOn !== null && n.givenOn !== null && n.complianceDueOn <= n.givenOn)
    errors.complianceDueOn = 'This must be after the day the notice is given';
  if ((n.outcome === null) !== (n.outcomeOn === null))
    errors[n.outcome === null ? 'outcome' : 'outcomeOn'] ??= 'Give the outcome and its date together';
  after('outcomeOn', n.outcomeOn, n.givenOn, 'The outcome cannot come before the notice was given');
  if (n.outcome === 'Powers used') {
    if (n.powers.length === 0) errors.powers = 'Choose the powers used';
    if (n.givenOn !== null && n.outcomeOn !== null && n.outcomeOn <= responseDueOn(n.givenOn))
      errors.outcomeOn = `Powers can be used only after the school's initial period, which ends on ${formatDate(responseDueOn(n.givenOn))}`;
  } else if (n.powers.length > 0) errors.powers = 'Powers are recorded only with the outcome "Powers used"';
  const ieb = n.powers.includes('Interim executive board');
  if (ieb && n.iebConsentOn === null)
    errors.iebConsentOn = "An interim executive board needs the Secretary of State's consent: give its date";
  if (!ieb && n.iebConsentOn !== null)
    errors.iebConsentOn = 'Only an interim executive board needs this consent';
  const partnership = n.powers.includes('Required partnership or federation');
  if (partnership && n.partnerName.trim() === '') errors.partnerName = 'Name the partner';
  if (partnership && n.partnershipForm === null)
    errors.partnershipForm = 'Choose the form of the partnership';
  if (!partnership && (n.partnerName.trim() !== '' || n.partnershipForm !== null))
    errors[n.partnershipForm !== null ? 'partnershipForm' : 'partnerName'] =
      'A partner is recorded only when a partnership or federation is required';
  return errors;
}
