import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsRFC3339, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

const KINDS = ['aangifte', 'klacht', 'melding'] as const;
const PARTY_ROLES = ['aangever', 'slachtoffer', 'benadeelde', 'verdachte', 'getuige', 'andere'] as const;

/** A party named in the report, by reference: the name shown on screens, no contact details. */
export class ReportReferredForInvestigationV1Party {
  @IsUUID()
  partyId: string;

  @IsIn(PARTY_ROLES)
  role: (typeof PARTY_ROLES)[number];

  @IsString()
  @Length(1, 200)
  displayName: string;
}

/** Where the facts happened, as far as the investigation needs it. */
export class ReportReferredForInvestigationV1Place {
  @IsString()
  @Length(1, 100)
  municipality: string;

  @IsOptional()
  @IsString()
  @Length(4, 4)
  postalCode?: string;

  /** Street and number of the scene, when there is one. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;
}

/**
 * A report (aangifte, klacht in the criminal sense, or melding) needs further investigation and is
 * referred to the competent service (domain §1.1.4, "Investigation requested"). Carries what the
 * detective needs to open an investigation: the facts' type, time, place, a short summary and the
 * parties by reference.
 */
export class ReportReferredForInvestigationV1 {
  static readonly type = 'reports.ReportReferredForInvestigation.v1';

  @IsUUID()
  reportId: string;

  /** The PV number, opaque (its national format is not ours to define). */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  pvNumber?: string;

  @IsIn(KINDS)
  kind: (typeof KINDS)[number];

  /** Offence type as coded by the zone (e.g. `woninginbraak`). */
  @IsString()
  @Length(1, 100)
  incidentType: string;

  @IsRFC3339()
  incidentFrom: string;

  @IsOptional()
  @IsRFC3339()
  incidentTo?: string;

  @ValidateNested()
  @Type(() => ReportReferredForInvestigationV1Place)
  place: ReportReferredForInvestigationV1Place;

  @IsString()
  @Length(1, 4000)
  summary: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReportReferredForInvestigationV1Party)
  parties: ReportReferredForInvestigationV1Party[];

  /** Staff id of who referred it. */
  @IsString()
  @Length(1, 64)
  referredBy: string;

  @IsRFC3339()
  referredAt: string;

  /** The service or team the report is referred to (per-zone configuration, e.g. `LRD`). */
  @IsString()
  @Length(1, 100)
  competentService: string;
}

export const reportReferredForInvestigationV1Fixture: ReportReferredForInvestigationV1 = {
  reportId: '0b7a4c1e-5d1f-4f53-9a39-2f5d6f0f4a11',
  pvNumber: 'GE.55.L5.012345/2025',
  kind: 'aangifte',
  incidentType: 'woninginbraak',
  incidentFrom: '2025-03-14T18:00:00+01:00',
  incidentTo: '2025-03-15T07:30:00+01:00',
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  summary: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
  parties: [
    { partyId: '7c1e2a4b-9f0d-4e3a-8b61-2d4c5e6f7a80', role: 'aangever', displayName: 'A. Peeters' },
    { partyId: '3d9b8c7a-1e2f-4a5b-9c6d-7e8f9a0b1c2d', role: 'verdachte', displayName: 'onbekende dader' },
  ],
  referredBy: 'staff-4711',
  referredAt: '2025-03-15T10:12:00+01:00',
  competentService: 'LRD',
};
