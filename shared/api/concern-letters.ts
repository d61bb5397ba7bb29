import { z } from 'zod';
import { isoDate, longText } from '../domain/fields';
import { stage } from './concerns';
import { byId, download, id, op, saveOf } from './common';

const required = (max: number) =>
  longText(max).refine((t) => t.trim() !== '', { message: 'This is required' });

/** A notification letter as the user leaves it: dated, to whom, what it says, and whom to contact. */
export const concernLetterDraft = z
  .object({
    concernId: id,
    datedOn: isoDate,
    addressee: required(600),
    body: required(12000),
    contact: required(600),
  })
  .strict();
export type ConcernLetterDraft = z.infer<typeof concernLetterDraft>;

/** A saved letter, without its PDF (fetched on its own by `concernLetters.download`). */
export const concernLetterRow = concernLetterDraft.extend({
  id,
  /** The stage the letter told the school of: the concern's stage when it was saved. */
  stage,
  school: z.string(),
});
export type ConcernLetterRow = z.infer<typeof concernLetterRow>;

export const concernLetterLabels = {
  concernId: 'Concern',
  datedOn: 'Letter date',
  addressee: 'To',
  body: 'Letter',
  contact: 'Contact',
};

export const concernLettersOps = {
  /** The letter's default words, drafted from the concern as it stands today, for the user to edit. */
  'concernLetters.draft': op(z.object({ concernId: id }).strict(), concernLetterDraft),
  /**
   * Saves the letter with its PDF and records on the concern that the school was told. With an id it
   * corrects a letter (a slip found before it went out): the PDF is made again and both are audited.
   */
  'concernLetters.save': op(saveOf(concernLetterDraft), concernLetterRow),
  /** The concern's letters, the latest first. */
  'concernLetters.list': op(z.object({ concernId: id }).strict(), z.array(concernLetterRow)),
  'concernLetters.download': op(byId, download),
};
