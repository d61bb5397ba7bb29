/** What the rest of the app may use from the dashboard feature. */
export { DashboardPage } from './DashboardPage';
