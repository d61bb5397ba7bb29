import { askEarly } from './bridge';
import { matchPath } from './route';

// The window's first script is kept small, and waits for no style sheet: it asks for the first
// screen's answers, then fetches React, the app and its styles (boot.tsx). The answers arrive while
// those download and compile, not after.
askEarly('app.state', {});
// An address naming no page opens the schools list (HOME in screens.tsx), the most usual first screen.
const hash = window.location.hash;
if (hash === '' || hash === '#/' || matchPath('schools', hash)) {
  askEarly('schools.list', {});
  askEarly('organisation.get', {});
}
void import('./boot');
