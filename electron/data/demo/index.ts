import type { Db } from '../database';
import { seedBudgets } from './budgets';
import { seedConcerns } from './concerns';
import { seedMeetings } from './meetings';
import { seedMonitoring } from './monitoring';
import { seedPartnerships } from './partnerships';
import { seeded } from './random';
import { seedRegister } from './register';
import { demoStatements } from './statements';

/**
 * Fills a brand-new file with the demo authority: eight districts in four double districts, about
 * 430 fictitious schools and three years of monitoring. The same seed gives the same authority;
 * its monitoring ends on `today` (the date in Europe/London). Like any new file, it starts with an
 * empty record of changes: nobody has changed anything yet.
 */
export function fillDemoAuthority(db: Db, today: string, seed = 860): void {
  const random = seeded(seed);
  const sql = demoStatements(db);
  db.transaction(() => {
    const schools = seedRegister(sql, random);
    seedMonitoring(sql, random, schools, today);
    // Its own stream, so partnerships stay the same whatever is seeded before them.
    seedPartnerships(db, seeded(seed + 1), today);
    seedConcerns(db, seeded(seed + 2), today);
    seedMeetings(db, seeded(seed + 6), today);
    seedBudgets(db, seeded(seed + 5), today);
  })();
}
