import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ADMINS, APPEAL_HANDLERS, CRIME_ANALYSTS, CRIME_MAP_READERS, IMPORTERS, INDICATOR_DEFINERS, PRECINCT_EDITORS, VALUE_EDITORS } from '../features/auth/roles';
import { RequireRole } from '../features/auth/RequireRole';
import { PATROL_READERS } from '../features/patrol/patrol.api';
import { TOW_ADMINS, TOW_FIGURE_READERS, TOW_FOLLOWERS, TOW_OPERATORS } from '../features/towing/towing.api';
import { AppealNewPage } from '../pages/AppealNewPage';
import { AppealsPage } from '../pages/AppealsPage';
import { AppealTrackPage } from '../pages/AppealTrackPage';
import { AuditPage } from '../pages/AuditPage';
import { CarLookupPage } from '../pages/CarLookupPage';
import { CrimeMapPage } from '../pages/CrimeMapPage';
import { InspectorFinderPage } from '../pages/InspectorFinderPage';
import { InspectorPage } from '../pages/InspectorPage';
import { ProposalsPage } from '../pages/ProposalsPage';
import { WorkloadPage } from '../pages/WorkloadPage';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OpenDataPage } from '../pages/OpenDataPage';
import { RecommendationPage } from '../pages/RecommendationPage';
import { RecommendationsPage } from '../pages/RecommendationsPage';
import { DistrictScorecardPage } from '../pages/DistrictScorecardPage';
import { IndicatorPage } from '../pages/IndicatorPage';
import { OfficialScorecardPage } from '../pages/OfficialScorecardPage';
import { ProgrammeScorecardPage } from '../pages/ProgrammeScorecardPage';
import { ScorecardsPage } from '../pages/ScorecardsPage';
import { TrustPage } from '../pages/TrustPage';
import { TrustSurveyPage } from '../pages/TrustSurveyPage';
import { LoadingState } from '../ui/LoadingState';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

