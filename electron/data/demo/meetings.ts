import {
  addDays,
  defaultTermDates,
  shiftTerm,
  termLabel,
  termOf,
  type TermDates,
} from '../../../shared/domain/calendar';
import { formatDate } from '../../../shared/domain/format';
import { meetingTitle, type Attendee, type MeetingKind } from '../../../shared/domain/meetings';
import type { Db } from '../database';
import type { Random } from './random';

/** Members who are not people in the file (seed 002 L1263: JFU and SID Finance representatives). */
const FINANCE = { name: 'Frank Ledger', role: 'SID Finance' };
const JFU = { name: 'Joan Fairweather', role: 'JFU' };

/** The Thursday on or before a date: a group meets on a Thursday unless its decisions fix another day. */
function thursdayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((day + 7 - 4) % 7));
}

interface Area {
  id: number;
  name: string;
  dsim: { name: string } | undefined;
  schools: string[];
}

interface StageDecision {
  id: number;
  concernId: number;
  schoolId: number;
  school: string;
  to: number;
  reason: string;
  decidedById: number;
}

interface CategoryDecision {
  id: number;
  schoolId: number;
  school: string;
  category: number;
  notes: string;
  decidedOn: string;
}

/** The day on which the most categories were confirmed: the day the group met to moderate them. */
function busiestDay(decisions: readonly CategoryDecision[]): string | undefined {
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.decidedOn, (counts.get(d.decidedOn) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0]?.[0];
}

/**
 * Each double district's meetings over the last three terms: the District Intervention/Resource
 * Group termly, the District Focus Group half-termly, with attendees, agenda and minutes. A term's
 * group meets on the day of the district's latest stage decision that term (else the day most of its
 * categories were confirmed), and that day's decisions are recorded against it as applied, so its
 * minutes and the schools' histories agree. Ends with the next
 * group meeting a fortnight ahead, its agenda set and its minutes still to come.
 */
