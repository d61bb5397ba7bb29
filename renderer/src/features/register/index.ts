/** What the rest of the app may use from the register feature. */
export { RegisterPage } from './RegisterPage';
