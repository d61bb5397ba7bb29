/** The demo authority's shape: four double districts of two districts, named as in the seed county. */
export const AUTHORITY: ReadonlyArray<{
  double: string;
  districts: ReadonlyArray<{ name: string; postcode: string; places: readonly string[] }>;
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

/** Schools in each district; two of them are a special school and a pupil referral unit. */
export const SCHOOLS_PER_DISTRICT = 54;

export interface Kind {
  phase: string;
  suffix: string;
  weight: number;
  roll: readonly [number, number];
}

/** Kinds of school in the proportions of the LA's register: first and primary schools dominate. */
export const KINDS: readonly Kind[] = [
  { phase: 'Primary', suffix: 'Primary School', weight: 22, roll: [90, 420] },
  { phase: 'First', suffix: 'First School', weight: 10, roll: [60, 300] },
  { phase: 'Infant', suffix: 'Infant School', weight: 8, roll: [60, 270] },
  { phase: 'Junior', suffix: 'Junior School', weight: 5, roll: [120, 360] },
  { phase: 'Middle (deemed secondary)', suffix: 'Middle School', weight: 1, roll: [300, 600] },
  { phase: 'Secondary', suffix: 'High School', weight: 4, roll: [600, 1600] },
];

/** Catholic schools in the county follow the primary/secondary pattern, not the three-tier one. */
export const CATHOLIC_PHASES = ['Primary', 'Infant', 'Junior', 'Secondary'];

export const CE_DIOCESE = 'Lichfield';
export const RC_DIOCESE = 'Roman Catholic Archdiocese of Birmingham';

/** Dedications of the Church of England and the Catholic schools. */
export const CE_DEDICATIONS = [
  "St Mary's",
  "St Peter's",
  "St John's",
  "St Michael's",
  "St Chad's",
  "St Leonard's",
  "St Editha's",
  'Holy Trinity',
  "All Saints'",
  'Christ Church',
];
export const RC_DEDICATIONS = [
  "St Joseph's",
  "St Patrick's",
  "St Dominic's",
  "St Anne's",
  "St Bernadette's",
  'St Thomas More',
  "Our Lady's",
  'Sacred Heart',
  'Holy Rosary',
  "St Gregory's",
];

/** The second word of a community school's name: "Stone Meadows Primary School". */
export const FEATURES = [
  'Park',
  'Hill',
  'Meadows',
  'Green',
  'Lane',
  'Road',
  'Heath',
  'Fields',
  'Church',
  'Valley',
];
