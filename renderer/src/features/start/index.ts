/** What the rest of the app may use from the start feature. */
export { StartScreen } from './StartScreen';
