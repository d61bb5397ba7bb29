/** What the rest of the app may use from the partnerships feature. */
export { AgendaPage } from './AgendaPage';
export { PartnershipPage } from './PartnershipPage';
export { PartnershipsPage } from './PartnershipsPage';
export { SchoolPartnerships } from './SchoolPartnerships';
export { StrengthsPage } from './StrengthsPage';
export { SupportReceived } from './SupportReceived';
