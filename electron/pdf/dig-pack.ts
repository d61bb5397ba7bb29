import { STAGE_NAMES, STAGES } from '../../shared/domain/concerns';
import {
  byStage,
  FIRST_PACK,
  packNote,
  summaryRows,
  type DigPackContent,
} from '../../shared/domain/dig-pack';
import { formatDate } from '../../shared/domain/format';
import { renderPdf, type PdfColumn } from './document';

/**
 * The District Intervention/Resource Group's paper pack as a PDF: the workbook's content, section by
 * section, each section starting on its own page so the group can turn to it.
 */
export const PDF_SECTIONS = [
  'Summary',
  'Schools causing concern',
  'Category moderation',
  'Ofsted since the last meeting',
  'Projects and funding',
  'Decisions required',
] as const;

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function writeDigPackPdf(content: DigPackContent, title: string): Promise<Buffer> {
  // The footer carries the date already, so its title is the group and the double district.
  const footer = `${content.meetingKind} papers — ${content.scope}`;
  return renderPdf({ title: footer, dated: content.heldOn, orientation: 'landscape' }, (pdf) => {
    const [summary, concerns, moderation, ofsted, projects, decisions] = PDF_SECTIONS;
    pdf.heading(`${summary}: ${title}`);
    pdf.paragraph(packNote(content));
    pdf.table(
      [
        { label: 'Schools', width: 4 },
        { label: 'Now', width: 1, kind: 'count' },
        { label: 'At the last meeting', width: 1, kind: 'count' },
        { label: 'Change', width: 1 },
      ],
      summaryRows(content.counts, content.countsBefore).map((r) => ({
        cells: [r.measure, r.now, r.before, signed(r.change)],
      })),
    );
    pdf.subheading('What changed since the last meeting');
    if (!content.previous) pdf.paragraph(FIRST_PACK);
    else if (content.changes.length === 0) pdf.paragraph('Nothing has changed since the last meeting.');
    else
      pdf.table(
        [
          { label: 'DfE number', width: 1 },
          { label: 'School', width: 3 },
          { label: 'Change', width: 4 },
        ],
        content.changes.map((c) => ({ cells: [c.dfe, c.school, c.what] })),
      );

    pdf.newPage();
    pdf.heading(concerns);
    const sorted = byStage(content.concerns);
    if (sorted.length === 0) pdf.paragraph('No school is causing concern.');
    for (const stage of [...STAGES].reverse()) {
      const at = sorted.filter((c) => c.stage === stage);
      if (at.length === 0) continue;
      pdf.subheading(`${STAGE_NAMES[stage]} (${at.length === 1 ? '1 school' : `${at.length} schools`})`);
      pdf.table(
        [
          { label: 'School', width: 3 },
          { label: 'Since', width: 1.5, kind: 'date' },
          { label: 'Days', width: 0.8, kind: 'count' },
          { label: 'Reasons', width: 4 },
          { label: 'Duties not kept', width: 3.5 },
          { label: 'Next deadline', width: 2.5 },
          { label: 'Ofsted', width: 1.5 },
          { label: 'RAG', width: 0.9 },
          { label: 'Change since the last meeting', width: 2.5 },
        ],
        at.map((c) => ({
          cells: [
            `${c.school} (${c.dfe})`,
            c.stageSince,
            c.daysAtStage,
            c.reasons,
            c.openDuties.join('; '),
            c.nextDeadline
              ? `${formatDate(c.nextDeadline.on)}: ${c.nextDeadline.what}${c.nextDeadline.overdue ? ' (overdue)' : ''}`
              : '',
            c.ofstedCategory,
            c.rag,
            c.change,
          ],
          highlight: c.nextDeadline?.overdue ?? false,
        })),
      );
    }

    pdf.newPage();
    pdf.heading(moderation);
    pdf.paragraph(
      'Proposals awaiting confirmation. Rows in bold disagree with the current category or Ofsted.',
    );
    if (content.moderation.length === 0) pdf.paragraph('No proposal awaits confirmation.');
    else
      pdf.table(
        [
          { label: 'School', width: 3 },
          { label: 'Proposed on', width: 1.5, kind: 'date' },
          { label: 'Proposed in', width: 1.6 },
          { label: 'Proposed by', width: 1.6 },
          { label: 'Proposal', width: 1.3, kind: 'count' },
          { label: 'Current', width: 1, kind: 'count' },
          { label: 'Ofsted', width: 1, kind: 'count' },
          { label: 'Inspected', width: 1.5, kind: 'date' },
          { label: 'Disagreement', width: 4 },
        ],
        content.moderation.map((p) => ({
          cells: [
            `${p.school} (${p.dfe})`,
            p.proposedOn,
            p.source,
            p.proposedBy,
            p.proposed,
            p.current,
            p.ofsted,
            p.ofstedOn,
            p.disagreement,
          ],
          highlight: p.disagreement !== null,
        })),
      );

    pdf.newPage();
    pdf.heading(ofsted);
    pdf.paragraph(`Inspections and HMI monitoring visits from ${formatDate(content.ofstedSince)}.`);
    if (content.ofsted.length === 0) pdf.paragraph('There have been none.');
    else
      pdf.table(
        [
          { label: 'School', width: 3 },
          { label: 'Date', width: 1.2, kind: 'date' },
          { label: 'Type', width: 2 },
          { label: 'Overall', width: 1, kind: 'count' },
          { label: 'Category or progress', width: 2 },
        ],
        content.ofsted.map((i) => ({
          cells: [`${i.school} (${i.dfe})`, i.on, i.type, i.overall, i.result],
        })),
      );

    pdf.newPage();
    pdf.heading(projects);
    const money = (label: string): PdfColumn => ({ label, width: 1.2, kind: 'money' });
    if (content.projects.length === 0) pdf.paragraph('No project is open.');
    else
      pdf.table(
        [
          { label: 'School', width: 3 },
          { label: 'For', width: 1.3 },
          { label: 'Lead officer', width: 1.6 },
          { label: 'Status', width: 1.3 },
          { label: 'RAG', width: 0.8 },
          { label: 'Review by', width: 1.3, kind: 'date' },
          { label: 'DMT point', width: 1.3, kind: 'date' },
          money('PSS audit'),
          money('PSS monitoring'),
          money('CPD (school)'),
          money('From the fund'),
          money('All costs'),
        ],
        content.projects.map((p) => ({
          cells: [
            `${p.school} (${p.dfe})`,
            p.stage,
            p.leadOfficer,
            p.status,
            p.rag,
            p.reviewOn,
            p.dmtOn,
            p.costs['pss-audit'],
            p.costs['pss-monitoring'],
            p.costs.cpd,
            p.fundPence,
            p.totalPence,
          ],
        })),
      );
    pdf.subheading('Intervention fund');
    pdf.table(
      [
        { label: 'Double district', width: 3 },
        { label: 'Financial year', width: 1.2 },
        money('Allocated'),
        money('Committed'),
        money('Spent'),
        money('Remaining'),
      ],
      content.funds.map((f) => ({
        cells: [
          f.doubleDistrict,
          f.financialYear,
          f.allocationPence,
          f.committedPence,
          f.spentPence,
          f.remainingPence,
        ],
        highlight: f.remainingPence < 0,
      })),
    );

    pdf.newPage();
    pdf.heading(decisions);
    if (content.decisions.length === 0) pdf.paragraph('No decision is required at this meeting.');
    else
      pdf.table(
        [
          { label: 'Decision', width: 2 },
          { label: 'School', width: 3 },
          { label: 'What the group is asked', width: 6 },
          { label: 'Due', width: 1.3, kind: 'date' },
        ],
        content.decisions.map((d) => ({ cells: [d.type, `${d.school} (${d.dfe})`, d.what, d.dueOn] })),
      );
  });
}
