import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { listConcerns } from '../../electron/data/concerns';
import { openConcernDuties } from '../../electron/data/standings';
import { calendarFrom } from '../../shared/domain/calendar';
import { missingDuties } from '../../shared/domain/concerns';
import { londonDate } from '../../shared/domain/format';
import { concernDraft } from './concerns-fixture';
import { ok, registerBuilders, RESOURCES, tempSession } from './helpers';

/** A file with one Stage 2 school, on a session whose clock the test moves. */
async function clockedAuthority(startsOn: string) {
  const { dir } = tempSession();
  let today = new Date(`${startsOn}T12:00:00Z`);
  const session = new Session(RESOURCES, () => today);
  const path = join(dir, 'la.sid');
  await ok(session, 'app.create', { path, demo: false });
  const double = await ok(session, 'organisation.saveDoubleDistrict', {
    draft: { name: 'Cannock / Lichfield' },
  });
  const district = await ok(session, 'organisation.saveDistrict', {
    draft: { name: 'Cannock Chase', doubleDistrictId: double.id },
  });
  const dsim = (
    await ok(session, 'organisation.savePerson', { draft: { name: 'Dana Simms', roles: ['DSIM'] } })
  ).id;
  const school = await registerBuilders(session).school('860/2001', 'Alder Primary', district.id);
  const concern = await ok(session, 'concerns.save', { draft: concernDraft(school) });
  return {
    session,
    path,
    school,
    concern: concern.id,
    dsim,
    setToday: (date: string) => (today = new Date(`${date}T12:00:00Z`)),
  };
}

describe('the schools list between writes', () => {
  it('is answered again from the last answer until something is written, then shows the change', async () => {
    const { session, school } = await clockedAuthority('2025-10-21');
    const first = await ok(session, 'schools.list', {});
    expect(await ok(session, 'schools.list', {})).toBe(first);

    await ok(session, 'schools.save', {
      id: school,
      draft: {
        dfe: '860/2001',
        urn: '',
        name: 'Alder Community Primary',
        type: '',
        phase: 'Primary',
        districtId: first[0]!.districtId,
        diocese: '',
        numberOnRoll: '',
        headteacher: '',
        chairOfGovernors: '',
        sipId: null,
        postcode: '',
      },
    });
    expect((await ok(session, 'schools.list', {})).map((r) => r.name)).toEqual(['Alder Community Primary']);
  });

  it('shows what another program or computer wrote to the file', async () => {
    const { session, path, school } = await clockedAuthority('2025-10-21');
    await ok(session, 'schools.list', {});
    const other = new Database(path);
    other.prepare('UPDATE schools SET name = ? WHERE id = ?').run('Alder Academy', school);
    other.close();
    expect((await ok(session, 'schools.list', {})).map((r) => r.name)).toEqual(['Alder Academy']);
  });

  it('counts a half-termly duty as missing once the day has moved past its half-term, with nothing written', async () => {
    const { session, concern, dsim, setToday } = await clockedAuthority('2025-10-21');
    await ok(session, 'concerns.checkDuty', {
      id: concern,
      draft: { duty: 'school-monitors', done: true, checkedOn: '2025-10-20', byId: dsim, notes: '' },
    });
    const before = (await ok(session, 'schools.list', {}))[0]!.dutiesMissing;
    setToday('2026-03-02');
    expect((await ok(session, 'schools.list', {}))[0]!.dutiesMissing).toBe(before + 1);
  });
});

describe('open concerns’ duties read in one query', () => {
  it('give the demo’s schools the same missing duties as each concern read on its own', async () => {
    const { session, dir } = tempSession();
    await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
    const { db } = session.ctx();
    const today = londonDate(new Date());
    const calendar = calendarFrom([]);
    const concerns = listConcerns(db);
    expect(concerns.some((c) => c.duties.length > 0)).toBe(true);
    const together = openConcernDuties(db);
    expect([...together.keys()].sort()).toEqual(concerns.map((c) => c.schoolId).sort());
    for (const c of concerns) {
      const read = together.get(c.schoolId)!;
      expect(read.stage).toBe(c.stage);
      expect(missingDuties(read.stage, read.duties, today, calendar)).toEqual(
        missingDuties(c.stage, c.duties, today, calendar),
      );
    }
  });
});
