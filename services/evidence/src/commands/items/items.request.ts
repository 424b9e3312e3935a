import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTY_KINDS, PartyKind } from '../../domain/evidence.events';
import { CHECK_OUT_PURPOSES, CheckOutPurpose, DECISION_AUTHORITIES, DecisionAuthority, DISPOSITIONS, Disposition, HANDOVER_METHODS, HANDOVER_PURPOSES, HandoverMethod, HandoverPurpose, ITEM_CATEGORIES, ItemCategory, LAB_ANALYSES, LAB_CONCLUSIONS, LabAnalysis, LabConclusion } from '../../domain/item.events';

export class QuantityRequest {
  @ApiProperty({ example: 1 }) @IsNumber({ maxDecimalPlaces: 3 }) @IsPositive() amount: number;
  @ApiProperty({ example: 'piece' }) @IsString() @Length(1, 20) unit: string;
}

export class AttachmentRequest {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' }) sha256: string;
  @ApiProperty({ example: 'image/jpeg' }) @IsString() @Length(1, 100) mediaType: string;
}

export class PartyRequest {
  @ApiProperty({ enum: PARTY_KINDS }) @IsIn(PARTY_KINDS) kind: PartyKind;
  @ApiProperty({ description: 'Staff id, lab id, storage room id, …' }) @IsString() @Length(1, 64) id: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
}

export class LocationRequest {
  @ApiProperty({ example: 'Bewaarplaats APG 0.14' }) @IsString() @Length(1, 100) room: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) locker?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) shelf?: string;
}

/** POST /api/evidence/items: a seized item or trace. Give investigationId, pvNumber, or both. */
export class RegisterItemRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() investigationId?: string;
  @ApiPropertyOptional({ description: 'PV number, opaque' }) @IsOptional() @IsString() @Length(1, 64) pvNumber?: string;
  @ApiProperty() @IsString() @Length(1, 2000) description: string;
  @ApiProperty({ enum: ITEM_CATEGORIES }) @IsIn(ITEM_CATEGORIES) category: ItemCategory;
  @ApiProperty({ type: QuantityRequest }) @ValidateNested() @Type(() => QuantityRequest) quantity: QuantityRequest;
  @ApiProperty() @IsString() @Length(1, 64) sealNumber: string;
  @ApiProperty() @IsString() @Length(1, 500) packaging: string;
  @ApiProperty() @IsString() @Length(1, 500) condition: string;
  @ApiProperty({ description: 'Staff id of the seizing officer' }) @IsString() @Length(1, 64) seizedBy: string;
  @ApiProperty() @IsISO8601({ strict: true }) seizedAt: string;
  @ApiProperty() @IsString() @Length(1, 500) seizedPlace: string;
  @ApiProperty({ example: 'art. 35 Sv.' }) @IsString() @Length(1, 500) legalBasis: string;
  @ApiPropertyOptional({ type: [AttachmentRequest] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AttachmentRequest) attachments?: AttachmentRequest[];
  @ApiPropertyOptional({ type: PartyRequest, description: 'First custodian when not the registering officer' }) @IsOptional() @ValidateNested() @Type(() => PartyRequest) custodian?: PartyRequest;
}

export class ResealRequest {
  @ApiProperty() @IsString() @Length(1, 64) sealNumber: string;
  @ApiProperty() @IsString() @Length(1, 500) reason: string;
}

export class OfferHandoverRequest {
  @ApiProperty({ type: PartyRequest }) @ValidateNested() @Type(() => PartyRequest) to: PartyRequest;
  @ApiProperty({ enum: HANDOVER_PURPOSES }) @IsIn(HANDOVER_PURPOSES) purpose: HandoverPurpose;
  @ApiProperty({ enum: HANDOVER_METHODS }) @IsIn(HANDOVER_METHODS) method: HandoverMethod;
  @ApiProperty() @IsBoolean() sealIntact: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
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
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class CheckInRequest {
  @ApiProperty({ type: LocationRequest }) @ValidateNested() @Type(() => LocationRequest) location: LocationRequest;
}

export class CheckOutRequest {
  @ApiProperty({ enum: CHECK_OUT_PURPOSES }) @IsIn(CHECK_OUT_PURPOSES) purpose: CheckOutPurpose;
  @ApiProperty({ description: 'Staff id of who takes it' }) @IsString() @Length(1, 64) takenBy: string;
  @ApiProperty() @IsISO8601({ strict: true }) expectedReturnAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class SubmitToLabRequest {
  @ApiProperty({ type: PartyRequest }) @ValidateNested() @Type(() => PartyRequest) laboratory: PartyRequest;
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
  @ApiProperty({ example: '2026-11-20' }) @IsISO8601({ strict: true }) decisionDate: string;
  @ApiProperty({ enum: DISPOSITIONS }) @IsIn(DISPOSITIONS) disposition: Disposition;
}

export class ExecuteDisposalRequest {
  @ApiProperty() @IsString() @Length(1, 100) decisionRef: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 64, { each: true }) witnesses: string[];
  @ApiProperty() @IsString() @Length(1, 100) receiptRef: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) handedTo?: string;
}

export class ListItemsQuery {
  @ApiPropertyOptional({ description: 'Investigation id or PV number' }) @IsOptional() @IsString() @Length(1, 64) caseId?: string;
  @ApiPropertyOptional({ enum: ['held', 'disposed'] }) @IsOptional() @IsIn(['held', 'disposed']) status?: string;
  @ApiPropertyOptional({ description: 'Custodian id' }) @IsOptional() @IsString() @Length(1, 64) custodian?: string;
  @ApiPropertyOptional({ description: 'Storage location (room, or room / locker / shelf)' }) @IsOptional() @IsString() @Length(1, 200) location?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @IsPositive() limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() offset?: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO time: the item as it stood then' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
