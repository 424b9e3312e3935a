import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST …/retention/reviews/{id}/approve: the DPO's decision, named in the erasure marker. */
export class ApproveErasureRequest {
  @ApiProperty({ example: 'DPO-2026-017', description: "The DPO's decision reference" }) @IsString() @Length(1, 64) decisionRef: string;
}

/** POST …/retention/reviews/{id}/extend: kept until a new date, for a reason. */
export class ExtendRetentionRequest {
  @ApiProperty({ example: '2027-06-30T00:00:00+02:00', description: 'RFC 3339 date-time with an offset, in the future' })
  @IsString()
  @Length(1, 40)
  until: string;
  @ApiProperty({ example: 'De eigenaar betwist de teruggave (brief van 2 december)' }) @IsString() @Length(1, 1000) reason: string;
}

/** POST …/retention/reviews/{id}/legal-hold and …/legal-hold/lift. */
export class LegalHoldRequest {
  @ApiProperty({ example: 'Burgerlijke vordering van de eigenaar, rolnummer 26/1234/A' }) @IsString() @Length(1, 1000) reason: string;
}
