import { main } from '@police/service-host';
import { INVESTIGATIONS_DESCRIPTION, InvestigationsModule } from './investigations.module';

main({ name: 'investigations', module: InvestigationsModule, description: INVESTIGATIONS_DESCRIPTION });
