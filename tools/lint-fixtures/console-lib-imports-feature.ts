// lint-as: apps/console/src/lib/api/uses-feature.ts
// expect: no-restricted-imports x1
// The shared layer never depends on a feature.
import { reportKeys } from '@/features/reports/api/reports.api';

export const keys = reportKeys;
