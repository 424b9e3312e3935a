import { main } from '@police/service-host';
import { REPORTS_DESCRIPTION, ReportsModule } from './reports.module';

main({ name: 'reports', module: ReportsModule, description: REPORTS_DESCRIPTION });
