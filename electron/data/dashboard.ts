import type { Decision } from '../../shared/domain/dashboard';
import { MEETING_KINDS } from '../../shared/domain/meetings';
import type { Db } from './database';
import { prepared } from './prepared';

/** The groups whose meetings decide on interventions (the DIG and the Focus Group): the dashboard shows the next one. */
const GROUP_KINDS = MEETING_KINDS.slice(0, 2);

export interface NextMeeting {
  id: number;
  heldOn: string;
  kind: string;
  doubleDistrict: string | null;
}

/**
 * The next group meeting on or after a day for a double district, a county-wide one included; for
 * the whole LA (null), the next of any.
 */
export function nextGroupMeeting(db: Db, doubleDistrictId: number | null, from: string): NextMeeting | null {
  const row = prepared(
    db,
    `SELECT m.id, m.held_on AS heldOn, m.kind, dd.name AS doubleDistrict
     FROM meetings m LEFT JOIN double_districts dd ON dd.id = m.double_district_id
     WHERE m.held_on >= @from AND m.kind IN (${GROUP_KINDS.map((k) => `'${k}'`).join(', ')})
       AND (@dd IS NULL OR m.double_district_id IS NULL OR m.double_district_id = @dd)
     ORDER BY m.held_on, m.id LIMIT 1`,
  ).get({ from, dd: doubleDistrictId }) as NextMeeting | undefined;
  return row ?? null;
}

/**
 * Every category decision made by a day, as the schools list reads them (the confirmed category of a
 * decided review, null when none was confirmed): the category chart works out each term from these.
 */
export function categoryDecisionsUntil(db: Db, until: string): Decision[] {
  return prepared(
    db,
    `SELECT school_id AS schoolId, decided_on AS decidedOn, confirmed_category AS category
     FROM category_reviews WHERE decided_on IS NOT NULL AND decided_on <= ? ORDER BY school_id, decided_on, id`,
  ).all(until) as Decision[];
}

/** Double districts by name, for the fund's figures. */
export function doubleDistrictNames(db: Db): Array<{ id: number; name: string }> {
  return prepared(db, 'SELECT id, name FROM double_districts ORDER BY name').all() as Array<{
    id: number;
    name: string;
  }>;
}
