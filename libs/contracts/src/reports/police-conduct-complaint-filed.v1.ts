import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsRFC3339, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

const CHANNELS = ['balie', 'email', 'brief', 'burgemeester', 'comite_p', 'aig', 'online_formulier', 'telefoon'] as const;

/** Who complains: integrity must be able to inform them of the outcome, so name and a contact. */
export class PoliceConductComplaintFiledV1Complainant {
  @IsString()
  @Length(1, 200)
  name: string;

  /** Email address or phone number, as the complainant gave it. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contact?: string;
}

/**
 * A complaint about the police itself came in at a reports intake channel and goes to `integrity`
 * (domain §1.1.5 R-REP-11, §1.4 R-INT-1). The facts are the complainant's own text: integrity
 * genuinely needs them to triage the complaint.
 */
export class PoliceConductComplaintFiledV1 {
  static readonly type = 'reports.PoliceConductComplaintFiled.v1';

  @IsUUID()
  reportId: string;

  @IsIn(CHANNELS)
  channel: (typeof CHANNELS)[number];

  @IsRFC3339()
  receivedAt: string;

  @ValidateNested()
  @Type(() => PoliceConductComplaintFiledV1Complainant)
  complainant: PoliceConductComplaintFiledV1Complainant;

  /** Staff ids of the members concerned; empty when the complainant could not identify them. */
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffMembersConcerned: string[];

  @IsString()
  @Length(1, 10000)
  facts: string;

  /** The office where it was received (APG, a commissariaat, …). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  office?: string;
}

export const policeConductComplaintFiledV1Fixture: PoliceConductComplaintFiledV1 = {
  reportId: '5f0c3b2a-8e7d-4c6b-a5f4-3e2d1c0b9a87',
  channel: 'balie',
  receivedAt: '2025-04-02T09:41:00+02:00',
  complainant: { name: 'J. Janssens', contact: 'j.janssens@example.org' },
  staffMembersConcerned: ['staff-1203'],
  facts: 'Klager stelt dat hij bij een verkeerscontrole onheus werd bejegend.',
  office: 'APG',
};
