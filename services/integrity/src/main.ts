import { main } from '@police/service-host';
import { INTEGRITY_DESCRIPTION, IntegrityModule } from './integrity.module';

main({ name: 'integrity', module: IntegrityModule, description: INTEGRITY_DESCRIPTION });
