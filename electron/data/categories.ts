import {
  categoryLabels,
  categoryProposal,
  type CategoryDecision,
  type CategoryProposal,
} from '../../shared/api/categories';
import type { ProposalSource, SupportLevel } from '../../shared/domain/categories';
import { formatDate } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export interface StoredCategory {
  id: number;
  schoolId: number;
  proposedOn: string;
  source: ProposalSource;
  proposedById: number | null;
  proposedBy: string | null;
  proposedCategory: number;
  evidence: string;
  decidedOn: string | null;
  confirmedCategory: number | null;
  decisionNotes: string | null;
  supportOverride: SupportLevel | null;
  overrideReason: string | null;
}

const SELECT = `
  SELECT c.id, c.school_id AS schoolId, c.proposed_on AS proposedOn, c.source, c.proposed_by_id AS proposedById,
         p.name AS proposedBy, c.proposed_category AS proposedCategory, c.evidence, c.decided_on AS decidedOn,
         c.confirmed_category AS confirmedCategory, c.decision_notes AS decisionNotes,
         c.support_override AS supportOverride, c.override_reason AS overrideReason
  FROM category_reviews c LEFT JOIN people p ON p.id = c.proposed_by_id`;

export function categoriesOf(db: Db, schoolId: number): StoredCategory[] {
  return prepared(db, `${SELECT} WHERE c.school_id = ? ORDER BY c.proposed_on DESC, c.id DESC`).all(
    schoolId,
  ) as StoredCategory[];
}

export function recordDecision(db: Db, id: number, d: CategoryDecision): void {
  prepared(
    db,
    `UPDATE category_reviews SET decided_on = @decidedOn, confirmed_category = @category, decision_notes = @notes,
       support_override = @supportOverride, override_reason = @overrideReason WHERE id = @id`,
  ).run({
    ...d,
    id,
    notes: d.notes.trim() || null,
    overrideReason: d.supportOverride === null ? null : d.overrideReason.trim(),
  });
}

const proposalParams = (p: CategoryProposal) => ({ ...p, evidence: p.evidence.trim() });

export const categories: RecordTable<StoredCategory, CategoryProposal> = {
  entity: 'category',
  rules: categoryProposal,
  labels: categoryLabels,
  get: (db, id) => prepared(db, `${SELECT} WHERE c.id = ?`).get(id) as StoredCategory | undefined,
  insert: (db, p) =>
    Number(
      prepared(
        db,
        `INSERT INTO category_reviews (school_id, proposed_on, source, proposed_by_id, proposed_category, evidence)
           VALUES (@schoolId, @proposedOn, @source, @proposedById, @category, @evidence)`,
      ).run(proposalParams(p)).lastInsertRowid,
    ),
  update: (db, id, p) =>
    void prepared(
      db,
      `UPDATE category_reviews SET school_id = @schoolId, proposed_on = @proposedOn, source = @source,
           proposed_by_id = @proposedById, proposed_category = @category, evidence = @evidence WHERE id = @id`,
    ).run({ ...proposalParams(p), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM category_reviews WHERE id = ?').run(id),
  restore: (db, c) =>
    void prepared(
      db,
      `INSERT INTO category_reviews (id, school_id, proposed_on, source, proposed_by_id, proposed_category, evidence,
           decided_on, confirmed_category, decision_notes, support_override, override_reason)
         VALUES (@id, @schoolId, @proposedOn, @source, @proposedById, @proposedCategory, @evidence,
           @decidedOn, @confirmedCategory, @decisionNotes, @supportOverride, @overrideReason)`,
    ).run(c),
  describe: (c) => ({
    'Proposed on': formatDate(c.proposedOn),
    Source: c.source,
    'Proposed by': c.proposedBy,
    'Proposed category': String(c.proposedCategory),
    Evidence: c.evidence,
    'Decided on': c.decidedOn && formatDate(c.decidedOn),
    'Confirmed category': c.confirmedCategory === null ? null : String(c.confirmedCategory),
    'Decision notes': c.decisionNotes,
    'Support level set to': c.supportOverride,
    'Reason for the support level': c.overrideReason,
  }),
  schoolOf: (c) => c.schoolId,
  title: (c) => `category ${c.proposedCategory} proposal of ${formatDate(c.proposedOn)}`,
};
