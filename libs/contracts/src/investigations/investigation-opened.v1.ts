import { IsIn, IsOptional, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

const KINDS = ['opsporingsonderzoek', 'gerechtelijk_onderzoek'] as const;
const ORIGINS = ['eigen_organisatie', 'parket', 'onderzoeksrechter', 'andere_politiedienst', 'eigen_initiatief', 'burger'] as const;
const DIRECTING_AUTHORITIES = ['procureur_des_konings', 'onderzoeksrechter', 'arbeidsauditeur'] as const;

/**
 * An investigation was opened (domain §1.2.3 "Opened(origin)"). `kind` is the legal frame, `origin` who
 * asked for it (R-INV-3); `sourceReportId` links it to the report it came from, when there is one.
 */
export class InvestigationOpenedV1 {
  static readonly type = 'investigations.InvestigationOpened.v1';

  @IsUUID()
  investigationId: string;

  /** The parket's notice number or the onderzoeksrechter's case number, opaque. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  caseNumber?: string;

  @IsIn(KINDS)
  kind: (typeof KINDS)[number];

  /** The phenomenon (e.g. `diefstal`, `drugs`, `zeden`), as coded by the zone. */
  @IsString()
  @Length(1, 100)
  phenomenon: string;

  /** The team that holds it (per-zone configuration, e.g. `Team Diefstallen`). */
  @IsString()
  @Length(1, 100)
  team: string;

  @IsIn(ORIGINS)
  origin: (typeof ORIGINS)[number];

  @IsOptional()
  @IsIn(DIRECTING_AUTHORITIES)
  directingAuthority?: (typeof DIRECTING_AUTHORITIES)[number];

  @IsRFC3339()
  openedAt: string;

  @IsOptional()
  @IsUUID()
  sourceReportId?: string;
}

export const investigationOpenedV1Fixture: InvestigationOpenedV1 = {
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  caseNumber: 'GE.20.L1.004512/25',
  kind: 'opsporingsonderzoek',
  phenomenon: 'diefstal',
  team: 'Team Diefstallen',
  origin: 'burger',
  directingAuthority: 'procureur_des_konings',
  openedAt: '2025-03-15T14:00:00+01:00',
  sourceReportId: '0b7a4c1e-5d1f-4f53-9a39-2f5d6f0f4a11',
};
