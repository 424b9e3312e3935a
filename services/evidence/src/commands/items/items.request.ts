import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAmount, IsCalendarDate, IsInstant, Nested, Optional } from '@police/platform';
import { PARTY_KINDS, PartyKind } from '../../domain/evidence.events';
import {
  CHECK_OUT_PURPOSES,
  CheckOutPurpose,
  DECISION_AUTHORITIES,
  DecisionAuthority,
  DISPOSITIONS,
  Disposition,
  HANDOVER_METHODS,
  HANDOVER_PURPOSES,
  HandoverMethod,
  HandoverPurpose,
  ITEM_CATEGORIES,
  ItemCategory,
  LAB_ANALYSES,
  LAB_CONCLUSIONS,
  LabAnalysis,
  LabConclusion,
} from '../../domain/item.events';

export class QuantityRequest {
  @ApiProperty({ example: 1 }) @IsAmount({ max: 1_000_000_000, places: 3 }) amount: number;
  @ApiProperty({ example: 'piece' }) @IsString() @Length(1, 20) unit: string;
}

export class AttachmentRequest {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ description: 'SHA-256 of the file, hex' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' })
  sha256: string;
  @ApiProperty({ example: 'image/jpeg' }) @IsString() @Length(1, 100) mediaType: string;
}

export class PartyRequest {
  @ApiProperty({ enum: PARTY_KINDS }) @IsIn(PARTY_KINDS) kind: PartyKind;
  @ApiProperty({ description: 'Staff id, lab id, storage room id, …' }) @IsString() @Length(1, 64) id: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) name?: string;
}

export class LocationRequest {
  @ApiProperty({ example: 'Bewaarplaats APG 0.14' }) @IsString() @Length(1, 100) room: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 50) locker?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 50) shelf?: string;
}

/** POST /api/evidence/items: a seized item or trace. Give investigationId, pvNumber, or both. */
export class RegisterItemRequest {
  @ApiPropertyOptional() @Optional() @IsUUID() investigationId?: string;
  @ApiPropertyOptional({ description: 'PV number, opaque' }) @Optional() @IsString() @Length(1, 64) pvNumber?: string;
  @ApiProperty() @IsString() @Length(1, 2000) description: string;
  @ApiProperty({ enum: ITEM_CATEGORIES }) @IsIn(ITEM_CATEGORIES) category: ItemCategory;
  @ApiProperty({ type: QuantityRequest }) @Nested(() => QuantityRequest) quantity: QuantityRequest;
  @ApiProperty() @IsString() @Length(1, 64) sealNumber: string;
  @ApiProperty() @IsString() @Length(1, 500) packaging: string;
  @ApiProperty() @IsString() @Length(1, 500) condition: string;
  @ApiProperty({ description: 'Staff id of the seizing officer' }) @IsString() @Length(1, 64) seizedBy: string;
  @ApiProperty() @IsInstant() seizedAt: string;
  @ApiProperty() @IsString() @Length(1, 500) seizedPlace: string;
  @ApiProperty({ example: 'art. 35 Sv.' }) @IsString() @Length(1, 500) legalBasis: string;
  @ApiPropertyOptional({ type: [AttachmentRequest] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @Nested(() => AttachmentRequest, { each: true })
  attachments?: AttachmentRequest[];
  @ApiPropertyOptional({ type: PartyRequest, description: 'First custodian when not the registering officer' })
  @Optional()
  @Nested(() => PartyRequest)
  custodian?: PartyRequest;
}

export class ResealRequest {
  @ApiProperty() @IsString() @Length(1, 64) sealNumber: string;
  @ApiProperty() @IsString() @Length(1, 500) reason: string;
}

export class OfferHandoverRequest {
  @ApiProperty({ type: PartyRequest }) @Nested(() => PartyRequest) to: PartyRequest;
  @ApiProperty({ enum: HANDOVER_PURPOSES }) @IsIn(HANDOVER_PURPOSES) purpose: HandoverPurpose;
  @ApiProperty({ enum: HANDOVER_METHODS }) @IsIn(HANDOVER_METHODS) method: HandoverMethod;
  @ApiProperty() @IsBoolean() sealIntact: boolean;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 1000) note?: string;
}

export class AcceptHandoverRequest {
  @ApiProperty({ description: 'The seal number the receiver found' }) @IsString() @Length(1, 64) sealNumberFound: string;
  @ApiProperty() @IsBoolean() sealIntact: boolean;
  @ApiProperty() @IsString() @Length(1, 500) condition: string;
  @ApiProperty({ description: 'Where the handover took place' }) @IsString() @Length(1, 200) place: string;
}

export class DeclineHandoverRequest {
  @ApiProperty() @IsString() @Length(1, 500) reason: string;
}

export class WithdrawHandoverRequest {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 500) reason?: string;
}

export class CheckInRequest {
  @ApiProperty({ type: LocationRequest }) @Nested(() => LocationRequest) location: LocationRequest;
}

export class CheckOutRequest {
  @ApiProperty({ enum: CHECK_OUT_PURPOSES }) @IsIn(CHECK_OUT_PURPOSES) purpose: CheckOutPurpose;
  @ApiProperty({ description: 'Staff id of who takes it' }) @IsString() @Length(1, 64) takenBy: string;
  @ApiProperty() @IsInstant() expectedReturnAt: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 1000) note?: string;
}

export class SubmitToLabRequest {
  @ApiProperty({ type: PartyRequest }) @Nested(() => PartyRequest) laboratory: PartyRequest;
  @ApiProperty({ enum: LAB_ANALYSES }) @IsIn(LAB_ANALYSES) analysis: LabAnalysis;
  @ApiProperty() @IsString() @Length(1, 2000) request: string;
  @ApiProperty({ enum: HANDOVER_METHODS }) @IsIn(HANDOVER_METHODS) method: HandoverMethod;
  @ApiProperty() @IsBoolean() sealIntact: boolean;
}

export class LabResultRequest {
  @ApiProperty() @IsString() @Length(1, 64) labReference: string;
  @ApiProperty({ enum: LAB_CONCLUSIONS }) @IsIn(LAB_CONCLUSIONS) conclusion: LabConclusion;
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/, { message: 'reportSha256 must be 64 lowercase hex characters' }) reportSha256: string;
}

export class DisposalDecisionRequest {
  @ApiProperty({ description: 'Reference of the magistrate/parket decision' }) @IsString() @Length(1, 100) decisionRef: string;
  @ApiProperty({ enum: DECISION_AUTHORITIES }) @IsIn(DECISION_AUTHORITIES) authority: DecisionAuthority;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() decisionDate: string;
  @ApiProperty({ enum: DISPOSITIONS }) @IsIn(DISPOSITIONS) disposition: Disposition;
}

export class ExecuteDisposalRequest {
  @ApiProperty() @IsString() @Length(1, 100) decisionRef: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  witnesses: string[];
  @ApiProperty() @IsString() @Length(1, 100) receiptRef: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) handedTo?: string;
}
