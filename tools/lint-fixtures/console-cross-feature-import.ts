// lint-as: apps/console/src/features/sign-in/components/uses-reports.tsx
// expect: no-restricted-imports x2
// A feature reaching into another feature (by alias and by relative path): share through src/lib instead.
import { useReportList } from '@/features/reports/api/reports.api';
import { ReportTable } from '../../reports/components/report-table';

export const used = [useReportList, ReportTable];
