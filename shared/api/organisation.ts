import { z } from 'zod';
import { requiredName } from '../domain/fields';
import { ROLES } from '../domain/organisation';
import { id, nothing, op, saveOf } from './common';

const person = z.object({ id, name: z.string(), roles: z.array(z.enum(ROLES)) });
const district = z.object({ id, name: z.string(), doubleDistrictId: id });
const doubleDistrict = z.object({ id, name: z.string() });
export const organisation = z.object({
  doubleDistricts: z.array(doubleDistrict),
  districts: z.array(district),
  people: z.array(person),
});
export type Organisation = z.infer<typeof organisation>;

export const doubleDistrictDraft = z.object({ name: requiredName(80) }).strict();
export const districtDraft = z.object({ name: requiredName(80), doubleDistrictId: id }).strict();
export const personDraft = z
  .object({
    name: requiredName(100),
    roles: z.array(z.enum(ROLES, { message: 'Choose roles from the list' })),
  })
  .strict();
export type PersonDraft = z.infer<typeof personDraft>;

export const organisationLabels = { name: 'Name', doubleDistrictId: 'Double district', roles: 'Roles' };

export const organisationOps = {
  'organisation.get': op(nothing, organisation),
  'organisation.saveDoubleDistrict': op(saveOf(doubleDistrictDraft), doubleDistrict),
  'organisation.saveDistrict': op(saveOf(districtDraft), district),
  /**
   * Taking the SIP role from someone who is SIP to schools is refused, naming the schools, unless
   * `unassignSchools` says to leave those schools with no SIP.
   */
  'organisation.savePerson': op(
    z.object({ id: id.optional(), draft: personDraft, unassignSchools: z.boolean().optional() }).strict(),
    person,
  ),
};
