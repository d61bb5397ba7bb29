import type { Framework } from '../../../shared/domain/sef';
import type { SheetLayout } from '../layout';

/** The field of a judgement's column: its code, kept apart from the fixed fields. */
export const gradeField = (code: string) => `grade:${code}`;

/**
 * The LA's SEF grid (resources/templates/sef-grid.xlsx): one row per school, one column per
 * judgement of the framework in use, described once for the reader and the writer. The school's
 * name, phase and district are written for people to read and never read back: the DfE number
 * says which school a row is.
 */
export function sefGridLayout(framework: Framework): SheetLayout {
  const grades = framework.judgements.map((j) => ({
    field: gradeField(j.code),
    label: j.label,
    kind: 'grade' as const,
    required: !j.optional,
  }));
  return {
    sheet: 'SEF grid',
    titles: { doubleDistrict: 'Double district', term: 'Term' },
    columns: [
      { field: 'dfe', label: 'DfE No', kind: 'text', required: true },
      { field: 'name', label: 'School', kind: 'text', exportOnly: true },
      { field: 'phase', label: 'Phase', kind: 'text', exportOnly: true },
      { field: 'district', label: 'District', kind: 'text', exportOnly: true },
      { field: 'sefOn', label: 'SEF date', kind: 'date', required: true },
      { field: 'validated', label: 'Validated by SIP', kind: 'yesNo' },
      ...grades,
    ],
    // A Y/N left on an otherwise empty row is no SEF.
    rowWhen: ['dfe', 'sefOn', ...grades.map((g) => g.field)],
  };
}
