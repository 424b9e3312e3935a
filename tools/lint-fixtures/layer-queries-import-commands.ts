// lint-as: services/integrity/src/queries/complaints/complaints.http.ts
// expect: no-restricted-imports
import { ReceiveComplaintRequest } from '../../commands/complaints/complaints.request';

export const leak = ReceiveComplaintRequest;
