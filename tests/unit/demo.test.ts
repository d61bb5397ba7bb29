import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempSession } from './helpers';

describe('the demo authority', () => {
  it('shows monitoring alive: visits, categories, SEFs, Ofsted categories, an urgent case, profiles', async () => {
    const { session, dir } = tempSession();
    await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
    const { db } = session.ctx();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const schools = await ok(session, 'schools.list', {});
    expect(count('SELECT count(*) AS n FROM visits')).toBeGreaterThan(2000);
    expect(count('SELECT count(DISTINCT substr(visited_on, 1, 4)) AS n FROM visits')).toBeGreaterThanOrEqual(
      3,
    );
    expect(schools.filter((s) => s.category !== null).length).toBeGreaterThan(400);
    expect(new Set(schools.map((s) => s.category))).toEqual(new Set([1, 2, 3, 4]));
    expect(count("SELECT count(*) AS n FROM inspections WHERE outcome = 'Special Measures'")).toBe(3);
    expect(count("SELECT count(*) AS n FROM inspections WHERE outcome = 'Notice to Improve'")).toBe(5);
    expect(count('SELECT count(*) AS n FROM sef_entries')).toBeGreaterThan(800);
    expect(count('SELECT count(*) AS n FROM termly_profiles')).toBeGreaterThan(2000);
    const overview = await ok(session, 'monitoring.overview', { doubleDistrictId: null });
    expect(overview.urgent).toHaveLength(1);
    expect(overview.noSipVisit.length).toBeGreaterThan(0);
    expect(overview.noSipVisit.length).toBeLessThan(schools.length);
    // Plausible, not noise: weaker categories go with lower attendance.
    const attendance = (category: number) =>
      (
        db
          .prepare(
            `SELECT avg(p.attendance) AS n FROM termly_profiles p JOIN schools s ON s.id = p.school_id
             WHERE p.school_id IN (SELECT school_id FROM category_reviews WHERE confirmed_category = ?)`,
          )
          .get(category) as { n: number }
      ).n;
    expect(attendance(1)).toBeGreaterThan(attendance(4));
  });
});
