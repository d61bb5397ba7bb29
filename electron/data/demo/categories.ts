import type { TermDates } from '../../../shared/domain/calendar';
import type { Category, ProposalSource } from '../../../shared/domain/categories';
import { addWorkingDays } from '../../../shared/domain/working-days';
import type { DemoSchool } from './register';
import { dayIn, grade, type Seeding } from './seeding';

const EVIDENCE = [
  'Outstanding outcomes sustained over three years; leadership secure at every level.',
  'Good progress across key stages; self-evaluation accurate and validated.',
  'Satisfactory overall; progress in mathematics uneven, leadership capacity developing.',
  'Attainment well below floor targets; weak teaching in several classes; governors not holding leaders to account.',
];

/**
 * The school's category reviewed once in the year: most often on the SIP's summary report in the
 * summer, otherwise at a DIG review in the autumn or on the DSIM's word in the spring. Returns the
 * category the DIG confirmed, if it has met yet.
 */
export function seedReview(
  s: Seeding,
  school: DemoSchool,
  quality: number,
  [autumn, spring, summer]: readonly TermDates[],
): Category | null {
  const { random, today } = s;
  const r = random.next();
  const [term, source]: [TermDates, ProposalSource] =
    r < 0.55 ? [summer!, 'SIP summary report'] : r < 0.8 ? [autumn!, 'DIG review'] : [spring!, 'DSIM'];
  const proposedOn = dayIn(s, term, 0.15, 0.7);
  if (proposedOn > today) return null;
  const proposed = grade(quality + (random.chance(0.1) ? -1 : 0));
  const decidedOn = addWorkingDays(proposedOn, random.int(5, 15));
  const decided = decidedOn <= today;
  const confirmed = proposed === 3 && random.chance(0.08) ? 4 : proposed;
  const raise = confirmed === 3 && random.chance(0.1);
  s.sql.review({
    schoolId: school.id,
    proposedOn,
    source,
    proposedById: source === 'SIP summary report' ? school.sipId : school.dsimId,
    proposed,
    evidence: EVIDENCE[proposed - 1],
    decidedOn: decided ? decidedOn : null,
    confirmed: decided ? confirmed : null,
    notes: decided
      ? confirmed === proposed
        ? 'Agreed at DIG moderation'
        : 'Moderated at DIG in the light of other evidence'
      : null,
    supportOverride: decided && raise ? 'high' : null,
    overrideReason:
      decided && raise ? 'Satisfactory overall, but a serious concern in mathematics at KS2' : null,
  });
  return decided ? confirmed : null;
}
