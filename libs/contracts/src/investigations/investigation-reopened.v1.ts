import { IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

/**
 * A closed investigation was reopened (domain §1.2.3: new facts, the magistrate's request). Services
 * that keep a directory of cases (evidence) take it as open again, so new items can be registered for it.
 */
export class InvestigationReopenedV1 {
  static readonly type = 'investigations.InvestigationReopened.v1';

  @IsUUID()
  investigationId: string;

  /** Why it was reopened, in the investigator's words. */
  @IsString()
  @Length(1, 2000)
  reason: string;

  /** Staff id of who reopened it. */
  @IsString()
  @Length(1, 64)
  reopenedBy: string;

  @IsRFC3339()
  reopenedAt: string;
}

export const investigationReopenedV1Fixture: InvestigationReopenedV1 = {
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  reason: 'Nieuw spoor: DNA-match in de nationale databank',
  reopenedBy: 'staff-2290',
  reopenedAt: '2025-11-04T10:15:00+01:00',
};
