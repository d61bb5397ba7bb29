import type { Db } from '../database';
import { DIG } from '../papers';

/**
 * The demo's past District Intervention/Resource Group meetings of each double district, oldest
 * first, each with the DSIM among its attendees: DSIMs prepare the group's papers (DOMAIN §1).
 */
export function pastDigMeetings(db: Db, today: string): Array<{ id: number; dsim: string | null }> {
  return db
    .prepare(
      `SELECT m.id, (SELECT json_extract(a.value, '$.name') FROM json_each(m.attendees) a
                     WHERE json_extract(a.value, '$.role') = 'DSIM' LIMIT 1) AS dsim
       FROM meetings m
       WHERE m.kind = ? AND m.double_district_id IS NOT NULL AND m.held_on < ?
       ORDER BY m.held_on, m.id`,
    )
    .all(DIG, today) as Array<{ id: number; dsim: string | null }>;
}
