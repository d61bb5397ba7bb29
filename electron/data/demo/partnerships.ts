import { academicYearOf, addDays } from '../../../shared/domain/calendar';
import { ENGLISH_SEF } from '../../../shared/domain/sef';
import type { Db } from '../database';
import { standingRows, type StandingRow } from '../standings';
import type { Random } from './random';

/**
 * Partnerships for the demo authority, read from the monitoring already seeded so they tell the same
 * story: a cluster and a network in each district (networks reaching into the neighbouring district)
 * with this year's £5,000, its plan and spend; key strengths only where a school's SEF is strong,
 * validated by its SIP; brokered support from those schools to the weakest; barriers and the LA's
 * responses. Everything is a few hundred rows, written with prepared statements.
 */
const PLAN = [
  'Supply cover for joint planning',
  'Visits to partner schools',
  'Shared training day',
  'Resources for the professional learning community',
];
const EVIDENCE = [
  'Validated SEF and lesson observations with the SIP',
  'Consistently strong results over three years',
  'Ofsted letter and the SIP’s summary report',
  'Moderated work scrutiny with the cluster',
];
const BARRIERS: Array<[string, string, boolean]> = [
  ['Supply cover', 'Staff cannot be released for network meetings without cover', true],
  ['Transport', 'Rural distances make visits to partner schools costly', true],
  ['Recruitment', 'Few applicants for teaching posts', true],
  ['Time for leaders', 'Headteacher teaches three days a week', false],
  ['Data systems', 'Pupil tracking does not talk to the LA’s system', true],
  ['Governor capacity', 'Several governor vacancies', false],
];

interface Sef {
  schoolId: number;
  sefOn: string;
  grades: Record<string, number>;
}

function latestSefs(db: Db): Map<number, Sef> {
  const rows = db
    .prepare(
      `SELECT e.school_id AS schoolId, e.sef_on AS sefOn, g.judgement, g.grade FROM sef_entries e
       JOIN sef_grades g ON g.entry_id = e.id
       WHERE e.sef_on = (SELECT max(sef_on) FROM sef_entries x WHERE x.school_id = e.school_id)`,
    )
    .all() as Array<{ schoolId: number; sefOn: string; judgement: string; grade: number }>;
  const bySchool = new Map<number, Sef>();
  for (const r of rows) {
    const sef = bySchool.get(r.schoolId) ?? { schoolId: r.schoolId, sefOn: r.sefOn, grades: {} };
    sef.grades[r.judgement] = r.grade;
    bySchool.set(r.schoolId, sef);
  }
  return bySchool;
}

