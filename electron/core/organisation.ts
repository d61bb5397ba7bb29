import { ApiError } from '../../shared/api/errors';
import type { organisationOps } from '../../shared/api/organisation';
import {
  districts,
  doubleDistricts,
  holderOfName,
  isPerson,
  people,
  readOrganisation,
  schoolsWithSip,
} from '../data/organisation';
import { fieldsOf } from '../../shared/domain/school';
import { schools } from '../data/schools';
import { saveRecord, write } from '../data/write';
import type { Ctx, HandlersOf } from './context';

export function requirePerson(ctx: Ctx, id: number, field: string): void {
  if (!isPerson(ctx.db, id))
    throw new ApiError({
      code: 'invalid_input',
      message: 'Choose a person from the list.',
      fields: { [field]: 'Choose a person from the list' },
    });
}

/** Names are unique in each list (whatever their case): a second "Tamworth" is refused at the field. */
function refuseTakenName(
  ctx: Ctx,
  table: 'double_districts' | 'districts' | 'people',
  name: string,
  id: number | undefined,
) {
  const holder = holderOfName(ctx.db, table, name);
  if (holder !== undefined && holder !== id)
    throw new ApiError({
      code: 'conflict',
      message: `"${name.trim()}" is already in the list.`,
      fields: { name: 'Already in the list' },
    });
}

const listed = (names: string[]) =>
  names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;

export const organisationHandlers: HandlersOf<typeof organisationOps> = {
  'organisation.get': (_, s) => readOrganisation(s.ctx().db),
  'organisation.saveDoubleDistrict': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, doubleDistricts, id, draft, {
      check: () => refuseTakenName(ctx, 'double_districts', draft.name, id),
    });
  },
  'organisation.saveDistrict': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, districts, id, draft, {
      check: () => {
        refuseTakenName(ctx, 'districts', draft.name, id);
        if (!doubleDistricts.get(ctx.db, draft.doubleDistrictId))
          throw new ApiError({
            code: 'invalid_input',
            message: 'Choose a double district.',
            fields: { doubleDistrictId: 'Choose a double district from the list' },
          });
      },
    });
    return { id: saved.id, name: saved.name, doubleDistrictId: saved.doubleDistrictId };
  },
  /**
   * A person who stops being a SIP while schools still have them as SIP would leave those schools
   * pointing at someone who is no SIP: refused, naming the schools, unless the caller says to leave
   * those schools with no SIP — each such school's change is audited too.
   */
  'organisation.savePerson': ({ id, draft, unassignSchools }, s) => {
    const ctx = s.ctx();
    return write(ctx, () => {
      const before = id === undefined ? undefined : people.get(ctx.db, id);
      const losesSip = before !== undefined && before.roles.includes('SIP') && !draft.roles.includes('SIP');
      const affected = losesSip ? schoolsWithSip(ctx.db, before.id) : [];
      if (affected.length > 0 && !unassignSchools)
        throw new ApiError({
          code: 'conflict',
          message: `${before!.name} is SIP to ${affected.length} school${affected.length === 1 ? '' : 's'} (${listed(affected.map((a) => a.name))}). Those schools would have no SIP.`,
          fields: { roles: `SIP to ${affected.length} school${affected.length === 1 ? '' : 's'}` },
        });
      for (const school of affected) {
        const current = schools.get(ctx.db, school.id)!;
        saveRecord(
          ctx,
          schools,
          school.id,
          { ...fieldsOf(current), sipId: null },
          {
            summary: () => `No SIP: ${before!.name} is no longer a SIP`,
          },
        );
      }
      return saveRecord(ctx, people, id, draft, {
        check: () => refuseTakenName(ctx, 'people', draft.name, id),
      });
    });
  },
};
