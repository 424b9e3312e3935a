import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsRFC3339, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

const CATEGORIES = [
  'identity_document',
  'bank_card',
  'keys',
  'wallet',
  'phone',
  'bicycle',
  'jewellery',
  'cash',
  'bag',
  'clothing',
  'electronics',
  'other',
] as const;

/** Where the object was probably lost. */
export class LossDeclaredV1Place {
  @IsString()
  @Length(1, 100)
  municipality: string;

  @IsOptional()
  @IsString()
  @Length(4, 4)
  postalCode?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;
}

/**
 * A citizen declared the loss of an object (domain §1.1.3 `kind` verlies; §1.3.2), so that evidence
 * (POPP) can match it against found objects. The declarant is a reference into `reports`, never a name.
 */
export class LossDeclaredV1 {
  static readonly type = 'reports.LossDeclared.v1';

  @IsUUID()
  reportId: string;

  @IsIn(CATEGORIES)
  category: (typeof CATEGORIES)[number];

  @IsString()
  @Length(1, 1000)
  description: string;

  @ValidateNested()
  @Type(() => LossDeclaredV1Place)
  place: LossDeclaredV1Place;

  /** The day it was lost (or noticed missing), `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a calendar date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  lostOn: string;

  /** The declarant's party reference in `reports`. */
  @IsString()
  @Length(1, 64)
  declarantRef: string;

  @IsRFC3339()
  declaredAt: string;
}

export const lossDeclaredV1Fixture: LossDeclaredV1 = {
  reportId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  category: 'bicycle',
  description: 'Blauwe stadsfiets, merk Oxford, framenummer eindigt op 4471',
  place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' },
  lostOn: '2025-05-01',
  declarantRef: 'party-9034',
  declaredAt: '2025-05-02T11:05:00+02:00',
};
