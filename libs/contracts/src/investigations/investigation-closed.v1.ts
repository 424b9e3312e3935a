import { IsIn, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

const OUTCOMES = [
  'reported_to_magistrate',
  'transferred_to_federal_police',
  'merged_into_other_investigation',
  'no_further_action',
] as const;

/** An investigation was closed (domain §1.2.3; the outcomes are our inference, [INF]). */
export class InvestigationClosedV1 {
  static readonly type = 'investigations.InvestigationClosed.v1';

  @IsUUID()
  investigationId: string;

  @IsIn(OUTCOMES)
  outcome: (typeof OUTCOMES)[number];

  /** Staff id of who closed it. */
  @IsString()
  @Length(1, 64)
  closedBy: string;

  @IsRFC3339()
  closedAt: string;
}

export const investigationClosedV1Fixture: InvestigationClosedV1 = {
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  outcome: 'reported_to_magistrate',
  closedBy: 'staff-2290',
  closedAt: '2025-09-30T17:00:00+02:00',
};
