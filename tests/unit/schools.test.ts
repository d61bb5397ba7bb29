import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { draftOf } from '../../shared/domain/school';
import { ok, snapshot, tempSession } from './helpers';

async function demo() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
  return session;
}

async function first(session: Session, index = 0) {
  return (await ok(session, 'schools.list', {}))[index]!;
}

describe('schools', () => {
  it('the demo authority has eight districts in four double districts and about 430 schools', async () => {
    const session = await demo();
    const org = await ok(session, 'organisation.get', {});
    expect(org.doubleDistricts).toHaveLength(4);
    expect(org.districts).toHaveLength(8);
    expect(org.districts.map((d) => d.name)).toContain('Cannock Chase');
    const schools = await ok(session, 'schools.list', {});
    expect(schools.length).toBeGreaterThan(400);
    expect(schools.every((s) => s.sip !== null)).toBe(true);
  });

  it('adds a school, storing the DfE number in one form, and records who did it', async () => {
    const session = await demo();
    const district = (await ok(session, 'organisation.get', {})).districts[0]!;
    const saved = await ok(session, 'schools.save', {
      draft: {
        ...draftOf(await first(session)),
        dfe: '8609999',
        urn: '199999',
        name: 'Hillside Academy',
        districtId: district.id,
      },
    });
    expect(saved.dfe).toBe('860/9999');
    const { history } = await ok(session, 'schools.get', { id: saved.id });
    expect(history).toEqual([
      expect.objectContaining({
        user: 'test.user',
        entity: 'school',
        entityId: saved.id,
        action: 'add',
        summary: 'Added Hillside Academy',
      }),
    ]);
  });

  it('edits with a before → after history entry', async () => {
    const session = await demo();
    const school = await first(session);
    await ok(session, 'schools.save', {
      id: school.id,
      draft: { ...draftOf(school), headteacher: 'Mrs Jane Doe' },
    });
    const { school: after, history } = await ok(session, 'schools.get', { id: school.id });
    expect(after.headteacher).toBe('Mrs Jane Doe');
    expect(history[0]).toMatchObject({
      entity: 'school',
      entityId: school.id,
      action: 'edit',
      changes: [{ field: 'Headteacher', before: school.headteacher, after: 'Mrs Jane Doe' }],
    });
    // Saving without a change writes no history.
    await ok(session, 'schools.save', { id: school.id, draft: draftOf(after) });
    expect((await ok(session, 'schools.get', { id: school.id })).history).toHaveLength(history.length);
  });

  it('refuses bad fields and duplicate numbers, per field, changing nothing', async () => {
    const session = await demo();
    const [a, b] = [await first(session, 0), await first(session, 1)];
    const before = snapshot(session);
    const bad = await invoke(session, 'schools.save', {
      id: a.id,
      draft: { ...draftOf(a), dfe: '86O/2001', name: '  ', phase: 'Kindergarten', numberOnRoll: 'lots' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          dfe: expect.stringContaining('not a valid DfE number'),
          name: expect.stringMatching(/required/),
          phase: expect.stringContaining('not a phase'),
          numberOnRoll: expect.any(String),
        },
      },
    });
    const clash = await invoke(session, 'schools.save', {
      id: a.id,
      draft: { ...draftOf(a), dfe: b.dfe, urn: String(b.urn) },
    });
    expect(clash).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: { dfe: expect.stringContaining(b.name), urn: expect.stringContaining(b.name) },
      },
    });
    expect(snapshot(session)).toBe(before);
  });

  it('closes a school: kept, marked closed, and reopened', async () => {
    const session = await demo();
    const school = await first(session);
    const closed = await ok(session, 'schools.setClosed', { id: school.id, closed: true });
    expect(closed.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await ok(session, 'schools.list', {})).find((s) => s.id === school.id)?.closedOn).toBe(
      closed.closedOn,
    );
    const reopened = await ok(session, 'schools.setClosed', { id: school.id, closed: false });
    expect(reopened.closedOn).toBeNull();
    const { history } = await ok(session, 'schools.get', { id: school.id });
    expect(history.slice(0, 2).map((h) => h.action)).toEqual(['reopen', 'close']);
  });
});

describe('organisation', () => {
  it('keeps districts, double districts and people with roles, audited, names unique', async () => {
    const session = await demo();
    const { db } = session.ctx();
    const { lastBefore } = db.prepare('SELECT COALESCE(MAX(id), 0) AS lastBefore FROM audit_log').get() as {
      lastBefore: number;
    };
    const dd = await ok(session, 'organisation.saveDoubleDistrict', { draft: { name: 'North / West' } });
    expect(dd).toMatchObject({ name: 'North / West' });
    const district = await ok(session, 'organisation.saveDistrict', {
      draft: { name: 'Moorlands', doubleDistrictId: dd.id },
    });
    expect(district).toMatchObject({ name: 'Moorlands', doubleDistrictId: dd.id });
    const person = await ok(session, 'organisation.savePerson', {
      draft: { name: 'Pat Example', roles: ['DSIM', 'SIP'] },
    });
    const edited = await ok(session, 'organisation.savePerson', {
      id: person.id,
      draft: { name: 'Pat Example', roles: ['DSIM'] },
    });
    expect(edited).toEqual({ id: person.id, name: 'Pat Example', roles: ['DSIM'] });
    const org = await ok(session, 'organisation.get', {});
    expect(org.districts.find((d) => d.id === district.id)?.doubleDistrictId).toBe(dd.id);
    expect(org.people.find((p) => p.id === person.id)?.roles).toEqual(['DSIM']);
    const clash = await invoke(session, 'organisation.saveDistrict', {
      draft: { name: 'moorlands', doubleDistrictId: dd.id },
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const log = db
      .prepare('SELECT entity, action, changes FROM audit_log WHERE id > ? ORDER BY id')
      .all(lastBefore);
    expect(log).toEqual([
      expect.objectContaining({ entity: 'double-district', action: 'add' }),
      expect.objectContaining({ entity: 'district', action: 'add' }),
      expect.objectContaining({ entity: 'person', action: 'add' }),
      {
        entity: 'person',
        action: 'edit',
        changes: JSON.stringify([{ field: 'Roles', before: 'DSIM, SIP', after: 'DSIM' }]),
      },
    ]);
  });
});

describe('the API boundary', () => {
  it('validates every input against the contract and answers with a typed error', async () => {
    const { session } = tempSession();
    expect(await invoke(session, 'schools.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The app does not offer that action.' },
    });
    expect(await invoke(session, 'schools.get', { id: 'one' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^Id\b/),
        fields: { id: expect.any(String) },
      },
    });
    expect(await invoke(session, 'schools.get', { id: 1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(session, 'schools.list', {})).toMatchObject({
      ok: false,
      error: { code: 'no_file' },
    });
    expect(await invoke(session, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The app does not offer that action.' },
    });
  });

  it('answers not_found for a school that does not exist', async () => {
    const session = await demo();
    expect(await invoke(session, 'schools.get', { id: 999999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
