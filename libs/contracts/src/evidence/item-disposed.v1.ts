import { IsIn, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

const DISPOSITIONS = [
  'returned_to_owner',
  'destroyed',
  'confiscated',
  'deposited_at_court_registry',
  'sold',
  'transferred_to_organisation',
] as const;
const AUTHORITIES = ['procureur_des_konings', 'onderzoeksrechter', 'rechtbank'] as const;

/**
 * An item left police custody for good, on a recorded magistrate decision (domain §1.3.3 final
 * disposition, §5.6 [INF]). The end of its chain of custody.
 */
export class ItemDisposedV1 {
  static readonly type = 'evidence.ItemDisposed.v1';

  @IsUUID()
  itemId: string;

  @IsIn(DISPOSITIONS)
  disposition: (typeof DISPOSITIONS)[number];

  /** Reference of the decision that ordered it. */
  @IsString()
  @Length(1, 64)
  decisionRef: string;

  @IsIn(AUTHORITIES)
  decidedBy: (typeof AUTHORITIES)[number];

  /** Staff id of who carried it out. */
  @IsString()
  @Length(1, 64)
  disposedBy: string;

  @IsRFC3339()
  disposedAt: string;
}

export const itemDisposedV1Fixture: ItemDisposedV1 = {
  itemId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b',
  disposition: 'returned_to_owner',
  decisionRef: 'PK-GENT-2025-33871',
  decidedBy: 'procureur_des_konings',
  disposedBy: 'staff-3141',
  disposedAt: '2025-10-02T10:00:00+02:00',
};