// Staff pages load on demand: residents on phones never download them.
const StaffPage = lazy(() => import('../pages/StaffPage').then((m) => ({ default: m.StaffPage })));
const ImportPage = lazy(() => import('../pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const StaffIndicatorsPage = lazy(() => import('../pages/StaffIndicatorsPage').then((m) => ({ default: m.StaffIndicatorsPage })));
const StaffValuesPage = lazy(() => import('../pages/StaffValuesPage').then((m) => ({ default: m.StaffValuesPage })));
const StaffProgrammePage = lazy(() => import('../pages/StaffProgrammePage').then((m) => ({ default: m.StaffProgrammePage })));
const StaffAppealsPage = lazy(() => import('../pages/StaffAppealsPage').then((m) => ({ default: m.StaffAppealsPage })));
const StaffAppealPage = lazy(() => import('../pages/StaffAppealPage').then((m) => ({ default: m.StaffAppealPage })));
const StaffPrecinctsPage = lazy(() => import('../pages/StaffPrecinctsPage').then((m) => ({ default: m.StaffPrecinctsPage })));
const StaffCrimeMapPage = lazy(() => import('../pages/StaffCrimeMapPage').then((m) => ({ default: m.StaffCrimeMapPage })));
const StaffCrimeImportPage = lazy(() => import('../pages/StaffCrimeImportPage').then((m) => ({ default: m.StaffCrimeImportPage })));
const StaffCrimeForecastsPage = lazy(() => import('../pages/StaffCrimeForecastsPage').then((m) => ({ default: m.StaffCrimeForecastsPage })));
const StaffPatrolPage = lazy(() => import('../pages/StaffPatrolPage').then((m) => ({ default: m.StaffPatrolPage })));
const StaffTowingPage = lazy(() => import('../pages/StaffTowingPage').then((m) => ({ default: m.StaffTowingPage })));
const StaffTowNewPage = lazy(() => import('../pages/StaffTowNewPage').then((m) => ({ default: m.StaffTowNewPage })));
const StaffTowPage = lazy(() => import('../pages/StaffTowPage').then((m) => ({ default: m.StaffTowPage })));
const StaffTowFiguresPage = lazy(() => import('../pages/StaffTowFiguresPage').then((m) => ({ default: m.StaffTowFiguresPage })));
const StaffTowingSettingsPage = lazy(() => import('../pages/StaffTowingSettingsPage').then((m) => ({ default: m.StaffTowingSettingsPage })));
const AdminOpen311Page = lazy(() => import('../pages/AdminOpen311Page').then((m) => ({ default: m.AdminOpen311Page })));
const AdminUsersPage = lazy(() => import('../pages/AdminUsersPage').then((m) => ({ default: m.AdminUsersPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'recommendations', element: <RecommendationsPage /> },
      { path: 'recommendations/:number', element: <RecommendationPage /> },
      { path: 'scorecards', element: <ScorecardsPage /> },
      { path: 'scorecards/programmes/:code', element: <ProgrammeScorecardPage /> },
      { path: 'scorecards/indicators/:id', element: <IndicatorPage /> },
      { path: 'scorecards/districts/:id', element: <DistrictScorecardPage /> },
      { path: 'scorecards/officials/:id', element: <OfficialScorecardPage /> },
      { path: 'trust', element: <TrustPage /> },
      { path: 'trust/survey', element: <TrustSurveyPage /> },
      { path: 'inspectors', element: <InspectorFinderPage /> },
      { path: 'inspectors/:id', element: <InspectorPage /> },
      { path: 'precincts/workload', element: <WorkloadPage /> },
      { path: 'crime', element: <CrimeMapPage /> },
      { path: 'appeals', element: <AppealsPage /> },
      { path: 'appeals/new', element: <AppealNewPage /> },
      { path: 'appeals/:code', element: <AppealTrackPage /> },
      { path: 'proposals', element: <ProposalsPage /> },
      { path: 'car', element: <CarLookupPage /> },
      { path: 'c/:token', element: <CarLookupPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'open-data', element: <OpenDataPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        path: 'staff',
        element: (
          <RequireRole>
            <Deferred>
              <StaffPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/import',
        element: (
          <RequireRole roles={IMPORTERS}>
            <Deferred>
              <ImportPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/indicators',
        element: (
          <RequireRole roles={INDICATOR_DEFINERS}>
            <Deferred>
              <StaffIndicatorsPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/values',
        element: (
          <RequireRole roles={VALUE_EDITORS}>
            <Deferred>
              <StaffValuesPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/programmes/:code',
        element: (
          <RequireRole roles={VALUE_EDITORS}>
            <Deferred>
              <StaffProgrammePage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/appeals',
        element: (
          <RequireRole roles={APPEAL_HANDLERS}>
            <Deferred>
              <StaffAppealsPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/appeals/:code',
        element: (
          <RequireRole roles={APPEAL_HANDLERS}>
            <Deferred>
              <StaffAppealPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/precincts',
        element: (
          <RequireRole roles={PRECINCT_EDITORS}>
            <Deferred>
              <StaffPrecinctsPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/crime/map',
        element: (
          <RequireRole roles={CRIME_MAP_READERS}>
            <Deferred>
              <StaffCrimeMapPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/crime/import',
        element: (
          <RequireRole roles={CRIME_ANALYSTS}>
            <Deferred>
              <StaffCrimeImportPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/crime/forecasts',
        element: (
          <RequireRole roles={CRIME_ANALYSTS}>
            <Deferred>
              <StaffCrimeForecastsPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/patrol',
        element: (
          <RequireRole roles={PATROL_READERS}>
            <Deferred>
              <StaffPatrolPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/towing',
        element: (
          <RequireRole roles={TOW_FOLLOWERS}>
            <Deferred>
              <StaffTowingPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/towing/new',
        element: (
          <RequireRole roles={TOW_OPERATORS}>
            <Deferred>
              <StaffTowNewPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/towing/figures',
        element: (
          <RequireRole roles={TOW_FIGURE_READERS}>
            <Deferred>
              <StaffTowFiguresPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/towing/settings',
        element: (
          <RequireRole roles={TOW_ADMINS}>
            <Deferred>
              <StaffTowingSettingsPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'staff/towing/:id',
        element: (
          <RequireRole roles={TOW_FOLLOWERS}>
            <Deferred>
              <StaffTowPage />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'admin/open311',
        element: (
          <RequireRole roles={ADMINS}>
            <Deferred>
              <AdminOpen311Page />
            </Deferred>
          </RequireRole>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={ADMINS}>
            <Deferred>
              <AdminUsersPage />
            </Deferred>
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
