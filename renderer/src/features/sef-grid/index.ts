/** What the rest of the app may use from the SEF grid feature. */
export { SefGridPage } from './SefGridPage';
