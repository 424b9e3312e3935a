// lint-as: services/reports/src/commands/bad/bad.handler.ts
// expect: @nx/enforce-module-boundaries
import { EvidenceModule } from '@police/evidence';

export const leak = EvidenceModule;
