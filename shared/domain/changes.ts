export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Field-by-field differences between two labelled records, in the order of `after`'s labels. */
export function diffRecords(
  before: Record<string, string | null> | null,
  after: Record<string, string | null>,
): FieldChange[] {
  return Object.entries(after)
    .map(([field, value]) => ({ field, before: before?.[field] ?? null, after: value }))
    .filter((change) => change.before !== change.after);
}

/** A school as the register labels it: the same words the workbook and the history use. */
export function describeSchool(school: {
  dfe: string;
  urn: number | null;
  name: string;
  type: string | null;
  phase: string;
  district: string;
  diocese: string | null;
  numberOnRoll: number | null;
  headteacher: string | null;
  chairOfGovernors: string | null;
  sip: string | null;
  postcode: string | null;
}): Record<string, string | null> {
  const str = (value: number | null) => (value === null ? null : String(value));
  return {
    'DfE No': school.dfe,
    URN: str(school.urn),
    'School name': school.name,
    Type: school.type,
    Phase: school.phase,
    District: school.district,
    Diocese: school.diocese,
    'Number on roll': str(school.numberOnRoll),
    Headteacher: school.headteacher,
    'Chair of governors': school.chairOfGovernors,
    SIP: school.sip,
    Postcode: school.postcode,
  };
}
