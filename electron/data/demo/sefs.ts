import type { TermDates } from '../../../shared/domain/calendar';
import { ENGLISH_SEF } from '../../../shared/domain/sef';
import type { DemoSchool } from './register';
import { dayIn, grade, type Seeding } from './seeding';

/** The school's self-evaluation, updated each autumn, its grades close to its underlying quality. */
export function seedSef(
  s: Seeding,
  school: DemoSchool,
  quality: number,
  autumn: TermDates,
  has: { eyfs: boolean; sixthForm: boolean },
): void {
  const { random, sql } = s;
  const sefOn = dayIn(s, autumn, 0.3, 0.7);
  if (sefOn > s.today) return;
  const entryId = sql.sef({
    schoolId: school.id,
    frameworkId: sql.englishSefId,
    sefOn,
    validated: random.chance(0.8) ? 1 : 0,
  });
  for (const { code } of ENGLISH_SEF.judgements) {
    if ((code === 'eyfs' && !has.eyfs) || (code === 'sixth-form' && !has.sixthForm)) continue;
    const wobble = code === 'overall' || random.chance(0.5) ? 0 : random.int(-1, 1);
    sql.sefGrade({ entryId, judgement: code, grade: grade(quality + wobble) });
  }
}
