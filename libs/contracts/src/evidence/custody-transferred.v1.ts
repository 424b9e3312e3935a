import { IsIn, IsRFC3339, IsString, IsUUID, Length, Matches } from 'class-validator';

const PURPOSES = ['storage', 'lab_analysis', 'court_registry', 'investigation', 'return_to_owner', 'destruction'] as const;

/**
 * An item changed hands (domain §1.3.3 `(CustodyTransferred)*`, R-EVD-1): from, to, where, why and
 * when, with the item's chain hash after this link so consumers can cite the exact state they saw.
 */
export class CustodyTransferredV1 {
  static readonly type = 'evidence.CustodyTransferred.v1';

  @IsUUID()
  itemId: string;

  /** Staff id of the custodian handing over. */
  @IsString()
  @Length(1, 64)
  fromCustodian: string;

  /** Staff id of the custodian taking over. */
  @IsString()
  @Length(1, 64)
  toCustodian: string;

  @IsIn(PURPOSES)
  purpose: (typeof PURPOSES)[number];

  /** Where the handover happened (storage room, lab, court registry). */
  @IsString()
  @Length(1, 200)
  location: string;

  @IsRFC3339()
  transferredAt: string;

  /** Hex SHA-256 link of the item's custody chain after this transfer. */
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a hex SHA-256 (64 lowercase hex digits)' })
  chainHash: string;
}

export const custodyTransferredV1Fixture: CustodyTransferredV1 = {
  itemId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b',
  fromCustodian: 'staff-3141',
  toCustodian: 'staff-2718',
  purpose: 'lab_analysis',
  location: 'APG, bewijsstukkenlokaal 0.14',
  transferredAt: '2025-03-18T09:00:00+01:00',
  chainHash: '9f2b5c1d4e7a8b3c6d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
};
