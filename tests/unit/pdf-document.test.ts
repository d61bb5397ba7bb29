import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/pdf/document';
import { pdfPages } from './pdf-text';

describe('the PDF page furniture', () => {
  it('marks every page CONFIDENTIAL with the date and Page N of M, and repeats a long table header', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      cells: [`School ${i + 1}`, '2026-12-03', 123456 * (i + 1), i],
      highlight: i === 5,
    }));
    const file = await renderPdf(
      { title: 'Test pack', dated: '2026-12-03', orientation: 'landscape' },
      (pdf) => {
        pdf.heading('First section');
        pdf.paragraph('A paragraph before the table.');
        pdf.subheading('Schools visited');
        pdf.table(
          [
            { label: 'School name', width: 3 },
            { label: 'Visited', width: 1, kind: 'date' },
            { label: 'Spent', width: 1, kind: 'money' },
            { label: 'Count', width: 1, kind: 'count' },
          ],
          rows,
        );
        pdf.newPage();
        pdf.heading('Second section');
      },
    );
    const pages = await pdfPages(file);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(text).toContain('CONFIDENTIAL');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('03/12/2026');
    });
    const tablePages = pages.slice(0, -1);
    for (const text of tablePages) expect(text).toContain('School name');
    // Every row appears once, whole, on exactly one page; money as the LA writes it.
    for (let i = 1; i <= 120; i++)
      expect(pages.filter((text) => new RegExp(`School ${i} `).test(text))).toHaveLength(1);
    expect(pages.join(' ')).toContain('£1,234.56');
    expect(pages[0]).toContain('First section');
    expect(pages[0]).toMatch(/First section.*A paragraph before the table\..*Schools visited.*School name/);
    expect(pages.at(-1)).toContain('Second section');
    expect(pages.at(-1)).not.toContain('School name');
  });

  it('keeps a heading on the page where the table under it starts, however tall its first row', async () => {
    const tall = Array.from({ length: 30 }, (_, i) => `reason ${i + 1}`).join('; ');
    for (let filler = 18; filler <= 32; filler += 1) {
      const file = await renderPdf(
        { title: 'Test pack', dated: '2026-12-03', orientation: 'landscape' },
        (pdf) => {
          pdf.heading('Schools causing concern');
          for (let i = 0; i < filler; i++) pdf.paragraph(`Line ${i + 1} of the section's opening.`);
          pdf.subheading('Stage 1 – watching brief');
          pdf.table(
            [
              { label: 'School name', width: 1 },
              { label: 'Reasons', width: 1 },
            ],
            [{ cells: ['Abbots Bromley', tall] }],
          );
        },
      );
      const pages = await pdfPages(file);
      const at = pages.findIndex((text) => text.includes('Stage 1 – watching brief'));
      expect(pages[at]).toMatch(/Stage 1 – watching brief.*School name.*Abbots Bromley/);
    }
  });
});
