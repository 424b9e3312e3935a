import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, Nested, Optional } from '@police/platform';
import {
  FOUND_OBJECT_CATEGORIES,
  FoundObjectCategory,
  IDENTITY_DOCUMENT_TYPES,
  IdentityDocumentType,
} from '../../domain/found-object.events';

export class FoundPlaceRequest {
  @ApiProperty({ example: 'Gent' }) @IsString() @Length(1, 100) municipality: string;
  @ApiPropertyOptional()
  @Optional()
  @Matches(/^\d{4}$/, { message: 'postalCode must be a Belgian postal code (4 digits)' })
  postalCode?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) address?: string;
}

/** POST /api/evidence/found-objects: an object brought to the desk (declarations from reports arrive by contract). */
export class RegisterFoundObjectRequest {
  @ApiProperty({ enum: FOUND_OBJECT_CATEGORIES }) @IsIn(FOUND_OBJECT_CATEGORIES) category: FoundObjectCategory;
  @ApiProperty() @IsString() @Length(1, 2000) description: string;
  @ApiProperty({ type: FoundPlaceRequest }) @Nested(() => FoundPlaceRequest) place: FoundPlaceRequest;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() foundOn: string;
  @ApiPropertyOptional({ description: 'Reference of the finder (party id)' }) @Optional() @IsString() @Length(1, 64) finderRef?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) storageLocation?: string;
}

export class OwnerSearchRequest {
  @ApiProperty({ example: 'rijksregister via nummerplaat fiets' }) @IsString() @Length(1, 500) method: string;
}

export class IdentifyOwnerRequest {
  @ApiProperty() @IsString() @Length(1, 64) ownerRef: string;
  @ApiProperty() @IsString() @Length(1, 500) basis: string;
}

export class MatchLossRequest {
  @ApiProperty() @IsUUID() lossReportId: string;
}

export class IdentityCheckRequest {
  @ApiProperty({ enum: IDENTITY_DOCUMENT_TYPES }) @IsIn(IDENTITY_DOCUMENT_TYPES) documentType: IdentityDocumentType;
  @ApiProperty() @IsBoolean() holderIsOwner: boolean;
}

export class ReturnToOwnerRequest {
  @ApiProperty() @IsString() @Length(1, 64) ownerRef: string;
  @ApiProperty({ type: IdentityCheckRequest }) @Nested(() => IdentityCheckRequest) identityCheck: IdentityCheckRequest;
  @ApiProperty() @IsString() @Length(1, 500) ownershipProof: string;
}

export class OrganisationRequest {
  @ApiProperty() @IsString() @Length(1, 64) id: string;
  @ApiProperty() @IsString() @Length(1, 200) name: string;
}

export class HandOverRequest {
  @ApiProperty({ type: OrganisationRequest }) @Nested(() => OrganisationRequest) organisation: OrganisationRequest;
  @ApiProperty() @IsString() @Length(1, 100) receiptRef: string;
}

export class DestroyRequest {
  @ApiProperty() @IsString() @Length(1, 500) reason: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  witnesses: string[];
}

export class CountInventoryRequest {
  @ApiProperty({ example: 'Bewaarplaats APG 0.14' }) @IsString() @Length(1, 100) room: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 50) locker?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 50) shelf?: string;
  @ApiProperty({ type: [String], description: 'Ids of the items found at the location' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  foundItemIds: string[];
}

export class ResolveDiscrepancyRequest {
  @ApiProperty() @IsUUID() itemId: string;
  @ApiProperty() @IsString() @Length(1, 1000) resolution: string;
}
