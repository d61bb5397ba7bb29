import { ApiError } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/organisation';
import { writeAudit, type Change } from '../data/audit';
import {
  insertDistrict,
  insertDoubleDistrict,
  insertPerson,
  readOrganisation,
  setRoles,
} from '../data/organisation';
import type { Ctx } from './context';

function taken(ctx: Ctx, table: 'double_districts' | 'districts' | 'people', name: string, id?: number) {
  const row = ctx.db.prepare(`SELECT id FROM ${table} WHERE name = ?`).get(name) as
    { id: number } | undefined;
  if (row && row.id !== id)
    throw new ApiError({
      code: 'conflict',
      message: `"${name}" is already in the list.`,
      fields: { name: 'Already used' },
    });
}

function notFound(what: string, id: number): never {
  throw new ApiError({ code: 'not_found', message: `There is no ${what} with id ${id}.` });
}

/** Organisation edits are rare but change every school under them, so each is audited. */
export function saveDoubleDistrict(ctx: Ctx, id: number | undefined, rawName: string): number {
  const name = rawName.trim();
  return ctx.db.transaction(() => {
    taken(ctx, 'double_districts', name, id);
    const before =
      id === undefined ? null : readOrganisation(ctx.db).doubleDistricts.find((d) => d.id === id);
    if (before === undefined) notFound('double district', id!);
    const savedId = id ?? insertDoubleDistrict(ctx.db, name);
    if (id !== undefined) ctx.db.prepare('UPDATE double_districts SET name = ? WHERE id = ?').run(name, id);
    audit(ctx, 'double_district', savedId, before === null, name, [
      { field: 'Name', before: before?.name ?? null, after: name },
    ]);
    return savedId;
  })();
}

export function saveDistrict(
  ctx: Ctx,
  id: number | undefined,
  rawName: string,
  doubleDistrictId: number,
): number {
  const name = rawName.trim();
  return ctx.db.transaction(() => {
    taken(ctx, 'districts', name, id);
    const org = readOrganisation(ctx.db);
    const doubleName = (ddId: number | undefined) =>
      org.doubleDistricts.find((d) => d.id === ddId)?.name ?? null;
    if (doubleName(doubleDistrictId) === null) notFound('double district', doubleDistrictId);
    const before = id === undefined ? null : org.districts.find((d) => d.id === id);
    if (before === undefined) notFound('district', id!);
    const savedId = id ?? insertDistrict(ctx.db, name, doubleDistrictId);
    if (id !== undefined)
      ctx.db
        .prepare('UPDATE districts SET name = ?, double_district_id = ? WHERE id = ?')
        .run(name, doubleDistrictId, id);
    audit(ctx, 'district', savedId, before === null, name, [
      { field: 'Name', before: before?.name ?? null, after: name },
      {
        field: 'Double district',
        before: doubleName(before?.doubleDistrictId),
        after: doubleName(doubleDistrictId),
      },
    ]);
    return savedId;
  })();
}

export function savePerson(
  ctx: Ctx,
  id: number | undefined,
  rawName: string,
  roles: readonly Role[],
): number {
  const name = rawName.trim();
  return ctx.db.transaction(() => {
    taken(ctx, 'people', name, id);
    const before = id === undefined ? null : readOrganisation(ctx.db).people.find((p) => p.id === id);
    if (before === undefined) notFound('person', id!);
    const savedId = id ?? insertPerson(ctx.db, name, roles);
    if (id !== undefined) {
      ctx.db.prepare('UPDATE people SET name = ? WHERE id = ?').run(name, id);
      setRoles(ctx.db, id, roles);
    }
    const roleText = (list: readonly Role[] | undefined) =>
      list?.length ? [...list].sort().join(', ') : null;
    audit(ctx, 'person', savedId, before === null, name, [
      { field: 'Name', before: before?.name ?? null, after: name },
      { field: 'Roles', before: before ? roleText(before.roles) : null, after: roleText(roles) },
    ]);
    return savedId;
  })();
}

function audit(ctx: Ctx, entity: string, entityId: number, added: boolean, name: string, all: Change[]) {
  const changes = all.filter((c) => c.before !== c.after);
  if (changes.length === 0) return;
  writeAudit(ctx.db, ctx, {
    entity,
    entityId,
    action: added ? 'add' : 'edit',
    summary: added ? `Added ${name}` : `Changed ${changes.map((c) => c.field).join(', ')} of ${name}`,
    changes,
  });
}
