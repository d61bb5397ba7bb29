import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { openDatabase } from '../../electron/data/database';
import { fillDemoAuthority } from '../../electron/data/demo';
import { academicYearOf, addDays, defaultTermDates, termOf } from '../../shared/domain/calendar';
import { checkInspectionOutcome, type Outcome } from '../../shared/domain/ofsted';
import { SIP_DAYS_PER_YEAR } from '../../shared/domain/visits';
import { isWorkingDay } from '../../shared/domain/working-days';
import { ok, RESOURCES, tempSession } from './helpers';

/** The demo authority as a user creates it on a given day (10 am in London). */
async function demoSession(today: string) {
  const { dir } = tempSession();
  const session = new Session(RESOURCES, () => new Date(`${today}T10:00:00Z`));
  await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
  return session;
}

/** The demo's data file as created on a given day, straight from the data layer. */
async function demoFile(today: string) {
  const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'sid-demo-')), 'demo.sid'), { create: true });
  fillDemoAuthority(db, today);
  return {
    rows: <T>(sql: string) => db.prepare(sql).all() as T[],
    count: (sql: string) => (db.prepare(sql).get() as { n: number }).n,
    close: () => db.close(),
  };
}

/** A day pupils are in school: a working day inside a term, outside its half-term week. */
function isSchoolDay(day: string): boolean {
  const term = defaultTermDates(academicYearOf(day)).find((t) => t.startsOn <= day && day <= t.endsOn);
  const halfTerm = term !== undefined && addDays(term.secondHalfOn, -7) <= day && day < term.secondHalfOn;
  return term !== undefined && !halfTerm && isWorkingDay(day);
}

const IN_TERM = '2026-11-23'; // a Monday late in the autumn term
const IN_HOLIDAY = '2027-07-30'; // the summer holiday

