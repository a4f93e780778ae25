import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ADMINS, IMPORTERS } from '../features/auth/roles';
import { RequireRole } from '../features/auth/RequireRole';
import { AuditPage } from '../pages/AuditPage';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OpenDataPage } from '../pages/OpenDataPage';
import { RecommendationPage } from '../pages/RecommendationPage';
import { RecommendationsPage } from '../pages/RecommendationsPage';
import { LoadingState } from '../ui/LoadingState';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

// Staff pages load on demand: residents on phones never download them.
const StaffPage = lazy(() => import('../pages/StaffPage').then((m) => ({ default: m.StaffPage })));
const ImportPage = lazy(() => import('../pages/ImportPage').then((m) => ({ default: m.ImportPage })));
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
