import type { Role } from '../../../shared/domain/organisation';
import {
  AUTHORITY,
  CATHOLIC_PHASES,
  CE_DEDICATIONS,
  CE_DIOCESE,
  FEATURES,
  KINDS,
  RC_DEDICATIONS,
  RC_DIOCESE,
  SCHOOLS_PER_DISTRICT,
} from './authority';
import { nameGiver } from './names';
import type { Random } from './random';
import type { DemoSql } from './statements';

/** What the monitoring needs to know of each school it fills in. */
export interface DemoSchool {
  id: number;
  phase: string;
  numberOnRoll: number;
  districtId: number;
  sipId: number;
  dsimId: number;
}

/** SIPs carry 10 to 20 schools each: a district's schools shared unevenly among its four SIPs. */
function caseloads(random: Random, sips: readonly number[], schools: number): number[] {
  const loads = sips.map(() => 10);
  for (let left = schools - loads.length * 10; left > 0;) {
    const i = random.int(0, loads.length - 1);
    if (loads[i]! < 18) {
      loads[i]!++;
      left--;
    }
  }
  return random.shuffle(sips.flatMap((sip, i) => Array.from({ length: loads[i]! }, () => sip)));
}

/** An authority's double districts and how many schools each district holds. */
export interface Shape {
  authority: typeof AUTHORITY;
  perDistrict: number;
}

/** The division's people, the districts and about 430 schools (or as many as another shape holds). */
export function seedRegister(
  sql: DemoSql,
  random: Random,
  shape: Shape = { authority: AUTHORITY, perDistrict: SCHOOLS_PER_DISTRICT },
): DemoSchool[] {
  const names = nameGiver(random);
  const person = (...roles: Role[]) => {
    const personId = sql.person({ name: names.person() });
    for (const role of roles) sql.role({ personId, role });
    return personId;
  };
  const weighted = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
  const primaryKind = KINDS.find((k) => k.phase === 'Primary')!;

  person('Head of SID');
  person('Deputy Head of SID');
  person('Deputy Head of SID');
  person('Strategy manager');
  person('Strategy manager');
  person('JFU');
  person('JFU');
  person('Diocesan officer'); // for the Church of England schools
  person('Diocesan officer'); // for the Catholic schools

  const schools: DemoSchool[] = [];
  let dfeSerial = 2001;
  let urn = 200001; // clear of the sample register's URNs, so importing it into the demo is a clean test
  for (const group of shape.authority) {
    const doubleDistrictId = sql.doubleDistrict({ name: group.double });
    const dsimId = person('DSIM');
    person('Administrative co-ordinator');
    person('EIP');
    person('ERA');
    for (const district of group.districts) {
      const districtId = sql.district({ name: district.name, doubleDistrictId });
      const sips = [person('SIP', 'EIP'), person('SIP'), person('SIP'), person('SIP')];
      const sipOf = caseloads(random, sips, shape.perDistrict);
      const used = new Set<string>();
      for (let i = 0; i < shape.perDistrict; i++) {
        const special = i === 0 ? 'Special' : i === 1 ? 'PRU' : null;
        const r = random.next();
        const church = special ? null : r < 0.22 ? 'CE' : r < 0.3 ? 'RC' : null;
        const picked = random.pick(weighted);
        const kind = church === 'RC' && !CATHOLIC_PHASES.includes(picked.phase) ? primaryKind : picked;
        const place = random.pick(district.places);
        let name =
          special === 'Special'
            ? `${place} Brook Special School`
            : special === 'PRU'
              ? `${place} Pupil Referral Unit`
              : church === 'CE'
                ? `${random.pick(CE_DEDICATIONS)} CE ${kind.suffix}, ${place}`
                : church === 'RC'
                  ? `${random.pick(RC_DEDICATIONS)} Catholic ${kind.suffix}, ${place}`
                  : `${place} ${random.pick(FEATURES)} ${kind.suffix}`;
        for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
        used.add(name);
        const phase = special ?? kind.phase;
        const numberOnRoll = special ? random.int(40, 110) : random.int(kind.roll[0], kind.roll[1]);
        const sipId = sipOf[i]!;
        const id = sql.school({
          dfe: `860/${dfeSerial++}`,
          urn: urn++,
          name,
          type:
            special === 'Special'
              ? 'Community special'
              : special === 'PRU'
                ? 'Pupil referral unit'
                : church === 'CE'
                  ? random.pick(['Voluntary controlled', 'Voluntary controlled', 'Voluntary aided'])
                  : church === 'RC'
                    ? 'Voluntary aided'
                    : random.chance(0.06)
                      ? 'Foundation'
                      : 'Community',
          phase,
          districtId,
          diocese: church === 'CE' ? CE_DIOCESE : church === 'RC' ? RC_DIOCESE : null,
          numberOnRoll,
          headteacher: names.headteacher(!['Secondary', 'Middle (deemed secondary)'].includes(phase)),
          chairOfGovernors: names.chairOfGovernors(church),
          sipId,
          postcode: `${district.postcode} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
        });
        schools.push({ id, phase, numberOnRoll, districtId, sipId, dsimId });
      }
    }
  }
  return schools;
}
