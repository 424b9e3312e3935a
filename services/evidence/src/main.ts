import { main } from '@police/service-host';
import { EVIDENCE_DESCRIPTION, EvidenceModule } from './evidence.module';

main({ name: 'evidence', module: EvidenceModule, description: EVIDENCE_DESCRIPTION });
