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

/** Where the object was found. */
export class FoundObjectDeclaredV1Place {
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
 * Someone handed in or declared a found object at the front desk (domain §1.3.3, "Declared/Registered");
 * evidence (POPP) takes it from there. The finder is a reference into `reports`, never a name.
 */
export class FoundObjectDeclaredV1 {
  static readonly type = 'reports.FoundObjectDeclared.v1';

  @IsUUID()
  reportId: string;

  @IsIn(CATEGORIES)
  category: (typeof CATEGORIES)[number];

  /** What the object looks like (brand, colour, marks); not who it belongs to. */
  @IsString()
  @Length(1, 1000)
  description: string;

  @ValidateNested()
  @Type(() => FoundObjectDeclaredV1Place)
  place: FoundObjectDeclaredV1Place;

  /** The day it was found, `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a calendar date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  foundOn: string;

  /** The finder's party reference in `reports`. */
  @IsString()
  @Length(1, 64)
  declarantRef: string;

  @IsRFC3339()
  declaredAt: string;
}

export const foundObjectDeclaredV1Fixture: FoundObjectDeclaredV1 = {
  reportId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  category: 'wallet',
  description: 'Bruine lederen portefeuille, initialen K.V. ingebrand',
  place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
  foundOn: '2025-05-03',
  declarantRef: 'party-8812',
  declaredAt: '2025-05-03T16:20:00+02:00',
};
