import { createBrowserRouter } from 'react-router';
import { Root } from './root';
import { HomeScreen } from './routes/home';
import { NotFoundScreen } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * Every screen's URL. Feature screens are loaded on first use (`lazy`): each feature's
 * `routes/<screen>.tsx` exports `Component`. Add a feature's routes here and its links in navigation.ts.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: null,
    children: [
      { index: true, element: <HomeScreen /> },
      { path: 'reports', lazy: () => import('@/features/reports/routes/report-list') },
      { path: 'reports/new', lazy: () => import('@/features/reports/routes/report-intake') },
      { path: 'reports/declarations/new', lazy: () => import('@/features/reports/routes/report-declaration') },
      { path: 'reports/deadlines', lazy: () => import('@/features/reports/routes/report-deadlines') },
      { path: 'reports/statistics', lazy: () => import('@/features/reports/routes/report-statistics') },
      { path: 'reports/:id', lazy: () => import('@/features/reports/routes/report-detail') },
      { path: 'pvs', lazy: () => import('@/features/pvs/routes/pv-queue') },
      { path: 'pvs/new', lazy: () => import('@/features/pvs/routes/pv-draft') },
      { path: 'pvs/:id', lazy: () => import('@/features/pvs/routes/pv-detail') },
      { path: 'investigations', lazy: () => import('@/features/investigations/routes/case-list') },
      { path: 'investigations/team', lazy: () => import('@/features/investigations/routes/team-cases') },
      { path: 'investigations/new', lazy: () => import('@/features/investigations/routes/case-open') },
      { path: 'investigations/:id', lazy: () => import('@/features/investigations/routes/case-file') },
      { path: 'search', lazy: () => import('@/features/search/routes/search') },
      { path: 'auth/callback', element: null },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);
