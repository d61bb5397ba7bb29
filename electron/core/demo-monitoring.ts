import {
  academicYearOf,
  addDays,
  defaultTermDates,
  termOf,
  type TermDates,
} from '../../shared/domain/calendar';
import type { Category } from '../../shared/domain/categories';
import { ENGLISH_SEF } from '../../shared/domain/sef';
import type { Db } from '../data/database';
import {
  insertMonitoringVisit,
  insertProposal,
  insertVisit,
  recordDecision,
  saveInspectionRow,
  upsertProfile,
  upsertSef,
} from '../data/monitoring';
import { listSchools } from '../data/schools';

interface Random {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

const clamp = (n: number) => Math.min(4, Math.max(1, Math.round(n))) as Category;
const weekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
};

/**
 * Three years of plausible monitoring for the demo authority: each school has an underlying quality
 * that its SEFs, categories, Ofsted grades and attendance follow, so the numbers tell one story.
 */
export function fillDemoMonitoring(db: Db, random: Random, today: string): void {
  const schools = listSchools(db);
  const dsims = db
    .prepare(
      `SELECT p.id FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role = 'DSIM' ORDER BY p.id`,
    )
    .all() as Array<{ id: number }>;
  const doubles = [...new Set(schools.map((s) => s.doubleDistrictId))].sort((a, b) => a - b);
  const dsimFor = (doubleDistrictId: number) => dsims[doubles.indexOf(doubleDistrictId) % dsims.length]!.id;
  const thisYear = academicYearOf(today);
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const within = (t: TermDates, from: number, to: number) =>
    weekday(addDays(t.startsOn, random.int(from, Math.min(to, 70))));
  const before = (date: string) => date <= today;
  const termStart = termOf(today).startsOn;

  // A handful of schools in Ofsted categories, chosen among the weakest, so every demo shows them.
  const qualities = new Map(
    schools.map((s) => {
      const r = random.next();
      return [s.id, r < 0.14 ? 1 : r < 0.58 ? 2 : r < 0.91 ? 3 : 4] as const;
    }),
  );
  const weakest = schools.filter((s) => qualities.get(s.id) === 4);
  const specialMeasures = new Set(weakest.slice(0, 3).map((s) => s.id));
  const noticeToImprove = new Set(weakest.slice(3, 8).map((s) => s.id));

  for (const school of schools) {
    const quality = qualities.get(school.id)!;
    const sip = school.sipId!;
    const dsim = dsimFor(school.doubleDistrictId);
    const primaryLike = ['Nursery', 'Infant', 'First', 'Primary'].includes(school.phase);
    const sixthForm = school.phase === 'Secondary' && random.next() < 0.6;
    let category: Category | null = null;
    const slipping = random.next() < 0.15;

    for (const year of years) {
      const [autumn, spring, summer] = defaultTermDates(year) as [TermDates, TermDates, TermDates];
      const plan: Array<{ on: string; purpose: string; days: number; role: 'SIP' | 'DSIM' }> = [
        { on: within(autumn, 5, 30), purpose: 'Data analysis and target setting', days: 1, role: 'SIP' },
        { on: within(autumn, 35, 70), purpose: 'Headteacher performance management', days: 1, role: 'SIP' },
        { on: within(spring, 10, 50), purpose: 'Validating the SEF', days: 1, role: 'SIP' },
        { on: within(summer, 5, 30), purpose: 'Summary review', days: 1, role: 'SIP' },
        {
          on: within(summer, 35, 60),
          purpose: 'Agreeing priorities',
          days: random.next() < 0.15 ? 1.5 : 1,
          role: 'SIP',
        },
      ];
      if (quality >= 3)
        plan.push({ on: within(spring, 20, 60), purpose: 'Identifying support', days: 0.5, role: 'DSIM' });
      for (const visit of plan) {
        // Some schools have not been seen yet this term: their SIP's visits slip.
        if (!before(visit.on) || (slipping && visit.on >= termStart)) continue;
        const received = addDays(visit.on, random.int(3, 12));
        const qa = addDays(received, random.int(4, 25));
        insertVisit(db, {
          schoolId: school.id,
          visitedOn: visit.on,
          visitorId: visit.role === 'SIP' ? sip : dsim,
          role: visit.role,
          purpose: visit.purpose as never,
          days: visit.days,
          notes: '',
          reportReceivedOn: before(received) ? received : null,
          qaOn: before(qa) ? qa : null,
          claimStatus: before(addDays(qa, 30)) ? 'Paid' : before(qa) ? 'Claimed' : 'Not claimed',
        });
      }

      const sefOn = within(autumn, 20, 50);
      if (before(sefOn)) {
        const grades: Record<string, number> = {};
        for (const j of ENGLISH_SEF.judgements) {
          if (j.code === 'eyfs' && !primaryLike) continue;
          if (j.code === 'sixth-form' && !sixthForm) continue;
          grades[j.code] = clamp(
            quality + (j.code === 'overall' ? 0 : random.int(-1, 1) * (random.next() < 0.5 ? 1 : 0)),
          );
        }
        upsertSef(db, {
          schoolId: school.id,
          framework: 'english-sef',
          sefOn,
          validated: random.next() < 0.8,
          grades,
        });
      }

      const proposedOn = within(summer, 30, 45);
      if (before(proposedOn)) {
        const proposed = clamp(quality + (random.next() < 0.1 ? -1 : 0));
        const id = insertProposal(db, {
          schoolId: school.id,
          proposedOn,
          source: 'SIP summary report',
          proposedById: sip,
          category: proposed,
          evidence: EVIDENCE[proposed - 1]!,
        });
        const decidedOn = addDays(proposedOn, random.int(10, 20));
        if (before(decidedOn)) {
          category = proposed === 3 && random.next() < 0.08 ? 4 : proposed;
          const raise = category === 3 && random.next() < 0.1;
          recordDecision(db, {
            id,
            decidedOn,
            category,
            notes:
              category === proposed
                ? 'Agreed at DIG moderation'
                : 'Moderated at DIG in the light of other evidence',
            supportOverride: raise ? 'high' : null,
            overrideReason: raise ? 'Satisfactory overall, but a serious concern in mathematics at KS2' : '',
          });
        }
      }

      for (const [term, label] of [
        [autumn, 'autumn'],
        [spring, 'spring'],
        [summer, 'summer'],
      ] as const) {
        if (!before(addDays(term.startsOn, 40))) continue;
        upsertProfile(db, {
          schoolId: school.id,
          academicYear: year,
          term: label,
          numberOnRoll: school.numberOnRoll === null ? null : school.numberOnRoll + random.int(-8, 8),
          attendance: Math.round((96.5 - quality * 0.9 - random.next()) * 10) / 10,
          exclusions: quality >= 3 ? random.int(0, 6) : random.int(0, 1),
          budgetPosition: random.int(-4, 12) * 5000 - (quality === 4 ? 30000 : 0),
          newHeadteacher: random.next() < 0.03,
          staffChanges: '',
          notes: '',
        });
      }
    }

    // Ofsted: most schools inspected once in the three years, the weakest with a category and HMI visits.
    const inspectedOn = weekday(addDays(defaultTermDates(years[0]!)[1]!.startsOn, random.int(0, 500)));
    const outcome = specialMeasures.has(school.id)
      ? 'Special Measures'
      : noticeToImprove.has(school.id)
        ? 'Notice to Improve'
        : 'None';
    if (outcome !== 'None' || (random.next() < 0.45 && before(inspectedOn))) {
      const overall = outcome === 'None' ? clamp(quality + (random.next() < 0.1 ? -1 : 0)) : 4;
      const disagrees = category !== null && overall !== category;
      saveInspectionRow(db, undefined, {
        schoolId: school.id,
        // The urgent case's second HMI visit was last week, so its new statement of action is due soon.
        inspectedOn:
          outcome === 'None'
            ? inspectedOn
            : addDays(today, [...specialMeasures][0] === school.id ? -207 : -random.int(260, 420)),
        type: 'Section 5 inspection',
        overall,
        grades: {},
        outcome,
        laResponse: disagrees
          ? overall > category!
            ? 'Appeal to Ofsted'
            : 'Presentation to governors'
          : null,
        laResponseOutcome: disagrees ? 'Discussed with the chair of governors' : '',
      });
      if (outcome === 'Special Measures') {
        const inspected = db
          .prepare('SELECT inspected_on AS d FROM inspections WHERE school_id = ? ORDER BY id DESC')
          .get(school.id) as { d: string };
        // The first Special Measures school's second monitoring visit finds inadequate progress.
        const urgent = [...specialMeasures][0] === school.id;
        [100, 200].forEach((days, n) => {
          const visitedOn = addDays(inspected.d, days);
          if (before(visitedOn))
            insertMonitoringVisit(db, {
              schoolId: school.id,
              visitedOn,
              progress: n === 1 && urgent ? 'Inadequate' : 'Satisfactory',
              notes: n === 1 && urgent ? 'Leadership has not secured improvement in teaching' : '',
            });
        });
      }
    }
  }
}

const EVIDENCE = [
  'Outstanding outcomes sustained over three years; leadership secure at every level.',
  'Good progress across key stages; self-evaluation accurate and validated.',
  'Satisfactory overall; progress in mathematics uneven, leadership capacity developing.',
  'Attainment well below floor targets; weak teaching in several classes; governors not holding leaders to account.',
];
