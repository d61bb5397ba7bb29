import type { ConcernFactor, Stage } from './concerns';
import { formatDate } from './format';

/**
 * The letter telling a school it causes concern (DOMAIN §8; seed 002 L1291, L1516): the Head of SID
 * tells the headteacher and chair of governors why, at what stage, what happens next and whom to
 * contact. This drafts its words from the concern; the user edits them before the letter is saved.
 */

/** Each factor as the letter says it to the school, rather than in the register's shorthand. */
export const FACTOR_WORDS: Record<ConcernFactor, string> = {
  'Validated SEF grade 4 overall':
    'the school’s self-evaluation, as validated, judges its overall effectiveness to be inadequate',
  'Low attainment overall or for groups': 'pupils’ attainment is low, overall or for some groups of pupils',
  'Low achievement or inadequate progress (value added)':
    'pupils are not making enough progress from their starting points',
  'Significant weaknesses in teaching and learning':
    'there are significant weaknesses in teaching and learning',
  'Significant weaknesses in leadership and management':
    'there are significant weaknesses in leadership and management',
  'Significant weaknesses in the curriculum': 'there are significant weaknesses in the curriculum',
  'Significant weaknesses in care and guidance':
    'there are significant weaknesses in the care, guidance and support of pupils',
  'Limited capacity to improve': 'the school’s capacity to improve on its own is limited',
  'Budgetary problems': 'the school’s budget is in difficulty',
  'Threats to health and safety': 'there are threats to the health and safety of pupils or staff',
  'Parental complaints': 'parents have raised complaints about the school',
};

/** What each stage means for the school and what happens next (DOMAIN §8, the stage duties). */
export const STAGE_LETTER: Record<Stage, { level: string; meaning: string; next: readonly string[] }> = {
  1: {
    level: 'Stage 1 (a watching brief)',
    meaning:
      'This is the lowest level of concern. No additional resources are needed at present: the local authority will keep the school’s progress under review.',
    next: [
      'Your School Improvement Partner will continue to visit each term and will look at progress on the matters above.',
      'The District Focus Group will review the school’s position each term; if the concern deepens it may recommend a move to Stage 2.',
    ],
  },
  2: {
    level: 'Stage 2 (light touch)',
    meaning:
      'The local authority judges that the school’s leadership is able to bring about the improvement needed, with some additional support.',
    next: [
      'An officer from the local authority’s locality team will be assigned to work with the school.',
      'We ask the school to name an improvement co-ordinator.',
      'Together we will agree an improvement agenda with milestones, and the additional contacts and support the school will receive; the school’s financial contribution to that support will be assessed.',
      'The school will monitor its own progress each half-term and show it to the assigned officer. Your School Improvement Partner will continue to visit each term.',
      'If improvement is not fast enough, the District Intervention/Resource Group may move the school to Stage 3.',
    ],
  },
  3: {
    level: 'Stage 3 (an intensive programme)',
    meaning:
      'This is the highest level of concern. The local authority will work intensively with the school and will direct resources to it.',
    next: [
      'A lead project officer from the local authority will be identified.',
      'A strategic improvement project group will meet at least every half-term.',
      'The school will agree a School Improvement Action Plan, and the local authority will draw up its Statement of Action.',
      'The local authority will monitor and evaluate the school’s progress formally.',
      'The local authority will reconsider the intervention options and statutory powers open to it, and whether a headteacher mentor or an executive headteacher would help.',
    ],
  },
};

/** Who the school is told to contact, and in what capacity. */
export interface LetterContact {
  name: string;
  role: string;
}

/**
 * The people the data offers as the school's contact: the lead officer of its intervention project,
 * the officer who has visited it as its assigned officer or DSIM, its SIP, and the Head of SID.
 */
export interface ContactCandidates {
  projectLead: string | null;
  assignedOfficer: string | null;
  dsim: string | null;
  sip: string | null;
  headOfSid: string | null;
}

/**
 * The school's day-to-day contact for the concern: whoever the LA has put closest to the work. A
 * project's lead officer runs it; otherwise the assigned officer, then the DSIM who holds the double
 * district; a SIP only where no officer is known, and the Head of SID as the last resort.
 */
