import { insertDistrict, insertDoubleDistrict, insertPerson } from '../data/organisation';
import { insertSchool } from '../data/schools';
import type { Ctx } from './context';
import { fillDemoMonitoring } from './demo-monitoring';
import { writeAudit } from '../data/audit';

/** A small deterministic generator, so every demo file holds the same authority. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const AUTHORITY: ReadonlyArray<{
  double: string;
  districts: ReadonlyArray<{ name: string; places: string[]; postcode: string }>;
}> = [
  {
    double: 'Stafford / South Staffordshire',
    districts: [
      {
        name: 'Stafford',
        postcode: 'ST16',
        places: ['Stafford', 'Stone', 'Eccleshall', 'Gnosall', 'Hixon', 'Weston', 'Haughton', 'Barlaston'],
      },
      {
        name: 'South Staffordshire',
        postcode: 'WV8',
        places: [
          'Codsall',
          'Penkridge',
          'Brewood',
          'Wombourne',
          'Kinver',
          'Perton',
          'Pattingham',
          'Huntington',
        ],
      },
    ],
  },
  {
    double: 'Tamworth / East Staffordshire',
    districts: [
      {
        name: 'Tamworth',
        postcode: 'B77',
        places: [
          'Tamworth',
          'Wilnecote',
          'Glascote',
          'Amington',
          'Belgrave',
          'Dosthill',
          'Fazeley',
          'Kettlebrook',
        ],
      },
      {
        name: 'East Staffordshire',
        postcode: 'DE14',
        places: [
          'Burton',
          'Uttoxeter',
          'Barton',
          'Tutbury',
          'Rocester',
          'Stretton',
          'Rolleston',
          'Abbots Bromley',
        ],
      },
    ],
  },
  {
    double: 'Newcastle / Moorlands',
    districts: [
      {
        name: 'Newcastle-under-Lyme',
        postcode: 'ST5',
        places: ['Newcastle', 'Kidsgrove', 'Audley', 'Madeley', 'Silverdale', 'Talke', 'Keele', 'Wolstanton'],
      },
      {
        name: 'Staffordshire Moorlands',
        postcode: 'ST13',
        places: ['Leek', 'Biddulph', 'Cheadle', 'Werrington', 'Ipstones', 'Kingsley', 'Alton', 'Endon'],
      },
    ],
  },
  {
    double: 'Cannock / Lichfield',
    districts: [
      {
        name: 'Cannock Chase',
        postcode: 'WS11',
        places: [
          'Cannock',
          'Rugeley',
          'Hednesford',
          'Heath Hayes',
          'Norton Canes',
          'Chadsmoor',
          'Brereton',
          'Bridgtown',
        ],
      },
      {
        name: 'Lichfield',
        postcode: 'WS13',
        places: [
          'Lichfield',
          'Burntwood',
          'Armitage',
          'Alrewas',
          'Shenstone',
          'Fradley',
          'Whittington',
          'Chasetown',
        ],
      },
    ],
  },
];

const FIRST = [
  'Joanne',
  'Peter',
  'Sarah',
  'Ian',
  'Karen',
  'Richard',
  'Claire',
  'Stephen',
  'Helen',
  'Andrew',
  'Gwen',
  'Martin',
  'Elaine',
  'David',
  'Ruth',
  'Carol',
  'James',
  'Frank',
  'Susan',
  'Paul',
];
const LAST = [
  'Hollins',
  'Fletcher',
  'Bradbury',
  'Heath',
  'Turner',
  'Cartwright',
  'Bennett',
  'Cope',
  'Goodwin',
  'Pointon',
  'Walker',
  'Finney',
  'Lovatt',
  'Jolley',
  'Eld',
  'Salt',
  'Hambleton',
  'Mycock',
  'Plant',
  'Wain',
];
const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'];
const SAINTS = [
  "St Mary's",
  "St Peter's",
  "St John's",
  "St Michael's",
  "St Joseph's",
  'Holy Trinity',
  "All Saints'",
];

/** Kinds of school in the proportions of the LA's register: first and primary schools dominate. */
const KINDS: ReadonlyArray<{ phase: string; suffix: string; weight: number; roll: [number, number] }> = [
  { phase: 'Primary', suffix: 'Primary School', weight: 22, roll: [90, 420] },
  { phase: 'First', suffix: 'First School', weight: 10, roll: [60, 300] },
  { phase: 'Infant', suffix: 'Infant School', weight: 8, roll: [60, 270] },
  { phase: 'Junior', suffix: 'Junior School', weight: 5, roll: [120, 360] },
  { phase: 'Middle (deemed secondary)', suffix: 'Middle School', weight: 1, roll: [300, 600] },
  { phase: 'Secondary', suffix: 'High School', weight: 4, roll: [600, 1600] },
];

