import { lazy } from 'react';

/** What the rest of the app may use from the schools feature. */
export { forgetFilter, SchoolsList, showSchoolsWith } from './SchoolsList';

// A school's page, with its timeline and every record's form, is downloaded when first opened: the
// app opens on the list, whose first row should not wait for them.
export const SchoolPage = lazy(() => import('./SchoolPage').then((m) => ({ default: m.SchoolPage })));
