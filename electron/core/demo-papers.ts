import { londonDate } from '../../shared/domain/format';
import { pastDigMeetings } from '../data/demo/papers';
import { paperMeeting, storePapers } from '../data/papers';
import { makePapers } from './papers';
import type { Session } from './session';

/**
 * The papers presented at the demo authority's past group meetings, so a demo file's meetings, and
 * the next pack's "since the last meeting", have history. Each double district's are made oldest
 * first: each pack compares with the one before it, and the first says it is a first pack.
 *
 * They are made from the file as it stands, not as at each meeting's date. The demo is born whole
 * and its records hold only where things stand now: a concern's current stage and since when, a
 * school's current category, concerns opened after the meeting. A pack dated back to its meeting
 * would list those later concerns and count days at a stage not yet reached as negative. So each
 * pack's figures are today's, and it says so: "figures as at" today's date.
 *
 * Saved with no entry in the record of changes: like everything else in the demo, nobody made them
 * in this file, which starts with an empty record of changes as any new file does.
 */
export async function fillDemoPapers(session: Session): Promise<void> {
  const { db, now } = session.ctx();
  for (const { id, dsim } of pastDigMeetings(db, londonDate(now()))) {
    const { content, workbook, pdf } = await makePapers(session, paperMeeting(db, id)!);
    storePapers(
      db,
      id,
      { at: now().toISOString(), by: dsim ?? 'Demo' },
      { content: JSON.stringify(content), workbook, pdf },
    );
  }
}
