// lint-as: apps/console/src/features/reports/routes/uses-own.tsx
// expect: clean
// A feature's own folders and the shared layer are fine.
import { useReportList } from '@/features/reports/api/reports.api';
import { ReportTable } from '../components/report-table';
import { call } from '@/lib/api';

export const used = [useReportList, ReportTable, call];
