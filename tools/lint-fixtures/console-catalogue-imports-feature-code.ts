// lint-as: apps/console/src/lib/i18n/locales/xx.ts
// expect: no-restricted-imports x1
// A catalogue composes a feature's catalogue, and nothing else of the feature.
import { reportKeys } from '@/features/reports/api/reports.api';

export const keys = reportKeys;
