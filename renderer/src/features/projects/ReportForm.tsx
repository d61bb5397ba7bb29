import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { z } from 'zod';
import { projectLabels, reportDraft, reportRow, type ReportDraft } from '../../../../shared/api/projects';
import { shiftTerm, termLabel, termOf, type TermName } from '../../../../shared/domain/calendar';
import { todayInLondon } from '../../../../shared/domain/format';
import { RAG_RATINGS, type Rag } from '../../../../shared/domain/projects';
import { call } from '../../api';
import { RecordModal, useDraft } from '../../components/RecordModal';
import type { ProjectRecordProps } from './forms';

type Report = z.infer<typeof reportRow>;
type Draft = Omit<ReportDraft, 'overall' | 'ratings'> & {
  overall: Rag | null;
  ratings: Array<{ objective: string; rag: Rag | null }>;
};

/** This term and the five before it, newest first: the terms a report is usually written for. */
function recentTerms() {
  const now = termOf(todayInLondon());
  return Array.from({ length: 6 }, (_, i) => shiftTerm(now, -i));
}
const termKey = (t: { academicYear: number; term: string }) => `${t.academicYear}:${t.term}`;

/** A termly progress report: a RAG rating for each objective and overall, with the evidence of impact. */
export function ReportForm({
  projectId,
  objectives,
  report,
  onClose,
  onSaved,
  onDeleted,
}: ProjectRecordProps & { objectives: readonly string[]; report?: Report | undefined }) {
  const now = termOf(todayInLondon());
  const [draft, set, initial] = useDraft((): Draft => ({
    projectId,
    academicYear: report?.academicYear ?? now.academicYear,
    term: report?.term ?? now.term,
    ratings: objectives.map((objective) => ({
      objective,
      rag: report?.ratings.find((r) => r.objective === objective)?.rag ?? null,
    })),
    overall: report?.overall ?? null,
    impactEvidence: report?.impactEvidence ?? '',
    significantImprovement: report?.significantImprovement ?? false,
  }));
  const terms = recentTerms();
  if (report && !terms.some((t) => termKey(t) === termKey(report))) terms.push(report);
  const unrated = draft.ratings.find((r) => r.rag === null);
  return (
    <RecordModal
      title={report ? `Update the ${report.label} report` : 'Write a termly report'}
      submitLabel={report ? 'Save report' : 'Add report'}
      rules={reportDraft}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('projects.saveReport', { ...(report ? { id: report.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        report
          ? {
              label: 'Delete',
              question: `Delete the ${report.label} report?`,
              run: () => call('projects.deleteReport', { id: report.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Report deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Term"
              required
              data={terms.map((t) => ({ value: termKey(t), label: termLabel(t) }))}
              value={termKey(draft)}
              onChange={(v) => {
                if (!v) return;
                const [year, term] = v.split(':') as [string, TermName];
                set({ academicYear: Number(year), term });
              }}
              allowDeselect={false}
              error={fields.error('term') ?? fields.error('academicYear')}
            />
            <Select
              label="Overall"
              required
              data={[...RAG_RATINGS]}
              value={draft.overall}
              onChange={(v) => set({ overall: v as Rag | null })}
              error={fields.error('overall')}
            />
          </SimpleGrid>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500} mb={4}>
              Each objective
            </Text>
            <Stack gap={6}>
              {draft.ratings.map((r, i) => (
                <Select
                  key={r.objective}
                  label={r.objective}
                  aria-label={`Rating: ${r.objective}`}
                  data={[...RAG_RATINGS]}
                  value={r.rag}
                  onChange={(v) =>
                    set({
                      ratings: draft.ratings.map((x, j) => (j === i ? { ...x, rag: v as Rag | null } : x)),
                    })
                  }
                />
              ))}
            </Stack>
            {fields.error('ratings') && (
              <Text size="xs" c="red" mt={4} role="alert">
                {unrated ? 'Rate every objective' : fields.error('ratings')}
              </Text>
            )}
          </fieldset>
          <Textarea
            label="Impact evidence"
            autosize
            minRows={2}
            value={draft.impactEvidence}
            onChange={(e) => set({ impactEvidence: e.currentTarget.value })}
            error={fields.error('impactEvidence')}
          />
          <Checkbox
            label="Significant improvement this term"
            checked={draft.significantImprovement}
            onChange={(e) => set({ significantImprovement: e.currentTarget.checked })}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
