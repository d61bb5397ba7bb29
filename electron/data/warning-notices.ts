import {
  warningNoticeDraft,
  warningNoticeLabels,
  type WarningNoticeDraft,
} from '../../shared/api/warning-notices';
import { formatDate } from '../../shared/domain/format';
import type { Power } from '../../shared/domain/warning-notices';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredWarningNotice extends WarningNoticeDraft {
  id: number;
  school: string;
  dfe: string;
}

const SELECT = `
  SELECT w.id, w.school_id AS schoolId, s.name AS school, s.dfe, w.grounds,
         COALESCE(w.grounds_notes, '') AS groundsNotes, w.advised_on AS advisedOn, w.approved_on AS approvedOn,
         w.given_on AS givenOn, w.representations_on AS representationsOn,
         COALESCE(w.ofsted_decision, '') AS ofstedDecision, w.ofsted_decision_on AS ofstedDecisionOn,
         w.compliance_due_on AS complianceDueOn, w.outcome, w.outcome_on AS outcomeOn, w.powers,
         w.ieb_consent_on AS iebConsentOn, COALESCE(w.partner_name, '') AS partnerName,
         w.partnership_form AS partnershipForm, COALESCE(w.notes, '') AS notes
  FROM warning_notices w JOIN schools s ON s.id = w.school_id`;
type Raw = Omit<StoredWarningNotice, 'grounds' | 'powers'> & { grounds: string; powers: string };
const parsed = (r: Raw): StoredWarningNotice => ({
  ...r,
  grounds: JSON.parse(r.grounds) as StoredWarningNotice['grounds'],
  powers: JSON.parse(r.powers) as Power[],
});

/** Newest first (notices not yet given first of all), for a school or a double district. */
export function listWarningNotices(
  db: Db,
  filter: { schoolId?: number | undefined; doubleDistrictId?: number | null | undefined },
): StoredWarningNotice[] {
  const where = ['1 = 1'];
  if (filter.schoolId !== undefined) where.push('w.school_id = @schoolId');
  if (filter.doubleDistrictId != null)
    where.push('s.district_id IN (SELECT id FROM districts WHERE double_district_id = @doubleDistrictId)');
  return (
    db
      .prepare(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY w.given_on IS NOT NULL, w.given_on DESC, w.id DESC`,
      )
      .all({ schoolId: filter.schoolId ?? null, doubleDistrictId: filter.doubleDistrictId ?? null }) as Raw[]
  ).map(parsed);
}

const blank = (text: string) => text.trim() || null;
const params = (d: WarningNoticeDraft) => ({
  ...d,
  grounds: JSON.stringify(d.grounds),
  groundsNotes: blank(d.groundsNotes),
  ofstedDecision: blank(d.ofstedDecision),
  powers: JSON.stringify(d.powers),
  partnerName: blank(d.partnerName),
  notes: blank(d.notes),
});
const COLUMNS = `school_id, grounds, grounds_notes, advised_on, approved_on, given_on, representations_on,
  ofsted_decision, ofsted_decision_on, compliance_due_on, outcome, outcome_on, powers, ieb_consent_on,
  partner_name, partnership_form, notes`;
const VALUES = `@schoolId, @grounds, @groundsNotes, @advisedOn, @approvedOn, @givenOn, @representationsOn,
  @ofstedDecision, @ofstedDecisionOn, @complianceDueOn, @outcome, @outcomeOn, @powers, @iebConsentOn,
  @partnerName, @partnershipForm, @notes`;

const date = (d: string | null) => d && formatDate(d);

export const warningNotices: RecordTable<StoredWarningNotice, WarningNoticeDraft> = {
  entity: 'warning-notice',
  rules: warningNoticeDraft,
  labels: warningNoticeLabels,
  get: (db, id) => {
    const row = db.prepare(`${SELECT} WHERE w.id = ?`).get(id) as Raw | undefined;
    return row && parsed(row);
  },
  insert: (db, d) =>
    Number(
      db.prepare(`INSERT INTO warning_notices (${COLUMNS}) VALUES (${VALUES})`).run(params(d))
        .lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(`UPDATE warning_notices SET (${COLUMNS}) = (${VALUES}) WHERE id = @id`)
      .run({ ...params(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM warning_notices WHERE id = ?').run(id),
  restore: (db, row) =>
    void db
      .prepare(`INSERT INTO warning_notices (id, ${COLUMNS}) VALUES (@id, ${VALUES})`)
      .run({ ...params(row), id: row.id }),
  describe: (w) => ({
    School: w.school,
    Grounds: w.grounds.join('; '),
    'About the grounds': blank(w.groundsNotes),
    'Advised by the group': date(w.advisedOn),
    'Approved by the Head of SID': date(w.approvedOn),
    Given: date(w.givenOn),
    'Representations to Ofsted': date(w.representationsOn),
    "Ofsted's decision": blank(w.ofstedDecision),
    "Date of Ofsted's decision": date(w.ofstedDecisionOn),
    'Compliance date': date(w.complianceDueOn),
    Outcome: w.outcome,
    'Outcome date': date(w.outcomeOn),
    'Powers used': w.powers.join('; ') || null,
    "Secretary of State's consent": date(w.iebConsentOn),
    Partner: blank(w.partnerName),
    'Form of partnership': w.partnershipForm,
    Notes: blank(w.notes),
  }),
  schoolOf: (w) => w.schoolId,
  title: (w) => `warning notice to ${w.school}${w.givenOn ? ` given ${formatDate(w.givenOn)}` : ''}`,
};
