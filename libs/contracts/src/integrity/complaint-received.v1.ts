import { IsRFC3339, IsUUID } from 'class-validator';

/**
 * Integrity holds a complaint that came in at a reports intake (`reports.PoliceConductComplaintFiled.v1`): its
 * receipt, nothing of the complaint. Reports then destroys its own copy of the complaint (ADR 0053). This is the
 * only contract integrity publishes; its files never leave its compartment.
 */
export class ComplaintReceivedV1 {
  static readonly type = 'integrity.ComplaintReceived.v1';

  /** The report the complaint came from. */
  @IsUUID()
  reportId: string;

  /** When integrity recorded the complaint. */
  @IsRFC3339()
  receivedAt: string;
}

export const complaintReceivedV1Fixture: ComplaintReceivedV1 = {
  reportId: '5f0c3b2a-8e7d-4c6b-a5f4-3e2d1c0b9a87',
  receivedAt: '2025-04-02T09:45:12.000Z',
};
