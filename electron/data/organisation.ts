import {
  districtDraft,
  doubleDistrictDraft,
  organisationLabels,
  personDraft,
  type Organisation,
  type PersonDraft,
} from '../../shared/api/organisation';
import type { Role } from '../../shared/domain/organisation';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

type DoubleDistrict = Organisation['doubleDistricts'][number];
type District = Organisation['districts'][number];
type Person = Organisation['people'][number];

export function readOrganisation(db: Db): Organisation {
  const doubleDistricts = prepared(
    db,
    'SELECT id, name FROM double_districts ORDER BY name',
  ).all() as DoubleDistrict[];
  const districts = prepared(
    db,
    'SELECT id, name, double_district_id AS doubleDistrictId FROM districts ORDER BY name',
  ).all() as District[];
  const roles = prepared(db, 'SELECT person_id AS personId, role FROM person_roles').all() as Array<{
    personId: number;
    role: Role;
  }>;
  const people = (
    prepared(db, 'SELECT id, name FROM people ORDER BY name').all() as Array<{ id: number; name: string }>
  ).map((person) => ({ ...person, roles: roles.filter((r) => r.personId === person.id).map((r) => r.role) }));
  return { doubleDistricts, districts, people };
}

/** Which record, if any, already has a name: names are unique, whatever their case. */
export function holderOfName(db: Db, table: 'double_districts' | 'districts' | 'people', name: string) {
  return (db.prepare(`SELECT id FROM ${table} WHERE name = ?`).get(name.trim()) as { id: number } | undefined)
    ?.id;
}

export const doubleDistricts: RecordTable<DoubleDistrict, { name: string }> = {
  entity: 'double-district',
  rules: doubleDistrictDraft,
  labels: organisationLabels,
  get: (db, id) =>
    prepared(db, 'SELECT id, name FROM double_districts WHERE id = ?').get(id) as DoubleDistrict | undefined,
  insert: (db, d) =>
    Number(prepared(db, 'INSERT INTO double_districts (name) VALUES (?)').run(d.name.trim()).lastInsertRowid),
  update: (db, id, d) =>
    void prepared(db, 'UPDATE double_districts SET name = ? WHERE id = ?').run(d.name.trim(), id),
  describe: (d) => ({ Name: d.name }),
  schoolOf: () => null,
  title: (d) => `double district ${d.name}`,
};

type DistrictDraft = { name: string; doubleDistrictId: number };
export const districts: RecordTable<District & { doubleDistrict: string }, DistrictDraft> = {
  entity: 'district',
  rules: districtDraft,
  labels: organisationLabels,
  get: (db, id) =>
    prepared(
      db,
      `SELECT d.id, d.name, d.double_district_id AS doubleDistrictId, dd.name AS doubleDistrict
       FROM districts d JOIN double_districts dd ON dd.id = d.double_district_id WHERE d.id = ?`,
    ).get(id) as (District & { doubleDistrict: string }) | undefined,
  insert: (db, d) =>
    Number(
      prepared(db, 'INSERT INTO districts (name, double_district_id) VALUES (?, ?)').run(
        d.name.trim(),
        d.doubleDistrictId,
      ).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(db, 'UPDATE districts SET name = ?, double_district_id = ? WHERE id = ?').run(
      d.name.trim(),
      d.doubleDistrictId,
      id,
    ),
  describe: (d) => ({ Name: d.name, 'Double district': d.doubleDistrict }),
  schoolOf: () => null,
  title: (d) => `district ${d.name}`,
};

function setRoles(db: Db, personId: number, roles: readonly Role[]): void {
  prepared(db, 'DELETE FROM person_roles WHERE person_id = ?').run(personId);
  const add = prepared(db, 'INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
  for (const role of new Set(roles)) add.run(personId, role);
}

export const people: RecordTable<Person, PersonDraft> = {
  entity: 'person',
  rules: personDraft,
  labels: organisationLabels,
  get: (db, id) => {
    const person = prepared(db, 'SELECT id, name FROM people WHERE id = ?').get(id) as
      { id: number; name: string } | undefined;
    if (!person) return undefined;
    const roles = prepared(db, 'SELECT role FROM person_roles WHERE person_id = ? ORDER BY role').all(
      id,
    ) as Array<{
      role: Role;
    }>;
    return { ...person, roles: roles.map((r) => r.role) };
  },
  insert: (db, d) => {
    const id = Number(
      prepared(db, 'INSERT INTO people (name) VALUES (?)').run(d.name.trim()).lastInsertRowid,
    );
    setRoles(db, id, d.roles);
    return id;
  },
  update: (db, id, d) => {
    prepared(db, 'UPDATE people SET name = ? WHERE id = ?').run(d.name.trim(), id);
    setRoles(db, id, d.roles);
  },
  describe: (p) => ({ Name: p.name, Roles: p.roles.length ? [...p.roles].sort().join(', ') : null }),
  schoolOf: () => null,
  title: (p) => p.name,
};

/** Open schools a person is SIP to, by name: taking away their SIP role affects these. */
export function schoolsWithSip(db: Db, personId: number): Array<{ id: number; name: string }> {
  return db
    .prepare('SELECT id, name FROM schools WHERE sip_id = ? AND closed_on IS NULL ORDER BY name')
    .all(personId) as Array<{ id: number; name: string }>;
}

export function isPerson(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM people WHERE id = ?').get(id) !== undefined;
}
export function isDistrict(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM districts WHERE id = ?').get(id) !== undefined;
}
