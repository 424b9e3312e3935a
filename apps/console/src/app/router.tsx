import { createBrowserRouter } from 'react-router';
import { feature } from '@/lib/i18n/i18n';
import { Root } from './root';
import { HomeScreen } from './routes/home';
import { NotFoundScreen } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * Every screen's URL. Feature screens are loaded on first use (`lazy`): each feature's
 * `routes/<screen>.tsx` exports `Component`; `feature('<name>', …)` brings the feature's words with it
 * (lib/i18n/features.ts). Add a feature's routes here and its links in navigation.ts.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: null,
    children: [
      { index: true, element: <HomeScreen /> },
      { path: 'reports', lazy: feature('reports', () => import('@/features/reports/routes/report-list')) },
      { path: 'reports/new', lazy: feature('reports', () => import('@/features/reports/routes/report-intake')) },
      { path: 'reports/declarations/new', lazy: feature('reports', () => import('@/features/reports/routes/report-declaration')) },
      { path: 'reports/deadlines', lazy: feature('reports', () => import('@/features/reports/routes/report-deadlines')) },
      { path: 'reports/statistics', lazy: feature('reports', () => import('@/features/reports/routes/report-statistics')) },
      { path: 'reports/:id', lazy: feature('reports', () => import('@/features/reports/routes/report-detail')) },
      { path: 'pvs', lazy: feature('pvs', () => import('@/features/pvs/routes/pv-queue')) },
      { path: 'pvs/new', lazy: feature('pvs', () => import('@/features/pvs/routes/pv-draft')) },
      { path: 'pvs/:id', lazy: feature('pvs', () => import('@/features/pvs/routes/pv-detail')) },
      { path: 'investigations', lazy: feature('investigations', () => import('@/features/investigations/routes/case-list')) },
      { path: 'investigations/team', lazy: feature('investigations', () => import('@/features/investigations/routes/team-cases')) },
      { path: 'investigations/new', lazy: feature('investigations', () => import('@/features/investigations/routes/case-open')) },
      { path: 'investigations/:id', lazy: feature('investigations', () => import('@/features/investigations/routes/case-file')) },
      { path: 'evidence', lazy: feature('evidence', () => import('@/features/evidence/routes/item-list')) },
      { path: 'evidence/new', lazy: feature('evidence', () => import('@/features/evidence/routes/item-register')) },
      { path: 'evidence/scan', lazy: feature('evidence', () => import('@/features/evidence/routes/scan')) },
      {
        path: 'evidence/items/:id',
        lazy: feature(
          'evidence',
          feature('counter', () => import('./routes/evidence-item')),
        ),
      },
      { path: 'evidence/handovers', lazy: feature('counter', () => import('@/features/counter/routes/handovers')) },
      { path: 'evidence/items/:id/actions', lazy: feature('counter', () => import('@/features/counter/routes/item')) },
      { path: 'evidence/storage', lazy: feature('counter', () => import('@/features/counter/routes/storage')) },
      { path: 'evidence/storage/overdue', lazy: feature('counter', () => import('@/features/counter/routes/overdue')) },
      { path: 'evidence/inventory', lazy: feature('counter', () => import('@/features/counter/routes/inventory')) },
      { path: 'evidence/lab', lazy: feature('counter', () => import('@/features/counter/routes/lab')) },
      { path: 'evidence/disposals', lazy: feature('counter', () => import('@/features/counter/routes/disposals')) },
      { path: 'found-objects', lazy: feature('foundObjects', () => import('@/features/found-objects/routes/register')) },
      { path: 'found-objects/new', lazy: feature('foundObjects', () => import('@/features/found-objects/routes/new')) },
      { path: 'found-objects/:id', lazy: feature('foundObjects', () => import('@/features/found-objects/routes/detail')) },
      { path: 'integrity', lazy: feature('integrity', () => import('@/features/integrity/routes/complaint-list')) },
      { path: 'integrity/complaints/new', lazy: feature('integrity', () => import('@/features/integrity/routes/complaint-new')) },
      { path: 'integrity/complaints/:id', lazy: feature('integrity', () => import('@/features/integrity/routes/complaint-file')) },
      { path: 'integrity/early-warnings', lazy: feature('integrity', () => import('@/features/integrity/routes/early-warnings')) },
      { path: 'integrity/order-measures', lazy: feature('integrity', () => import('@/features/integrity/routes/order-measures')) },
      { path: 'integrity/order-measures/:id', lazy: feature('integrity', () => import('@/features/integrity/routes/order-measure')) },
      { path: 'integrity/threat-files', lazy: feature('integrity', () => import('@/features/integrity/routes/threat-files')) },
      { path: 'integrity/threat-files/:id', lazy: feature('integrity', () => import('@/features/integrity/routes/threat-file')) },
      { path: 'integrity/staff', lazy: feature('integrity', () => import('@/features/integrity/routes/staff-file')) },
      { path: 'ops', lazy: feature('ops', () => import('@/features/ops/routes/operations')) },
      { path: 'search', lazy: () => import('@/features/search/routes/search') },
      { path: 'dpo/consultations', lazy: feature('dpo', () => import('@/features/dpo/routes/consultation-log')) },
      { path: 'retention', lazy: feature('retention', () => import('@/features/retention/routes/reviews')) },
      { path: 'dpo/data-subjects', lazy: feature('dpo', () => import('@/features/dpo/routes/data-subjects')) },
      { path: 'dashboard', lazy: feature('dashboard', () => import('@/features/dashboard/routes/zone-dashboard')) },
      { path: 'auth/callback', element: null },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);
