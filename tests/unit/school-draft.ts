import type { SchoolDraft } from '../../shared/domain/school';

/** A school as the form sends it, meeting every rule once read (spaces trimmed, DfE number slashed). */
export const goodSchoolDraft: SchoolDraft = {
  dfe: '8602001',
  urn: '124004',
  name: ' Stafford Nursery School ',
  type: 'community',
  phase: 'nursery',
  districtId: 1,
  diocese: '',
  numberOnRoll: '67',
  headteacher: 'Dr Joanne Hollins',
  chairOfGovernors: '',
  sipId: null,
  postcode: 'ST16 8JJ',
};
