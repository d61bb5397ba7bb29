import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { openDatabase } from '../../electron/data/database';
import { fillDemoAuthority } from '../../electron/data/demo';
import { academicYearOf, addDays, defaultTermDates, financialYearOf } from '../../shared/domain/calendar';
import { PSS_CAPS, type CostSource } from '../../shared/domain/money';
import { checkFollowUp } from '../../shared/domain/ofsted-follow-up';
import { checkNotice } from '../../shared/domain/warning-notices';
import { addWorkingDays, isWorkingDay } from '../../shared/domain/working-days';
import { ok, RESOURCES, tempSession } from './helpers';

/** A day pupils are in school: a working day inside a term, outside its half-term week. */
function isSchoolDay(day: string): boolean {
  const term = defaultTermDates(academicYearOf(day)).find((t) => t.startsOn <= day && day <= t.endsOn);
  const halfTerm = term !== undefined && addDays(term.secondHalfOn, -7) <= day && day < term.secondHalfOn;
  return term !== undefined && !halfTerm && isWorkingDay(day);
}

for (const today of ['2026-11-23', '2027-07-30']) {
  describe(`the demo's schools causing concern, created on ${today}`, () => {
    let session: Session;
    const rows = <T>(sql: string) => session.ctx().db.prepare(sql).all() as T[];
    beforeAll(async () => {
      const { dir } = tempSession();
      session = new Session(RESOURCES, () => new Date(`${today}T10:00:00Z`));
      await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
    });
    afterAll(() => session.close());

    it('has about fifty concerns at all three stages, some escalated by a decision and some closed', async () => {
      const concerns = rows<{ stage: number; closed: string | null }>(
        'SELECT stage, closed_on AS closed FROM concerns',
      );
      expect(concerns.length).toBeGreaterThanOrEqual(45);
      expect(concerns.length).toBeLessThanOrEqual(55);
      const open = concerns.filter((c) => c.closed === null);
      for (const stage of [1, 2, 3]) expect(open.filter((c) => c.stage === stage).length).toBeGreaterThan(3);
      expect(concerns.length - open.length).toBeGreaterThanOrEqual(5);
      const escalated = rows<{ from: number; to: number; reason: string }>(
        'SELECT from_stage AS "from", to_stage AS "to", reason FROM concern_stage_decisions',
      );
      expect(escalated.filter((d) => d.to === 3).length).toBeGreaterThan(2);
      expect(escalated.every((d) => d.to > d.from && d.reason.length > 20)).toBe(true);
      const register = await ok(session, 'concerns.register', { doubleDistrictId: null });
      expect(register).toHaveLength(open.length);
      expect(register.some((r) => r.openDuties.length > 0)).toBe(true);
      expect(register.some((r) => r.rag !== null && (r.spentPence ?? 0) > 0)).toBe(true);
    });

    it('raises concerns only about weak schools: category 4, weak category 3, or in an Ofsted category', () => {
      const schools = rows<{ name: string | null; category: number | null; ofsted: number }>(
        `SELECT s.name,
           (SELECT confirmed_category FROM category_reviews r WHERE r.school_id = c.school_id AND r.decided_on IS NOT NULL
              ORDER BY r.decided_on DESC, r.id DESC LIMIT 1) AS category,
           (SELECT count(*) FROM inspections i WHERE i.school_id = c.school_id AND i.outcome <> 'None') AS ofsted
         FROM concerns c LEFT JOIN schools s ON s.id = c.school_id`,
      );
      for (const s of schools) {
        expect(s.name).not.toBeNull();
        expect(s.ofsted > 0 || s.category === 3 || s.category === 4, JSON.stringify(s)).toBe(true);
      }
      expect(schools.filter((s) => s.category === 4 || s.ofsted > 0).length).toBeGreaterThan(
        schools.length / 2,
      );
    });

    it('has warning notices at different points, each with its statutory response date', async () => {
      const notices = await ok(session, 'warningNotices.list', {});
      const given = notices.filter((n) => n.givenOn !== null);
      expect(given.length).toBeGreaterThanOrEqual(2);
      expect(new Set(given.map((n) => n.outcome)).size).toBeGreaterThanOrEqual(2);
      expect(given.some((n) => n.outcome === 'Powers used')).toBe(true);
      for (const n of given) expect(n.responseDueOn).toBe(addWorkingDays(n.givenOn!, 15));
      for (const n of notices) expect(checkNotice(n), JSON.stringify(n)).toEqual({});
      const concerned = new Set(
        rows<{ id: number }>('SELECT school_id AS id FROM concerns').map((r) => r.id),
      );
      expect(notices.every((n) => concerned.has(n.schoolId))).toBe(true);
    });

    it('follows up every Notice to Improve and Special Measures school', async () => {
      const inCategory = rows<{
        id: number;
        schoolId: number;
        inspectedOn: string;
        outcome: 'Special Measures';
      }>(
        `SELECT id, school_id AS schoolId, inspected_on AS inspectedOn, outcome FROM inspections
         WHERE outcome IN ('Notice to Improve', 'Special Measures')`,
      );
      expect(inCategory).toHaveLength(8);
      for (const inspection of inCategory) {
        const { followUp } = await ok(session, 'ofstedFollowUp.get', { inspectionId: inspection.id });
        expect(followUp?.schoolId).toBe(inspection.schoolId);
        expect(followUp!.leadOfficerId).not.toBeNull();
        expect(followUp!.statementSubmittedOn).not.toBeNull();
        expect(checkFollowUp(followUp!, inspection, [])).toEqual({});
      }
    });

    it('gives every double district a fund for this financial year and the last', () => {
      const funds = rows<{ dd: number; year: string }>(
        'SELECT double_district_id AS dd, financial_year AS year FROM intervention_funds',
      );
      const doubles = rows<{ id: number }>('SELECT id FROM double_districts');
      for (const { id } of doubles)
        for (const year of [financialYearOf(today), financialYearOf(addDays(today, -365))])
          expect(
            funds.some((f) => f.dd === id && f.year === year),
            `${id} ${year}`,
          ).toBe(true);
    });

    it('runs projects with plans, meetings and reports, and keeps costs within the caps but for one exception', () => {
      const count = (table: string) => rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;
      expect(count('projects')).toBeGreaterThan(15);
      for (const table of ['project_milestones', 'project_meetings', 'project_reports'])
        expect(count(table), table).toBeGreaterThan(15);
      expect(
        rows(`SELECT 1 FROM project_milestones WHERE due_on < '${today}' AND status <> 'Met'`).length,
      ).toBeGreaterThan(0);
      const costs = rows<{
        project: number;
        source: CostSource;
        days: number;
        pence: number;
        reason: string | null;
      }>(
        `SELECT project_id AS project, source, days, amount_pence AS pence, exception_reason AS reason
         FROM project_costs ORDER BY project_id, incurred_on, id`,
      );
      const used = new Map<string, { days: number; pence: number }>();
      let exceptions = 0;
      for (const c of costs) {
        const cap = PSS_CAPS[c.source];
        if (!cap) continue;
        const key = `${c.project} ${c.source}`;
        const sum = used.get(key) ?? { days: 0, pence: 0 };
        sum.days += c.days;
        sum.pence += c.pence;
        used.set(key, sum);
        if (sum.days > cap.days || sum.pence > cap.pence) {
          expect(c.reason, JSON.stringify(c)).toBeTruthy();
          exceptions++;
        }
      }
      expect(exceptions).toBe(1);
    });

    it('dates everything on school days, none after today', () => {
      const days = rows<{ day: string; what: string }>(
        `SELECT opened_on AS day, 'opened' AS what FROM concerns
         UNION ALL SELECT closed_on, 'closed' FROM concerns WHERE closed_on IS NOT NULL
         UNION ALL SELECT notified_on, 'notified' FROM concerns WHERE notified_on IS NOT NULL
         UNION ALL SELECT decided_on, 'stage decision' FROM concern_stage_decisions
         UNION ALL SELECT checked_on, 'duty' FROM concern_duty_checks WHERE checked_on IS NOT NULL
         UNION ALL SELECT given_on, 'notice given' FROM warning_notices WHERE given_on IS NOT NULL
         UNION ALL SELECT formal_meeting_on, 'formal meeting' FROM ofsted_follow_ups
         UNION ALL SELECT started_on, 'project started' FROM projects
         UNION ALL SELECT met_on, 'project meeting' FROM project_meetings
         UNION ALL SELECT incurred_on, 'cost' FROM project_costs`,
      );
      expect(days.filter((d) => !isSchoolDay(d.day) || d.day > today)).toEqual([]);
    });
  });
}

it('gives the same caseload, to the last cost, every time the demo is created on the same day', async () => {
  const tables = ['concerns', 'concern_stage_decisions', 'concern_duty_checks', 'warning_notices'];
  tables.push('ofsted_follow_ups', 'projects', 'project_milestones', 'project_costs', 'intervention_funds');
  const dump = async () => {
    const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'sid-demo-')), 'demo.sid'), {
      create: true,
    });
    fillDemoAuthority(db, '2026-11-23');
    const rows = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    db.close();
    return rows;
  };
  expect(await dump()).toEqual(await dump());
});
