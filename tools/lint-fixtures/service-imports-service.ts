// lint-as: services/reports/src/commands/bad/bad.http.ts
// expect: @nx/enforce-module-boundaries
import { EvidenceModule } from '@police/evidence';

export const leak = EvidenceModule;
