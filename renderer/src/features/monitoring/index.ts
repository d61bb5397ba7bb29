/** What the rest of the app may use from the monitoring feature. */
export { MonitoringPage } from './MonitoringPage';
export { SchoolMonitoring } from './SchoolMonitoring';
export { SupportBadge } from './SupportBadge';