export function seedMeetings(db: Db, random: Random, today: string): void {
  const head = db
    .prepare(
      `SELECT p.name FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role = 'Head of SID' LIMIT 1`,
    )
    .get() as { name: string } | undefined;
  const dsims = db
    .prepare(
      `SELECT p.name FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role = 'DSIM' ORDER BY p.id`,
    )
    .all() as Array<{ name: string }>;
  const areas: Area[] = (
    db.prepare('SELECT id, name FROM double_districts ORDER BY id').all() as Array<{
      id: number;
      name: string;
    }>
  ).map((dd, i) => ({
    ...dd,
    dsim: dsims[i],
    schools: db
      .prepare(
        `SELECT s.name FROM concerns c JOIN schools s ON s.id = c.school_id JOIN districts d ON d.id = s.district_id
         WHERE c.closed_on IS NULL AND d.double_district_id = ? ORDER BY c.stage DESC, s.name`,
      )
      .pluck()
      .all(dd.id) as string[],
  }));
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (held_on, kind, double_district_id, attendees, agenda, minutes)
     VALUES (@heldOn, @kind, @doubleDistrictId, @attendees, @agenda, @minutes)`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO meeting_decisions (meeting_id, position, kind, school_id, subject_id, details, applied_at, applied_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const categoryDecisions = db.prepare(
    `SELECT r.id, r.school_id AS schoolId, s.name AS school, r.confirmed_category AS category,
            COALESCE(r.decision_notes, '') AS notes, r.decided_on AS decidedOn
     FROM category_reviews r JOIN schools s ON s.id = r.school_id JOIN districts d ON d.id = s.district_id
     WHERE d.double_district_id = ? AND r.decided_on BETWEEN ? AND ? ORDER BY r.decided_on, r.id`,
  );
  const stageDecisions = db.prepare(
    `SELECT k.id, k.concern_id AS concernId, c.school_id AS schoolId, s.name AS school, k.to_stage AS "to",
            k.reason, k.decided_by_id AS decidedById, k.decided_on AS decidedOn
     FROM concern_stage_decisions k JOIN concerns c ON c.id = k.concern_id JOIN schools s ON s.id = c.school_id
     JOIN districts d ON d.id = s.district_id
     WHERE d.double_district_id = ? AND k.decided_on BETWEEN ? AND ? ORDER BY k.decided_on, k.id`,
  );
  const nameMeeting = db.prepare('UPDATE concern_stage_decisions SET meeting = ? WHERE id = ?');

  const attendeesOf = (area: Area, kind: MeetingKind): Attendee[] => [
    ...(kind === 'District Intervention/Resource Group' && head
      ? [{ name: head.name, role: 'Head of SID (chair)' }]
      : []),
    ...(area.dsim ? [{ name: area.dsim.name, role: 'DSIM' }] : []),
    ...(kind === 'District Intervention/Resource Group'
      ? [{ name: 'Gwen Marsh', role: 'Deputy Head of SID (Primary)' }, FINANCE, JFU]
      : [
          { name: 'Priya Shah', role: 'District attendance co-ordinator' },
          { name: 'Tom Baker', role: 'District SEN co-ordinator' },
        ]),
  ];
  const add = (
    area: Area,
    kind: MeetingKind,
    heldOn: string,
    text: { agenda: string; minutes: string },
  ): number =>
    Number(
      insertMeeting.run({
        heldOn,
        kind,
        doubleDistrictId: area.id,
        attendees: JSON.stringify(attendeesOf(area, kind)),
        ...text,
      }).lastInsertRowid,
    );
  const watched = (area: Area) => random.shuffle(area.schools).slice(0, 3);

  // This term and the two before it, as a new file has them (the default dates).
  const current = termOf(today);
  const terms: TermDates[] = [-2, -1, 0].map((n) => {
    const ref = shiftTerm(current, n);
    return defaultTermDates(ref.academicYear).find((t) => t.term === ref.term)!;
  });

  for (const area of areas) {
    for (const t of terms) {
      const label = termLabel(t);
      for (const half of [t.startsOn, t.secondHalfOn]) {
        const on = thursdayBefore(addDays(half, 24));
        if (on >= today) continue;
        add(area, 'District Focus Group', on, {
          agenda:
            '1. Monitoring information from the district co-ordinators\n2. School profiles\n3. Any cause for concern',
          minutes: `Profiles updated from attendance, exclusions and budget returns. ${
            watched(area).join(', ') || 'No school'
          } discussed; nothing further to refer to the group this half-term.`,
        });
      }
      const last = t.endsOn < today ? t.endsOn : addDays(today, -1);
      const decided = stageDecisions.all(area.id, t.startsOn, last) as Array<
        StageDecision & { decidedOn: string }
      >;
      const confirmed = categoryDecisions.all(area.id, t.startsOn, last) as CategoryDecision[];
      const heldOn =
        decided.at(-1)?.decidedOn ?? busiestDay(confirmed) ?? thursdayBefore(addDays(t.endsOn, -21));
      if (heldOn >= today) continue;
      const atMeeting = decided.filter((d) => d.decidedOn === heldOn);
      const categoriesAt = confirmed.filter((c) => c.decidedOn === heldOn);
      const id = add(area, 'District Intervention/Resource Group', heldOn, {
        agenda: `1. Category review, ${label}\n2. Progress of schools causing concern\n3. Intervention projects: impact and funding\n4. Spending against the fund`,
        minutes: [
          `Categories reviewed in the light of the SIPs' reports; no disagreement outstanding.`,
          ...categoriesAt.map((c) => `${c.school}: category ${c.category} confirmed.`),
          ...atMeeting.map((d) => `${d.school}: ${d.reason}. The group moved the concern to Stage ${d.to}.`),
          `Projects reviewed against their RAG reports; spending within the fund.`,
        ].join('\n'),
      });
      const title = meetingTitle({ kind: 'District Intervention/Resource Group', heldOn });
      const appliedAt = `${heldOn}T16:00:00.000Z`;
      const by = head?.name ?? 'Demo';
      categoriesAt.forEach((c, position) =>
        insertDecision.run(
          id,
          position,
          'category',
          c.schoolId,
          c.id,
          JSON.stringify({ category: c.category, notes: c.notes }),
          appliedAt,
          by,
        ),
      );
      atMeeting.forEach((d, i) => {
        insertDecision.run(
          id,
          categoriesAt.length + i,
          'stage',
          d.schoolId,
          d.concernId,
          JSON.stringify({ to: d.to, reason: d.reason, decidedById: d.decidedById }),
          appliedAt,
          by,
        );
        nameMeeting.run(title, d.id);
      });
    }
    const next = thursdayBefore(addDays(today, 16));
    add(area, 'District Intervention/Resource Group', next, {
      agenda: `1. Category review\n2. Progress of schools causing concern: ${
        area.schools.slice(0, 4).join(', ') || 'none open'
      }\n3. Funding requests\n4. Papers for ${formatDate(next)}`,
      minutes: '',
    });
  }
}
