/** What the rest of the app may use from the organisation feature. */
export { OrganisationPage } from './OrganisationPage';
