import type { categoriesOps, CategoryRow } from '../../shared/api/categories';
import { ApiError } from '../../shared/api/errors';
import { isCategory, supportLevel, type Category } from '../../shared/domain/categories';
import { categories, categoriesOf, recordDecision, type StoredCategory } from '../data/categories';
import { changeRecord, deleteRecord, saveRecord } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { requireSchool } from './schools';

/** A proposal with the support level its confirmed category brings. */
export function categoryRow(c: StoredCategory): CategoryRow {
  return {
    ...c,
    supportLevel:
      c.confirmedCategory !== null && isCategory(c.confirmedCategory)
        ? supportLevel({
            category: c.confirmedCategory,
            override: c.supportOverride,
            overrideReason: c.overrideReason,
          })
        : null,
  };
}

export const categoryRowsOf = (ctx: Ctx, schoolId: number) => categoriesOf(ctx.db, schoolId).map(categoryRow);

const decided = () =>
  new ApiError({
    code: 'conflict',
    message: 'The DIG has already decided on this proposal; record a new proposal instead.',
  });

export const categoriesHandlers: HandlersOf<typeof categoriesOps> = {
  /** A proposal can be corrected until the DIG has decided on it; after that, propose again. */
  'categories.propose': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return categoryRow(
      saveRecord(ctx, categories, id, draft, {
        check: (before) => {
          if (before?.decidedOn) throw decided();
          requireSchool(ctx, draft.schoolId);
          if (draft.proposedById !== null) requirePerson(ctx, draft.proposedById, 'proposedById');
        },
        summary: (after, before) =>
          `Category ${after.proposedCategory} ${before ? 'proposal corrected' : 'proposed'} (${after.source})`,
      }),
    );
  },
  'categories.decide': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return categoryRow(
      changeRecord(
        ctx,
        categories,
        id,
        'decide',
        (before) => {
          if (before.decidedOn) throw decided();
          if (draft.decidedOn < before.proposedOn)
            throw new ApiError({
              code: 'invalid_input',
              message: 'The DIG cannot confirm a category before it was proposed.',
              fields: { decidedOn: 'Before the proposal was made' },
            });
          // An "override" to the level the category brings anyway is no override.
          const natural = supportLevel({
            category: draft.category as Category,
            override: null,
            overrideReason: null,
          });
          recordDecision(ctx.db, id, {
            ...draft,
            supportOverride: draft.supportOverride === natural ? null : draft.supportOverride,
          });
        },
        (after) => `DIG confirmed category ${after.confirmedCategory}`,
      ),
    );
  },
  'categories.withdraw': ({ id }, s) =>
    deleteRecord(s.ctx(), categories, id, (before) => {
      if (before.decidedOn)
        throw new ApiError({
          code: 'conflict',
          message: 'A proposal the DIG has decided on stays in the history; it cannot be withdrawn.',
        });
    }),
};
