/** What the rest of the app may use from the projects feature. */
export { FundPage } from './FundPage';
export { ProjectForm } from './ProjectForm';
export { ProjectPage } from './ProjectPage';
export { penceFrom } from './forms';
