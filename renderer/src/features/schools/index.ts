/** What the rest of the app may use from the schools feature. */
export { SchoolPage } from './SchoolPage';
export { forgetFilter, SchoolsList } from './SchoolsList';
