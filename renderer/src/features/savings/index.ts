/** What the rest of the app may use from the savings options feature. */
export { SavingsPage } from './SavingsPage';
