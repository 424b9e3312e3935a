// lint-as: services/reports/src/read-model/reports/report.view.ts
// expect: no-restricted-imports
import { ListReportsQuery } from '../../queries/reports/reports.query';

export type Leak = ListReportsQuery;
