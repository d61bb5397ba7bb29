/** What the rest of the app may use from the backups feature. */
export { BackupsPage } from './BackupsPage';
