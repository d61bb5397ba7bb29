import type { SheetLayout } from '../layout';

/**
 * The LA's register of schools (resources/templates/schools-register.xlsx), described once: the
 * reader finds these labels wherever staff have moved them, and the writer fills the template's
 * columns under the same labels. Each field is the school form's, checked by the same rules.
 */
export const SCHOOLS_SHEET = {
  sheet: 'Schools',
  columns: [
    { field: 'dfe', label: 'DfE No', kind: 'text', required: true },
    { field: 'urn', label: 'URN', kind: 'whole' },
    { field: 'name', label: 'School name', kind: 'text', required: true },
    { field: 'type', label: 'Type', kind: 'text' },
    { field: 'phase', label: 'Phase', kind: 'text', required: true },
    { field: 'district', label: 'District', kind: 'text', required: true },
    { field: 'diocese', label: 'Diocese', kind: 'text' },
    { field: 'numberOnRoll', label: 'Number on roll', kind: 'whole' },
    { field: 'headteacher', label: 'Headteacher', kind: 'text' },
    { field: 'chairOfGovernors', label: 'Chair of governors', kind: 'text' },
    { field: 'sip', label: 'SIP', kind: 'text' },
    { field: 'postcode', label: 'Postcode', kind: 'text' },
  ],
} as const satisfies SheetLayout;

export type SchoolsField = (typeof SCHOOLS_SHEET.columns)[number]['field'];

/** Which double district each district belongs to. */
export const DISTRICTS_SHEET = {
  sheet: 'Districts',
  columns: [
    { field: 'district', label: 'District', kind: 'text', required: true },
    { field: 'doubleDistrict', label: 'Double district', kind: 'text', required: true },
  ],
} as const satisfies SheetLayout;

export type DistrictsField = (typeof DISTRICTS_SHEET.columns)[number]['field'];