export function fillDemoAuthority(ctx: Ctx, seed = 860): void {
  const random = seeded(seed);
  const { db } = ctx;
  const fullName = () => `${random.pick(FIRST)} ${random.pick(LAST)}`;
  const usedNames = new Set<string>();
  const person = (roles: Parameters<typeof insertPerson>[2]) => {
    let name = fullName();
    while (usedNames.has(name)) name = fullName();
    usedNames.add(name);
    return insertPerson(db, name, roles);
  };
  const weighted = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));

  db.transaction(() => {
    person(['Head of SID']);
    person(['Deputy Head of SID']);
    person(['Deputy Head of SID']);
    let dfeSerial = 2001;
    let urn = 200001; // clear of the sample register's URNs, so importing it into the demo is a clean test
    for (const group of AUTHORITY) {
      const doubleId = insertDoubleDistrict(db, group.double);
      person(['DSIM']);
      person(['Administrative co-ordinator']);
      const sips = [person(['SIP']), person(['SIP']), person(['SIP', 'EIP'])];
      person(['EIP']);
      for (const district of group.districts) {
        const districtId = insertDistrict(db, district.name, doubleId);
        const names = new Set<string>();
        for (let i = 0; i < 54; i++) {
          const special = i === 0 ? 'Special' : i === 1 ? 'PRU' : null;
          const kind = random.pick(weighted);
          const place = random.pick(district.places);
          const church = random.next() < 0.2;
          let name =
            special === 'Special'
              ? `${place} Brook Special School`
              : special === 'PRU'
                ? `${place} Pupil Referral Unit`
                : church
                  ? `${random.pick(SAINTS)} CE ${kind.suffix}, ${place}`
                  : `${place} ${random.pick(['Park', 'Hill', 'Meadows', 'Green', 'Lane', 'Road', 'Heath', 'Fields', 'Church', 'Valley'])} ${kind.suffix}`;
          for (let n = 2; names.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
          names.add(name);
          const id = insertSchool(db, {
            dfe: `860/${dfeSerial++}`,
            urn: urn++,
            name,
            type:
              special === 'Special'
                ? 'Community special'
                : special === 'PRU'
                  ? 'Pupil referral unit'
                  : church
                    ? random.pick(['Voluntary controlled', 'Voluntary aided'])
                    : random.next() < 0.06
                      ? 'Foundation'
                      : 'Community',
            phase: special ?? kind.phase,
            districtId,
            diocese: church ? 'Lichfield' : null,
            numberOnRoll: special ? random.int(40, 110) : random.int(kind.roll[0], kind.roll[1]),
            headteacher: `${random.pick(TITLES)} ${fullName()}`,
            chairOfGovernors: fullName(),
            sipId: random.pick(sips),
            postcode: `${district.postcode} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
          });
          writeAudit(db, ctx, {
            entity: 'school',
            entityId: id,
            action: 'add',
            summary: 'Created in the demo authority',
            changes: [],
          });
        }
      }
    }
    fillDemoMonitoring(db, random, ctx.now().toISOString().slice(0, 10));
  })();
}
