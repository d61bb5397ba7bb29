/** What the rest of the app may use from the meetings feature. */
export { MeetingPage } from './MeetingPage';
export { MeetingsList } from './MeetingsList';