describe('the demo authority', () => {
  it('shows monitoring alive: visits, categories, SEFs, Ofsted categories, an urgent case, profiles', async () => {
    const session = await demoSession(IN_TERM);
    const { db } = session.ctx();
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const schools = await ok(session, 'schools.list', {});
    expect(schools.length).toBeGreaterThan(400);
    expect(new Set(schools.map((s) => s.district)).size).toBe(8);
    expect(new Set(schools.map((s) => s.doubleDistrict))).toEqual(
      new Set([
        'Stafford / South Staffordshire',
        'Tamworth / East Staffordshire',
        'Newcastle / Moorlands',
        'Cannock / Lichfield',
      ]),
    );
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
    // Like any new file, nobody has changed anything yet.
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(0);

    const overview = await ok(session, 'monitoring.overview', { doubleDistrictId: null });
    // The urgent case's second HMI visit was last week, so its new statement of action is due next week.
    expect(overview.urgent).toHaveLength(1);
    expect(overview.urgent[0]!.statementDueOn > IN_TERM).toBe(true);
    expect(overview.urgent[0]!.statementDueOn <= addDays(IN_TERM, 13)).toBe(true);
    // About one school in seven has had no SIP visit yet this term.
    expect(overview.noSipVisit.length / schools.length).toBeGreaterThan(0.08);
    expect(overview.noSipVisit.length / schools.length).toBeLessThan(0.22);
    // Recent reports await QA.
    expect(overview.awaitingQa.length).toBeGreaterThan(0);
    for (const visit of overview.awaitingQa)
      expect(visit.reportReceivedOn >= addDays(IN_TERM, -42)).toBe(true);

    // Plausible, not noise: weaker categories go with lower attendance.
    const attendance = (category: number) =>
      rows<{ n: number }>(
        `SELECT avg(p.attendance) AS n FROM termly_profiles p
         WHERE p.school_id IN (SELECT school_id FROM category_reviews WHERE confirmed_category = ${category})`,
      )[0]!.n;
    expect(attendance(1)).toBeGreaterThan(attendance(2));
    expect(attendance(2)).toBeGreaterThan(attendance(3));
    expect(attendance(3)).toBeGreaterThan(attendance(4));
  });

  it('is the same authority, to the last visit, every time it is created on the same day', async () => {
    const [first, second] = [await demoFile(IN_TERM), await demoFile(IN_TERM)];
    for (const table of ['schools', 'people', 'visits', 'category_reviews', 'inspections', 'sef_grades'])
      expect(second.rows(`SELECT * FROM ${table}`)).toEqual(first.rows(`SELECT * FROM ${table}`));
    first.close();
    second.close();
  });

  for (const today of [IN_TERM, IN_HOLIDAY]) {
    describe(`created on ${today}`, () => {
      let demo: Awaited<ReturnType<typeof demoFile>>;
      beforeAll(async () => {
        demo = await demoFile(today);
      });
      afterAll(() => demo.close());
      const rows = <T>(sql: string) => demo.rows<T>(sql);

      it('spreads the schools in Ofsted categories across the alphabet', () => {
        const names = rows<{ name: string }>(
          `SELECT s.name FROM schools s JOIN inspections i ON i.school_id = s.id WHERE i.outcome <> 'None'`,
        ).map((r) => r.name);
        expect(names).toHaveLength(8);
        expect(new Set(names.map((n) => n[0])).size).toBeGreaterThanOrEqual(4);
      });

      it('gives every inadequate section 5 inspection, and only those, a category', () => {
        const inspections = rows<{ type: 'Section 5 inspection'; overall: number | null; outcome: Outcome }>(
          'SELECT type, overall, outcome FROM inspections',
        );
        expect(inspections.length).toBeGreaterThan(100);
        expect(inspections.filter((i) => i.overall === 4).length).toBeGreaterThanOrEqual(8);
        for (const i of inspections)
          expect(checkInspectionOutcome(i.type, i.overall, i.outcome), JSON.stringify(i)).toBeNull();
      });

      it('visits and inspects only on working days in term time, never in half-term', () => {
        const days = rows<{ day: string; what: string }>(
          `SELECT visited_on AS day, 'visit' AS what FROM visits
           UNION ALL SELECT inspected_on, 'inspection' FROM inspections
           UNION ALL SELECT visited_on, 'HMI visit' FROM monitoring_visits`,
        );
        expect(days.filter((d) => !isSchoolDay(d.day))).toEqual([]);
        expect(days.every((d) => d.day <= today)).toBe(true);
      });

      it('gives each SIP 10–20 schools and has the other roles the division employs', () => {
        const loads = rows<{ n: number }>('SELECT count(*) AS n FROM schools GROUP BY sip_id').map(
          (r) => r.n,
        );
        expect(Math.min(...loads)).toBeGreaterThanOrEqual(10);
        expect(Math.max(...loads)).toBeLessThanOrEqual(20);
        const roles = new Set(
          rows<{ role: string }>('SELECT DISTINCT role FROM person_roles').map((r) => r.role),
        );
        for (const role of ['JFU', 'ERA', 'Strategy manager', 'Diocesan officer', 'DSIM', 'SIP', 'EIP'])
          expect(roles).toContain(role);
      });

      it('lets only a handful of schools go over their SIP days in a year', () => {
        const used = rows<{ schoolId: number; day: string; days: number }>(
          "SELECT school_id AS schoolId, visited_on AS day, days FROM visits WHERE role = 'SIP'",
        );
        const byYear = new Map<string, number>();
        for (const v of used) {
          const key = `${v.schoolId}/${academicYearOf(v.day)}`;
          byYear.set(key, (byYear.get(key) ?? 0) + v.days);
        }
        const years = new Set(used.map((v) => academicYearOf(v.day)));
        for (const year of years) {
          const over = [...byYear].filter(
            ([key, days]) => key.endsWith(`/${year}`) && days > SIP_DAYS_PER_YEAR,
          );
          expect(over.length, `${year}`).toBeLessThanOrEqual(
            demo.count('SELECT count(*) AS n FROM schools') * 0.03,
          );
        }
      });

      it('reviews categories in every term, the summer most', () => {
        const terms = rows<{ day: string }>(
          'SELECT decided_on AS day FROM category_reviews WHERE decided_on IS NOT NULL',
        ).map((r) => termOf(r.day).term);
        const share = (term: string) => terms.filter((t) => t === term).length / terms.length;
        expect(share('autumn')).toBeGreaterThan(0.1);
        expect(share('spring')).toBeGreaterThan(0.1);
        expect(share('summer')).toBeGreaterThan(Math.max(share('autumn'), share('spring')));
      });

      it('has Roman Catholic and Church of England schools with their dioceses', () => {
        const church = rows<{ type: string; diocese: string; name: string }>(
          'SELECT type, diocese, name FROM schools WHERE diocese IS NOT NULL',
        );
        const rc = church.filter((s) => s.diocese === 'Roman Catholic Archdiocese of Birmingham');
        const ce = church.filter((s) => s.diocese === 'Lichfield');
        expect(rc.length).toBeGreaterThanOrEqual(15);
        expect(ce.length).toBeGreaterThanOrEqual(40);
        expect(rc.length + ce.length).toBe(church.length);
        expect(rc.every((s) => s.type === 'Voluntary aided' && /Catholic/.test(s.name))).toBe(true);
        expect(ce.every((s) => ['Voluntary aided', 'Voluntary controlled'].includes(s.type))).toBe(true);
        expect(ce.every((s) => / CE /.test(s.name))).toBe(true);
      });

      it('gives every school its own headteacher, and almost every one its own chair', () => {
        const people = rows<{ head: string; chair: string }>(
          'SELECT headteacher AS head, chair_of_governors AS chair FROM schools',
        );
        const withoutTitle = (name: string) => name.replace(/^(Mr|Mrs|Ms|Miss|Dr|Revd|Fr) /, '');
        expect(new Set(people.map((p) => withoutTitle(p.head))).size).toBe(people.length);
        expect(new Set(people.map((p) => withoutTitle(p.chair))).size).toBeGreaterThan(people.length * 0.95);
      });
    });
  }
});
