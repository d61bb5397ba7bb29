import { SCHOOL_LABELS } from '../domain/school';
import { termLabels } from './calendar';
import { categoryLabels } from './categories';
import { effectivenessProfileLabels } from './effectiveness-profiles';
import { fundLabels } from './funds';
import { ofstedLabels } from './ofsted';
import { organisationLabels } from './organisation';
import { profileLabels } from './profiles';
import { projectLabels } from './projects';
import { sefLabels } from './sef';
import { visitLabels } from './visits';

/** Every draft field's label, for the one-line summary of a refusal ("Attendance (%): …"). */
export const FIELD_LABELS: Record<string, string> = {
  ...SCHOOL_LABELS,
  ...organisationLabels,
  ...termLabels,
  ...categoryLabels,
  ...sefLabels,
  ...ofstedLabels,
  ...profileLabels,
  ...visitLabels,
  ...projectLabels,
  ...fundLabels,
  ...effectivenessProfileLabels,
};