export function chooseContact(c: ContactCandidates): LetterContact | null {
  if (c.projectLead) return { name: c.projectLead, role: 'Lead project officer' };
  if (c.assignedOfficer) return { name: c.assignedOfficer, role: 'Assigned officer' };
  if (c.dsim) return { name: c.dsim, role: 'District Strategic Improvement Manager' };
  if (c.sip) return { name: c.sip, role: 'School Improvement Partner' };
  if (c.headOfSid) return { name: c.headOfSid, role: 'Head of the School Improvement Division' };
  return null;
}

/** What the letter is drafted from. */
export interface LetterFacts {
  school: string;
  headteacher: string | null;
  chairOfGovernors: string | null;
  stage: Stage;
  factors: readonly ConcernFactor[];
  factorNotes: string;
  /** When the District Intervention/Resource Group confirmed the concern, if it has. */
  digConfirmedOn: string | null;
  contact: LetterContact | null;
  headOfSid: string | null;
}

/** The three parts of a letter a user edits. */
export interface LetterText {
  addressee: string;
  body: string;
  contact: string;
}

const bullet = (line: string) => `•  ${line}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function draftAddressee(f: Pick<LetterFacts, 'school' | 'headteacher' | 'chairOfGovernors'>): string {
  return [
    f.headteacher ? `${f.headteacher}, Headteacher` : 'The Headteacher',
    f.chairOfGovernors ? `${f.chairOfGovernors}, Chair of Governors` : 'The Chair of Governors',
    f.school,
  ].join('\n');
}

/** What happens next, naming the officer where the LA has already put one in place. */
function nextSteps(stage: Stage, contact: LetterContact | null): readonly string[] {
  const [first, ...rest] = STAGE_LETTER[stage].next;
  if (stage === 2 && contact?.role === 'Assigned officer')
    return [`${contact.name} has been assigned from the locality team to work with the school.`, ...rest];
  if (stage === 3 && contact?.role === 'Lead project officer')
    return [`${contact.name} is the local authority’s lead project officer for the school.`, ...rest];
  return [first!, ...rest];
}

/** The letter's default words: why, at what stage, what that means and what happens next. */
export function draftLetter(f: LetterFacts): LetterText {
  const stage = STAGE_LETTER[f.stage];
  const reasons = f.factors.map((factor) => bullet(capitalise(FACTOR_WORDS[factor]) + '.'));
  const notes = f.factorNotes.trim();
  const confirmed = f.digConfirmedOn
    ? ` The District Intervention/Resource Group confirmed this on ${formatDate(f.digConfirmedOn)}.`
    : '';
  const paragraphs = [
    'Dear Headteacher and Chair of Governors,',
    `I am writing to tell you that the local authority has identified ${f.school} as a school causing concern, at ${stage.level}.${confirmed}`,
    ['Why the school causes concern', ...reasons, ...(notes ? [notes] : [])].join('\n'),
    `What ${stage.level} means\n${stage.meaning}`,
    ['What happens next', ...nextSteps(f.stage, f.contact).map(bullet)].join('\n'),
    f.contact
      ? `${f.contact.name} will be in touch to agree the next steps; please contact them with any questions about this letter.`
      : 'Your contact in the School Improvement Division will be in touch to agree the next steps.',
    [
      'Yours sincerely,',
      '',
      ...(f.headOfSid ? [f.headOfSid] : []),
      'Head of the School Improvement Division',
    ].join('\n'),
  ];
  return {
    addressee: draftAddressee(f),
    body: paragraphs.join('\n\n'),
    contact: f.contact ? `${f.contact.name}, ${f.contact.role}\nSchool Improvement Division` : '',
  };
}

/**
 * What the concern records of a saved letter: when the school was told, and at what stage, in one
 * line; the letter itself is kept beside the concern.
 */
export function notificationOf(letter: { datedOn: string; stage: Stage; addressee: string }): string {
  const to = letter.addressee
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
  return `Letter of ${formatDate(letter.datedOn)} to ${to}: the school causes concern at ${STAGE_LETTER[letter.stage].level}. The letter is kept with the concern.`;
}