export function seedPartnerships(db: Db, random: Random, today: string): void {
  const insert = (sql: string) => {
    const statement = db.prepare(sql);
    return (...params: unknown[]) => Number(statement.run(...params).lastInsertRowid);
  };
  const partnership = insert('INSERT INTO partnerships (name, kind, lead_school_id) VALUES (?, ?, ?)');
  const member = insert(
    'INSERT INTO partnership_members (partnership_id, position, school_id, joined_on, left_on) VALUES (?, ?, ?, ?, ?)',
  );
  const budget = insert(
    'INSERT INTO network_budgets (partnership_id, academic_year, allocation_pence) VALUES (?, ?, ?)',
  );
  const line = insert(
    'INSERT INTO network_plan_lines (budget_id, position, description, planned_pence) VALUES (?, ?, ?, ?)',
  );
  const spend = insert(
    'INSERT INTO network_spend (plan_line_id, spent_on, amount_pence, description, overspend_reason) VALUES (?, ?, ?, ?, ?)',
  );
  const strength = insert(
    `INSERT INTO key_strengths (school_id, area, aspect, evidence, validated_by, validated_on, contact)
     VALUES (?, ?, '', ?, ?, ?, ?)`,
  );
  const support = insert(
    `INSERT INTO brokered_support (supporting_school_id, supported_school_id, area, starts_on, ends_on, agreed_by, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const barrier = insert(
    'INSERT INTO barriers (school_id, raised_on, theme, description, beyond_school) VALUES (?, ?, ?, ?, ?)',
  );
  const response = insert('INSERT INTO barrier_responses (theme, response, responded_on) VALUES (?, ?, ?)');

  const year = academicYearOf(today);
  const yearStart = `${year}-09-01`;
  const sefs = latestSefs(db);
  const sips = new Map(
    (
      db.prepare('SELECT s.id, p.name FROM schools s JOIN people p ON p.id = s.sip_id').all() as Array<{
        id: number;
        name: string;
      }>
    ).map((r) => [r.id, r.name]),
  );
  const schools = standingRows(db, today).filter((s) => !s.closed);
  const strong = (s: StandingRow) =>
    (s.category ?? 2) <= 2 && s.ofstedCategory === null && (sefs.get(s.schoolId)?.grades.overall ?? 3) <= 2;
  const weak = (s: StandingRow) => s.category === 4 || s.ofstedCategory !== null;
  const dayBetween = (from: string, to: string) => {
    const days = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
    return addDays(from, random.int(0, days));
  };

  // A cluster and a network in each district; a network reaches into its double district's other half.
  const districts = [...new Set(schools.map((s) => s.districtId))];
  districts.forEach((districtId, index) => {
    const own = random.shuffle(schools.filter((s) => s.districtId === districtId));
    const neighbours = random.shuffle(
      schools.filter((s) => s.doubleDistrictId === own[0]!.doubleDistrictId && s.districtId !== districtId),
    );
    const district = own[0]!.district;
    const cluster = own.slice(0, 7);
    const clusterLead = cluster.find(strong) ?? cluster[0]!;
    const clusterId = partnership(`${district} Cluster`, 'Cluster', clusterLead.schoolId);
    cluster.forEach((s, i) => member(clusterId, i, s.schoolId, `${year - 2}-09-01`, null));
    const network = [...own.slice(7, 11), ...neighbours.slice(0, 2)];
    const lead = network.find(strong) ?? network[0]!;
    const networkId = partnership(`${district} Network`, 'Network of professional practice', lead.schoolId);
    network.forEach((s, i) =>
      member(networkId, i, s.schoolId, `${year - 1}-09-01`, i === 3 ? `${year}-07-31` : null),
    );
    for (const y of [year - 1, year]) {
      const budgetId = budget(networkId, y, 500_000);
      const lines = PLAN.slice(0, 3).map((text, i) =>
        line(budgetId, i, text, [250_000, 150_000, 100_000][i]!),
      );
      const until = y === year ? today : `${y + 1}-07-31`;
      const from = `${y}-09-15` < until ? `${y}-09-15` : until;
      let spent = 0;
      for (let p = 0; p < (y === year ? random.int(1, 3) : 4); p++) {
        const amount = random.int(40, 110) * 1_000;
        spent += amount;
        spend(lines[p % 3]!, dayBetween(from, until), amount, PLAN[p % 3]!, null);
      }
      // One network went over last year, by agreement.
      if (y === year - 1 && index === 0)
        spend(
          lines[0]!,
          `${y + 1}-07-10`,
          500_000 - spent + 25_000,
          'Summer school for the network',
          'Agreed by the network and the DSIM at the summer review',
        );
    }
  });

  // Key strengths where the SEF shows them, validated by the school's SIP some weeks after the SEF.
  const registered = random.shuffle(schools.filter(strong)).slice(0, 40);
  const strengthsOf = new Map<number, string[]>();
  for (const s of registered) {
    const sef = sefs.get(s.schoolId)!;
    const best = ENGLISH_SEF.judgements.filter((j) => sef.grades[j.code] === 1 && j.code !== 'overall');
    const areas = (best.length ? best : ENGLISH_SEF.judgements.filter((j) => sef.grades[j.code] === 2)).slice(
      0,
      2,
    );
    for (const j of areas) {
      const validatedOn = addDays(sef.sefOn, random.int(14, 40));
      const validated = random.chance(0.9) && validatedOn <= today && sips.has(s.schoolId);
      strength(
        s.schoolId,
        `sef:${j.code}`,
        random.pick(EVIDENCE),
        validated ? sips.get(s.schoolId)! : null,
        validated ? validatedOn : null,
        'Headteacher',
      );
      if (validated) strengthsOf.set(s.schoolId, [...(strengthsOf.get(s.schoolId) ?? []), `sef:${j.code}`]);
    }
  }

  // Support brokered to the weakest schools in their weakest area, from the nearest registered strength.
  const supporting = new Map<number, number>();
  for (const s of schools.filter(weak)) {
    const sef = sefs.get(s.schoolId);
    if (!sef) continue;
    const worst = Math.max(...Object.values(sef.grades));
    const area = `sef:${ENGLISH_SEF.judgements.find((j) => j.code !== 'overall' && sef.grades[j.code] === worst)?.code ?? 'teaching'}`;
    const helper = schools
      .filter((h) => strengthsOf.get(h.schoolId)?.includes(area) && (supporting.get(h.schoolId) ?? 0) < 2)
      .sort(
        (a, b) =>
          Number(b.districtId === s.districtId) - Number(a.districtId === s.districtId) ||
          Number(b.doubleDistrictId === s.doubleDistrictId) -
            Number(a.doubleDistrictId === s.doubleDistrictId),
      )[0];
    if (!helper) continue;
    supporting.set(helper.schoolId, (supporting.get(helper.schoolId) ?? 0) + 1);
    const startsOn = dayBetween(yearStart <= today ? yearStart : `${year - 1}-09-01`, today);
    support(helper.schoolId, s.schoolId, area, startsOn, null, 'District Intervention/Resource Group', null);
  }

  // Barriers raised at the autumn dialogue meetings, and the LA's responses to the two most raised.
  for (const s of random.shuffle(schools).slice(0, 36)) {
    const [theme, description, beyond] = random.pick(BARRIERS);
    barrier(s.schoolId, dayBetween(`${year - 1}-10-01`, today), theme, description, beyond ? 1 : 0);
  }
  response(
    'Supply cover',
    'A supply pool for network release is being costed with the consortium',
    addDays(today, -20),
  );
  response(
    'Transport',
    'Raised with the transport team; mileage for network visits agreed',
    addDays(today, -45),
  );
}
