import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Nested, Optional, RequiredWhen } from '@police/platform';
import { PV_DESTINATIONS, PvDestination } from '../../domain/pv.events';

/** POST /api/reports/:id/pvs: a PV drafted for the report (or a supplementary PV to a finalised one). */
export class DraftPvRequest {
  @ApiProperty({ example: 'Diefstal met braak (art. 467 Sw.)' }) @IsString() @Length(1, 500) legalQualification: string;
  @ApiProperty({ example: 'woninginbraak' }) @IsString() @Length(1, 100) offenceType: string;
  @ApiProperty({ enum: PV_DESTINATIONS, description: 'parket, or city_gas for municipal administrative sanctions' })
  @IsIn(PV_DESTINATIONS)
  destination: PvDestination;
  @ApiProperty({ description: 'SHA-256 of the PV document (hex); the document lives in document storage' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentSha256 must be 64 lowercase hex characters' })
  documentSha256: string;
  @ApiPropertyOptional({ description: 'For a supplementary PV: the finalised PV it adds to or corrects' })
  @Optional()
  @IsUUID()
  supplementsPvId?: string;
}

export class PvCorrectionsRequest {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 500) legalQualification?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) offenceType?: string;
  @ApiPropertyOptional({ enum: PV_DESTINATIONS }) @Optional() @IsIn(PV_DESTINATIONS) destination?: PvDestination;
  @ApiPropertyOptional()
  @Optional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentSha256 must be 64 lowercase hex characters' })
  documentSha256?: string;
}

/** Submission to GAK; after a rejection, with what was corrected. */
export class SubmitPvRequest {
  @ApiPropertyOptional({ type: PvCorrectionsRequest }) @Optional() @Nested(() => PvCorrectionsRequest) corrections?: PvCorrectionsRequest;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 1000) correctionNote?: string;
}

export class QualityCheckRequest {
  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) outcome: 'approved' | 'rejected';
  @ApiPropertyOptional({ description: 'Required when rejected', type: [String] })
  @RequiredWhen('outcome', 'rejected')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  reasons?: string[];
}

export class FinalisePvRequest {
  @ApiProperty({ description: "The PV number, opaque; checked against the zone's configured pattern" })
  @IsString()
  @Length(1, 64)
  pvNumber: string;
}

export class TransmitPvRequest {
  @ApiPropertyOptional({ description: "The parket's or city's reference, when it gives one" })
  @Optional()
  @IsString()
  @Length(1, 100)
  recipientRef?: string;
}

export class FeedAngRequest {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) angRef?: string;
}
