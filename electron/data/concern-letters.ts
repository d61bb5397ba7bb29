import { z } from 'zod';
import {
  concernLetterDraft,
  concernLetterLabels,
  type ConcernLetterRow,
} from '../../shared/api/concern-letters';
import { stage } from '../../shared/api/concerns';
import type { ContactCandidates } from '../../shared/domain/concern-letter';
import { formatDate } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

/** What is stored: the letter as the user left it, the stage it told of, and the PDF made from it. */
const storedLetterDraft = concernLetterDraft.extend({
  stage,
  pdf: z.custom<Buffer>((v) => Buffer.isBuffer(v)),
});
export type StoredLetterDraft = z.infer<typeof storedLetterDraft>;
export interface StoredLetter extends ConcernLetterRow {
  schoolId: number;
}

const SELECT = `
  SELECT l.id, l.concern_id AS concernId, l.dated_on AS datedOn, l.stage, l.addressee, l.body, l.contact,
         s.name AS school, s.id AS schoolId
  FROM concern_letters l JOIN concerns c ON c.id = l.concern_id JOIN schools s ON s.id = c.school_id`;

export const lettersOf = (db: Db, concernId: number): StoredLetter[] =>
  prepared(db, `${SELECT} WHERE l.concern_id = ? ORDER BY l.dated_on DESC, l.id DESC`).all(
    concernId,
  ) as StoredLetter[];

export function letterPdf(db: Db, id: number): { pdf: Buffer; school: string; datedOn: string } | undefined {
  return prepared(
    db,
    `SELECT l.pdf, s.name AS school, l.dated_on AS datedOn
       FROM concern_letters l JOIN concerns c ON c.id = l.concern_id JOIN schools s ON s.id = c.school_id
      WHERE l.id = ?`,
  ).get(id) as { pdf: Buffer; school: string; datedOn: string } | undefined;
}

/** Whom the letter is addressed to, from the school's record. */
export function addresseesOf(
  db: Db,
  schoolId: number,
): { headteacher: string | null; chairOfGovernors: string | null } {
  return prepared(
    db,
    `SELECT NULLIF(TRIM(headteacher), '') AS headteacher, NULLIF(TRIM(chair_of_governors), '') AS chairOfGovernors
       FROM schools WHERE id = ?`,
  ).get(schoolId) as { headteacher: string | null; chairOfGovernors: string | null };
}

/**
 * The people the data offers as the school's contact. The file does not say which DSIM holds which
 * double district, so the DSIM is the one who last visited a school of this double district as DSIM;
 * the assigned officer is the one who last visited this school in that role.
 */
export function contactCandidates(db: Db, concernId: number, schoolId: number): ContactCandidates {
  const name = (sql: string, ...args: unknown[]) =>
    (prepared(db, sql).get(...args) as { name: string } | undefined)?.name ?? null;
  const lastVisitorAs = (role: string, schools: string) =>
    name(
      `SELECT p.name FROM visits v JOIN people p ON p.id = v.visitor_id
        WHERE v.role = ? AND v.school_id IN (${schools}) ORDER BY v.visited_on DESC, v.id DESC LIMIT 1`,
      role,
      schoolId,
    );
  return {
    projectLead: name(
      `SELECT o.name FROM projects p JOIN people o ON o.id = p.lead_officer_id
        WHERE p.concern_id = ? AND p.status <> 'Closed' ORDER BY p.started_on DESC, p.id DESC LIMIT 1`,
      concernId,
    ),
    assignedOfficer: lastVisitorAs('Assigned officer', '?'),
    dsim: lastVisitorAs(
      'DSIM',
      `SELECT s.id FROM schools s JOIN districts d ON d.id = s.district_id
        WHERE d.double_district_id = (SELECT d2.double_district_id FROM schools s2
                                        JOIN districts d2 ON d2.id = s2.district_id WHERE s2.id = ?)`,
    ),
    sip: name('SELECT p.name FROM schools s JOIN people p ON p.id = s.sip_id WHERE s.id = ?', schoolId),
    headOfSid: name(
      `SELECT p.name FROM people p JOIN person_roles r ON r.person_id = p.id
        WHERE r.role = 'Head of SID' ORDER BY p.id LIMIT 1`,
    ),
  };
}

const trimmed = (d: StoredLetterDraft) => ({
  ...d,
  addressee: d.addressee.trim(),
  body: d.body.trim(),
  contact: d.contact.trim(),
});

/** Letters are kept as sent: corrected at most, never deleted (they go only with their concern). */
export const concernLetters: RecordTable<StoredLetter, StoredLetterDraft> = {
  entity: 'concern-letter',
  rules: storedLetterDraft,
  labels: concernLetterLabels,
  get: (db, id) => prepared(db, `${SELECT} WHERE l.id = ?`).get(id) as StoredLetter | undefined,
  insert: (db, d) =>
    Number(
      prepared(
        db,
        `INSERT INTO concern_letters (concern_id, dated_on, stage, addressee, body, contact, pdf)
         VALUES (@concernId, @datedOn, @stage, @addressee, @body, @contact, @pdf)`,
      ).run(trimmed(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE concern_letters SET dated_on = @datedOn, stage = @stage, addressee = @addressee, body = @body,
         contact = @contact, pdf = @pdf WHERE id = @id`,
    ).run({ ...trimmed(d), id }),
  describe: (l) => ({
    School: l.school,
    'Letter date': formatDate(l.datedOn),
    Stage: `Stage ${l.stage}`,
    To: l.addressee,
    Letter: l.body,
    Contact: l.contact,
  }),
  schoolOf: (l) => l.schoolId,
  title: (l) => `notification letter of ${formatDate(l.datedOn)} to ${l.school}`,
};
