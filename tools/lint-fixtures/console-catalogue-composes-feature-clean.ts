// lint-as: apps/console/src/lib/i18n/locales/xx.ts
// expect: clean
// The main catalogue takes a feature's own catalogue under one top-level key.
import { reportsNl } from '@/features/reports/i18n/nl';

export const xx = { reports: reportsNl };
