import type { Random } from './random';

const WOMEN = [
  'Joanne',
  'Sarah',
  'Karen',
  'Claire',
  'Helen',
  'Gwen',
  'Elaine',
  'Ruth',
  'Carol',
  'Susan',
  'Alison',
  'Amanda',
  'Angela',
  'Catherine',
  'Deborah',
  'Fiona',
  'Gillian',
  'Jane',
  'Julie',
  'Kathryn',
  'Linda',
  'Lisa',
  'Lorraine',
  'Margaret',
  'Nicola',
  'Pauline',
  'Rachel',
  'Sharon',
  'Tracey',
  'Wendy',
  'Yvonne',
  'Emma',
  'Louise',
  'Michelle',
  'Anne',
  'Beverley',
  'Denise',
  'Hazel',
  'Jacqueline',
  'Lesley',
  'Maria',
  'Rebecca',
  'Samantha',
  'Zoe',
  'Natalie',
  'Kerry',
  'Janet',
  'Sally',
];
const MEN = [
  'Peter',
  'Ian',
  'Richard',
  'Stephen',
  'Andrew',
  'Martin',
  'David',
  'James',
  'Frank',
  'Paul',
  'Mark',
  'Simon',
  'Graham',
  'Neil',
  'Philip',
  'Robert',
  'Jonathan',
  'Michael',
  'Christopher',
  'Gareth',
  'Kevin',
  'Nigel',
  'Adrian',
  'Colin',
  'Keith',
  'Stuart',
  'Tony',
  'Matthew',
  'Daniel',
  'Alan',
  'Barry',
  'Derek',
  'Gary',
  'Trevor',
  'Howard',
];
/** Surnames common in Staffordshire and the Potteries. */
const SURNAMES = [
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
  'Alcock',
  'Bagnall',
  'Barlow',
  'Beech',
  'Birch',
  'Boulton',
  'Brindley',
  'Buckley',
  'Cooper',
  'Dale',
  'Davies',
  'Edwards',
  'Evans',
  'Forrester',
  'Gibson',
  'Hall',
  'Harrison',
  'Hodgkinson',
  'Holland',
  'Hughes',
  'Johnson',
  'Jones',
  'Kent',
  'Leese',
  'Machin',
  'Mellor',
  'Moss',
  'Nixon',
  'Oakes',
  'Owen',
  'Parker',
  'Podmore',
  'Poole',
  'Pratt',
  'Riley',
  'Roberts',
  'Shaw',
  'Simcock',
  'Smith',
  'Stubbs',
  'Tatton',
  'Thorley',
  'Tomkinson',
  'Wagstaff',
  'Warrilow',
  'Wedgwood',
  'Whitehurst',
  'Wilkinson',
  'Williams',
  'Wright',
  'Yates',
  'Proctor',
  'Mountford',
  'Bloor',
];

/**
 * Names for everyone the demo mentions — staff, headteachers, chairs of governors — each used once,
 * so no two people in the demo share a name. Titles follow the first name.
 */
export function nameGiver(random: Random) {
  const used = new Set<string>();
  const fresh = (woman: boolean) => {
    for (;;) {
      const name = `${random.pick(woman ? WOMEN : MEN)} ${random.pick(SURNAMES)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  return {
    person: () => fresh(random.chance(0.6)),
    /** Most primary heads are women; about half of secondary heads. */
    headteacher: (primary: boolean) => {
      const woman = random.chance(primary ? 0.72 : 0.45);
      const title = random.chance(0.05)
        ? 'Dr'
        : woman
          ? random.pick(['Mrs', 'Mrs', 'Mrs', 'Ms', 'Miss'])
          : 'Mr';
      return `${title} ${fresh(woman)}`;
    },
    /** A church school's governors are often chaired by the vicar or the parish priest. */
    chairOfGovernors: (church: 'CE' | 'RC' | null) => {
      if (church === 'RC' && random.chance(0.3)) return `Fr ${fresh(false)}`;
      if (church === 'CE' && random.chance(0.3)) return `Revd ${fresh(random.chance(0.4))}`;
      return fresh(random.chance(0.5));
    },
  };
}
