import { SCHOOL_LABELS } from '../domain/school';
import { termLabels } from './calendar';
import { categoryLabels } from './categories';
import { concernLabels } from './concerns';
import { brokerageLabels } from './brokerage';
import { effectivenessProfileLabels } from './effectiveness-profiles';
import { partnershipLabels } from './partnerships';
import { fundLabels } from './funds';
import { ofstedLabels } from './ofsted';
import { followUpLabels } from './ofsted-follow-up';
import { organisationLabels } from './organisation';
import { profileLabels } from './profiles';
import { projectLabels } from './projects';
import { sefLabels } from './sef';
import { visitLabels } from './visits';
import { warningNoticeLabels } from './warning-notices';

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
  ...concernLabels,
  ...warningNoticeLabels,
  ...followUpLabels,
  ...projectLabels,
  ...fundLabels,
  ...effectivenessProfileLabels,
  ...partnershipLabels,
  ...brokerageLabels,
};
