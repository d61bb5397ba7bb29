import { z } from 'zod';
import { download, id, op } from './common';

/**
 * The District Intervention/Resource Group's paper pack for a meeting: generated in one step as a
 * workbook and a PDF of the same content, and saved with the meeting as presented.
 */
export const paperRow = z.object({
  id,
  meetingId: id,
  /** An instant (ISO); shown in London time. */
  generatedAt: z.string(),
  generatedBy: z.string(),
  workbookBytes: z.number(),
  pdfBytes: z.number(),
  /** The date of the meeting whose papers these were compared with; null for a first pack. */
  comparedWith: z.string().nullable(),
  /** The latest papers of a meeting are the ones presented, and the next pack compares with them. */
  presented: z.boolean(),
});
export type PaperRow = z.infer<typeof paperRow>;

export const papersOps = {
  /** Gathers the pack's content, writes the workbook and the PDF, and saves them with the meeting. */
  'papers.generate': op(
    z.object({ meetingId: id }).strict(),
    z.object({
      paperId: id,
      meetingId: id,
      /** The date of the meeting compared with, or null for the first pack. */
      comparedWith: z.string().nullable(),
    }),
  ),
  'papers.list': op(z.object({ meetingId: id }).strict(), z.array(paperRow)),
  'papers.download': op(z.object({ paperId: id, format: z.enum(['xlsx', 'pdf']) }).strict(), download),
};
