/** What the rest of the app may use from the monitoring feature. */
export { DeadlinesPanel } from './DeadlinesPanel';
export { MonitoringPage, showMonitoringFor } from './MonitoringPage';
export { SchoolMonitoring } from './SchoolMonitoring';
export { SupportBadge } from './SupportBadge';
