import type { Stage } from '../../shared/domain/concerns';
import { formatDate } from '../../shared/domain/format';
import { renderPdf } from './document';

export interface LetterPdf {
  school: string;
  stage: Stage;
  datedOn: string;
  addressee: string;
  body: string;
  contact: string;
}

/**
 * The notification letter as the school receives it: the Division's heading, the date, whom it is to,
 * a subject line naming the school and stage, the words as the user left them (a blank line starts a new paragraph) and whom to contact. The page
 * furniture (CONFIDENTIAL, the date and page numbers) is the same as every other paper's.
 */
export function letterPdf(letter: LetterPdf): Promise<Buffer> {
  return renderPdf({ title: `Notification letter: ${letter.school}`, dated: letter.datedOn }, (pdf) => {
    pdf.heading('Local Authority · School Improvement Division');
    pdf.paragraph(formatDate(letter.datedOn));
    pdf.paragraph(letter.addressee.trim());
    pdf.heading(`${letter.school}: a school causing concern at Stage ${letter.stage}`);
    for (const paragraph of letter.body.trim().split(/\n\s*\n/)) pdf.paragraph(paragraph.trim());
    pdf.heading('Your contact');
    pdf.paragraph(letter.contact.trim());
  });
}
