/** What the rest of the app may use from the papers feature: a meeting's papers panel. */
export { MeetingPapers } from './MeetingPapers';
