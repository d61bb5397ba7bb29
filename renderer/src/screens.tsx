import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { SchoolPage, SchoolsList } from './features/schools';
import { fillPath, matchPath, type Params } from './route';

// Each screen but the schools list and a school's page is downloaded when first shown: the app opens
// on the list, so the first download holds little more than that, and reaches the first row sooner.
const BackupsPage = lazy(() => import('./features/backups').then((m) => ({ default: m.BackupsPage })));
const BudgetsPage = lazy(() => import('./features/budgets').then((m) => ({ default: m.BudgetsPage })));
const DashboardPage = lazy(() => import('./features/dashboard').then((m) => ({ default: m.DashboardPage })));
const ConcernPage = lazy(() => import('./features/concerns').then((m) => ({ default: m.ConcernPage })));
const ConcernRegister = lazy(() =>
  import('./features/concerns').then((m) => ({ default: m.ConcernRegister })),
);
const MonitoringPage = lazy(() =>
  import('./features/monitoring').then((m) => ({ default: m.MonitoringPage })),
);
const OrganisationPage = lazy(() =>
  import('./features/organisation').then((m) => ({ default: m.OrganisationPage })),
);
const AgendaPage = lazy(() => import('./features/partnerships').then((m) => ({ default: m.AgendaPage })));
const PartnershipPage = lazy(() =>
  import('./features/partnerships').then((m) => ({ default: m.PartnershipPage })),
);
const PartnershipsPage = lazy(() =>
  import('./features/partnerships').then((m) => ({ default: m.PartnershipsPage })),
);
const StrengthsPage = lazy(() =>
  import('./features/partnerships').then((m) => ({ default: m.StrengthsPage })),
);
const FundPage = lazy(() => import('./features/projects').then((m) => ({ default: m.FundPage })));
const MeetingPage = lazy(() => import('./features/meetings').then((m) => ({ default: m.MeetingPage })));
const MeetingsList = lazy(() => import('./features/meetings').then((m) => ({ default: m.MeetingsList })));
const ProjectPage = lazy(() => import('./features/projects').then((m) => ({ default: m.ProjectPage })));
const RegisterPage = lazy(() => import('./features/register').then((m) => ({ default: m.RegisterPage })));
const SavingsPage = lazy(() => import('./features/savings').then((m) => ({ default: m.SavingsPage })));
const SefGridPage = lazy(() => import('./features/sef-grid').then((m) => ({ default: m.SefGridPage })));

/** How a screen moves the user on. */
export interface Navigate {
  go(view: View): void;
  href(view: View): string;
}

interface Screen<P extends string> {
  /** In the address after `#/`, e.g. `schools/:id`. */
  path: P;
  /** Its entry in the main navigation; a screen without one lights up its parent's (`under`). */
  nav?: string;
  under?: string;
  render(params: Params<P>, navigate: Navigate): ReactNode;
}
const screen = <const P extends string>(definition: Screen<P>) => definition;

/**
 * Every screen of an open file, in navigation order. A new screen is added here and nowhere else:
 * the router, the navigation and the address all read this table.
 */
