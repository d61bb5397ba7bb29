import type { OpOutput } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/organisation';
import type { Db } from './database';

export type Organisation = OpOutput<'organisation.get'>;

export function readOrganisation(db: Db): Organisation {
  const doubleDistricts = db.prepare('SELECT id, name FROM double_districts ORDER BY name').all() as Array<{
    id: number;
    name: string;
  }>;
  const districts = db
    .prepare('SELECT id, name, double_district_id AS doubleDistrictId FROM districts ORDER BY name')
    .all() as Organisation['districts'];
  const roles = db.prepare('SELECT person_id AS personId, role FROM person_roles').all() as Array<{
    personId: number;
    role: Role;
  }>;
  const people = (
    db.prepare('SELECT id, name FROM people ORDER BY name').all() as Array<{ id: number; name: string }>
  ).map((person) => ({ ...person, roles: roles.filter((r) => r.personId === person.id).map((r) => r.role) }));
  return { doubleDistricts, districts, people };
}

export function insertDoubleDistrict(db: Db, name: string): number {
  return Number(db.prepare('INSERT INTO double_districts (name) VALUES (?)').run(name).lastInsertRowid);
}

export function insertDistrict(db: Db, name: string, doubleDistrictId: number): number {
  return Number(
    db.prepare('INSERT INTO districts (name, double_district_id) VALUES (?, ?)').run(name, doubleDistrictId)
      .lastInsertRowid,
  );
}

export function insertPerson(db: Db, name: string, roles: readonly Role[]): number {
  const id = Number(db.prepare('INSERT INTO people (name) VALUES (?)').run(name).lastInsertRowid);
  setRoles(db, id, roles);
  return id;
}

export function setRoles(db: Db, personId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM person_roles WHERE person_id = ?').run(personId);
  const add = db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
  for (const role of new Set(roles)) add.run(personId, role);
}
