import { concernLetterLabels, type concernLettersOps } from '../../shared/api/concern-letters';
import { ApiError } from '../../shared/api/errors';
import { chooseContact, draftLetter, notificationOf } from '../../shared/domain/concern-letter';
import { formatDate, londonDate } from '../../shared/domain/format';
import {
  addresseesOf,
  concernLetters,
  contactCandidates,
  letterPdf as storedPdf,
  lettersOf,
} from '../data/concern-letters';
import { concerns, recordNotification, type StoredConcern } from '../data/concerns';
import { changeRecord, notFound, saveRecord, write } from '../data/write';
import { letterPdf } from '../pdf/letter';
import type { Ctx, HandlersOf } from './context';
import { refuseFields } from './refusals';

const today = (ctx: Ctx) => londonDate(ctx.now());

function requireConcern(ctx: Ctx, id: number): StoredConcern {
  const found = concerns.get(ctx.db, id);
  if (!found) throw notFound('concern', id);
  return found;
}

/** A letter goes only about an open concern, dated no later than today and no earlier than it opened. */
function checkLetter(ctx: Ctx, concern: StoredConcern, datedOn: string): void {
  const errors: Record<string, string> = {};
  if (concern.closedOn !== null) errors.form = 'This concern is closed: no letter can be written about it';
  else if (datedOn > today(ctx)) errors.datedOn = 'A letter cannot be dated in the future';
  else if (datedOn < concern.openedOn)
    errors.datedOn = `This cannot be before the concern opened on ${formatDate(concern.openedOn)}`;
  refuseFields(errors, concernLetterLabels);
}

/**
 * A concern the school has been sent a letter about was not entered in error: deleting it would take
 * the letters with it, past any undo. It is closed instead.
 */
export function refuseIfLettered(ctx: Ctx, concernId: number): void {
  if (lettersOf(ctx.db, concernId).length > 0)
    throw new ApiError({
      code: 'rejected',
      message:
        'The school has been sent a letter about this concern, so it cannot be deleted: close the concern instead.',
    });
}

export const concernLettersHandlers: HandlersOf<typeof concernLettersOps> = {
  'concernLetters.draft': ({ concernId }, s) => {
    const ctx = s.ctx();
    const concern = requireConcern(ctx, concernId);
    const candidates = contactCandidates(ctx.db, concern.id, concern.schoolId);
    const text = draftLetter({
      ...concern,
      ...addresseesOf(ctx.db, concern.schoolId),
      contact: chooseContact(candidates),
      headOfSid: candidates.headOfSid,
    });
    return { concernId, datedOn: today(ctx), ...text };
  },
  'concernLetters.save': async ({ id, draft }, s) => {
    const ctx = s.ctx();
    const concern = requireConcern(ctx, draft.concernId);
    checkLetter(ctx, concern, draft.datedOn);
    // The PDF is made before the write lock is taken, so other writers do not wait on it; the write
    // then refuses if the concern moved stage meanwhile, as the letter would tell the wrong stage.
    const pdf = await letterPdf({ ...draft, school: concern.school, stage: concern.stage });
    return write(ctx, () => {
      const now = requireConcern(ctx, draft.concernId);
      const saved = saveRecord(
        ctx,
        concernLetters,
        id,
        { ...draft, stage: now.stage, pdf },
        {
          check: (before) => {
            checkLetter(ctx, now, draft.datedOn);
            if (before && before.concernId !== draft.concernId)
              refuseFields(
                { form: 'A letter stays with the concern it was written about' },
                concernLetterLabels,
              );
            if (before && before.stage !== now.stage)
              refuseFields(
                {
                  form: `This letter told of Stage ${before.stage}; the concern is now at Stage ${now.stage}: write a new letter`,
                },
                concernLetterLabels,
              );
            if (now.stage !== concern.stage)
              throw new ApiError({
                code: 'conflict',
                message: `The concern moved to Stage ${now.stage} while the letter was being made: save it again.`,
              });
          },
          summary: (after, before) =>
            `${before ? 'Corrected' : 'Wrote'} the ${concernLetters.title(after)} (Stage ${after.stage})`,
        },
      );
      // The concern records the latest letter (a corrected older one leaves it be): the date the
      // school was told and at which stage.
      const latest = lettersOf(ctx.db, now.id)[0]!;
      changeRecord(
        ctx,
        concerns,
        now.id,
        'edit',
        () => recordNotification(ctx.db, now.id, latest.datedOn, notificationOf(latest)),
        (after) =>
          `Told the headteacher and chair of governors of ${after.school} by letter that the school causes concern`,
      );
      return saved;
    });
  },
  'concernLetters.list': ({ concernId }, s) => {
    const ctx = s.ctx();
    requireConcern(ctx, concernId);
    return lettersOf(ctx.db, concernId);
  },
  'concernLetters.download': ({ id }, s) => {
    const found = storedPdf(s.ctx().db, id);
    if (!found) throw notFound('concern-letter', id);
    return {
      // A school's name may hold a character no file name can.
      fileName: `Notification letter ${found.school.replace(/[\\/:*?"<>|]/g, '')} ${found.datedOn}.pdf`,
      dataBase64: Buffer.from(found.pdf).toString('base64'),
    };
  },
};
