import { IsOptional, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

/** An investigation was assigned to a team, and possibly a lead detective (domain §1.2.5 `InvestigationAssignedToTeam`). */
export class InvestigationAssignedV1 {
  static readonly type = 'investigations.InvestigationAssigned.v1';

  @IsUUID()
  investigationId: string;

  @IsString()
  @Length(1, 100)
  team: string;

  /** Staff id of the lead detective, when one is named. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  leadInvestigator?: string;

  /** Staff id of who assigned it. */
  @IsString()
  @Length(1, 64)
  assignedBy: string;

  @IsRFC3339()
  assignedAt: string;
}

export const investigationAssignedV1Fixture: InvestigationAssignedV1 = {
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  team: 'Team Diefstallen',
  leadInvestigator: 'staff-2290',
  assignedBy: 'staff-0117',
  assignedAt: '2025-03-15T15:30:00+01:00',
};