export const SCREENS = {
  dashboard: screen({
    path: 'dashboard',
    nav: 'Dashboard',
    render: (_, { go }) => (
      <DashboardPage
        onOpenSchools={() => go({ kind: 'schools' })}
        onOpenSchool={(id) => go({ kind: 'school', id })}
        onOpenConcern={(id) => go({ kind: 'concern', id })}
        onOpenProject={(id) => go({ kind: 'project', id })}
        onOpenMonitoring={() => go({ kind: 'monitoring' })}
        onOpenFund={() => go({ kind: 'fund' })}
        onOpenMeeting={(id) => go({ kind: 'meeting', id })}
      />
    ),
  }),
  schools: screen({
    path: 'schools',
    nav: 'Schools',
    render: (_, { go, href }) => (
      <SchoolsList
        onOpen={(id) => go({ kind: 'school', id })}
        hrefOf={(id) => href({ kind: 'school', id })}
      />
    ),
  }),
  school: screen({
    path: 'schools/:id',
    under: 'schools',
    render: ({ id }, { go }) => (
      <SchoolPage
        id={id}
        onBack={() => go({ kind: 'schools' })}
        onOpenConcern={(concernId) => go({ kind: 'concern', id: concernId })}
      />
    ),
  }),
  monitoring: screen({
    path: 'monitoring',
    nav: 'Monitoring',
    render: (_, { go }) => (
      <MonitoringPage
        onOpen={(id) => go({ kind: 'school', id })}
        onOpenConcern={(id) => go({ kind: 'concern', id })}
        onOpenProject={(id) => go({ kind: 'project', id })}
      />
    ),
  }),
  concerns: screen({
    path: 'concerns',
    nav: 'Concerns',
    render: (_, { go }) => <ConcernRegister onOpen={(id) => go({ kind: 'concern', id })} />,
  }),
  concern: screen({
    path: 'concerns/:id',
    under: 'concerns',
    render: ({ id }, { go }) => (
      <ConcernPage
        id={id}
        onBack={() => go({ kind: 'concerns' })}
        onOpenSchool={(schoolId) => go({ kind: 'school', id: schoolId })}
        onOpenProject={(projectId) => go({ kind: 'project', id: projectId })}
      />
    ),
  }),
  project: screen({
    path: 'projects/:id',
    under: 'concerns',
    render: ({ id }, { go }) => (
      <ProjectPage
        id={id}
        onOpenSchool={(schoolId) => go({ kind: 'school', id: schoolId })}
        onOpenConcern={(concernId) => go({ kind: 'concern', id: concernId })}
      />
    ),
  }),
  fund: screen({ path: 'fund', nav: 'Intervention fund', render: () => <FundPage /> }),
  meetings: screen({
    path: 'meetings',
    nav: 'Meetings',
    render: (_, { go }) => <MeetingsList onOpen={(id) => go({ kind: 'meeting', id })} />,
  }),
  meeting: screen({
    path: 'meetings/:id',
    under: 'meetings',
    render: ({ id }, { go }) => (
      <MeetingPage
        id={id}
        onBack={() => go({ kind: 'meetings' })}
        onRestored={() => go({ kind: 'meeting', id })}
      />
    ),
  }),
  partnerships: screen({
    path: 'partnerships',
    nav: 'Partnerships',
    render: (_, { go, href }) => (
      <PartnershipsPage
        onOpen={(id) => go({ kind: 'partnership', id })}
        hrefOf={(id) => href({ kind: 'partnership', id })}
      />
    ),
  }),
  partnership: screen({
    path: 'partnerships/:id',
    under: 'partnerships',
    render: ({ id }, { go, href }) => (
      <PartnershipPage
        id={id}
        onBack={() => go({ kind: 'partnerships' })}
        schoolHref={(schoolId) => href({ kind: 'school', id: schoolId })}
      />
    ),
  }),
  strengths: screen({
    path: 'strengths',
    nav: 'Key strengths',
    render: (_, { href }) => <StrengthsPage schoolHref={(id) => href({ kind: 'school', id })} />,
  }),
  barriers: screen({
    path: 'barriers',
    nav: 'Barriers agenda',
    render: (_, { href }) => <AgendaPage schoolHref={(id) => href({ kind: 'school', id })} />,
  }),
  'sef-grid': screen({ path: 'sef-grid', nav: 'SEF grid', render: () => <SefGridPage /> }),
  budgets: screen({ path: 'budgets', nav: 'Budget monitoring', render: () => <BudgetsPage /> }),
  savings: screen({ path: 'savings', nav: 'Savings options', render: () => <SavingsPage /> }),
  register: screen({ path: 'register', nav: 'Register workbook', render: () => <RegisterPage /> }),
  organisation: screen({ path: 'organisation', nav: 'Organisation', render: () => <OrganisationPage /> }),
  backups: screen({ path: 'backups', nav: 'Backups', render: () => <BackupsPage /> }),
};

export type ScreenKind = keyof typeof SCREENS;
export type View = { [K in ScreenKind]: { kind: K } & Params<(typeof SCREENS)[K]['path']> }[ScreenKind];

const KINDS = Object.keys(SCREENS) as ScreenKind[];
const HOME: View = { kind: 'schools' };

export function viewFromHash(hash: string): View {
  for (const kind of KINDS) {
    const params = matchPath(SCREENS[kind].path, hash);
    if (params) return { ...params, kind } as View;
  }
  return HOME;
}

export const hashOf = (view: View): string => fillPath(SCREENS[view.kind].path, view);

export function renderScreen(view: View, navigate: Navigate): ReactNode {
  const { render } = SCREENS[view.kind] as Screen<string>;
  const loading = (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
  return <Suspense fallback={loading}>{render(view as Params<string>, navigate)}</Suspense>;
}

/** The main navigation: each screen with a label, and whether it holds the current view. */
export const navItems = (current: View) =>
  KINDS.flatMap((kind) => {
    const { nav } = SCREENS[kind] as Screen<string>;
    if (!nav) return [];
    const active = current.kind === kind || (SCREENS[current.kind] as Screen<string>).under === kind;
    // A screen in the navigation is reached without parameters (a list, not one record).
    return [{ view: { kind } as View, label: nav, active }];
  });
