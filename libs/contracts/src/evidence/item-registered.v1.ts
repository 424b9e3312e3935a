import { IsIn, IsOptional, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

const CATEGORIES = [
  'weapon',
  'drugs',
  'cash',
  'vehicle',
  'data_carrier',
  'document',
  'jewellery',
  'electronics',
  'trace',
  'other',
] as const;

/**
 * A seized item or trace was registered at the evidence desk (domain §1.3.3 "Seized ──► RegisteredInPACOS"),
 * with its first custodian: the start of its chain of custody.
 */
export class ItemRegisteredV1 {
  static readonly type = 'evidence.ItemRegistered.v1';

  @IsUUID()
  itemId: string;

  /** The label, seal or bag number on the item (PACOS reference where there is one). */
  @IsString()
  @Length(1, 64)
  labelNumber: string;

  @IsOptional()
  @IsUUID()
  investigationId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  pvNumber?: string;

  @IsIn(CATEGORIES)
  category: (typeof CATEGORIES)[number];

  @IsString()
  @Length(1, 1000)
  description: string;

  @IsRFC3339()
  seizedAt: string;

  @IsRFC3339()
  registeredAt: string;

  /** Staff id of the first custodian. */
  @IsString()
  @Length(1, 64)
  custodian: string;
}

export const itemRegisteredV1Fixture: ItemRegisteredV1 = {
  itemId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b',
  labelNumber: 'PACOS-2025-000871',
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  pvNumber: 'GE.55.L5.012345/2025',
  category: 'electronics',
  description: 'Laptop, grijs, serienummer afgeschermd door sticker',
  seizedAt: '2025-03-16T10:05:00+01:00',
  registeredAt: '2025-03-16T11:30:00+01:00',
  custodian: 'staff-3141',
};
