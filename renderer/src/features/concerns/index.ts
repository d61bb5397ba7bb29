/** What the rest of the app may use from the concerns feature. */
export { ConcernPage } from './ConcernPage';
export { ConcernRegister } from './ConcernRegister';
export { SchoolConcern } from './SchoolConcern';
