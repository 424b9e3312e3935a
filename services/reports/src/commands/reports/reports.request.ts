import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, Nested, Optional } from '@police/platform';
import {
  CHANNEL_KINDS,
  ChannelKind,
  MOTIVE_FLAGS,
  MotiveFlag,
  OBJECT_CATEGORIES,
  ObjectCategory,
  PARTY_ROLES,
  PartyRole,
  REPORT_KINDS,
  ReportKind,
} from '../../domain/report.events';

export class PlaceRequest {
  @ApiProperty({ example: 'Gent' }) @IsString() @Length(1, 100) municipality: string;
  @ApiPropertyOptional({ example: '9000' })
  @Optional()
  @Matches(/^\d{4}$/, { message: 'postalCode must be four digits' })
  postalCode?: string;
  @ApiPropertyOptional({ example: 'Korenmarkt 1' }) @Optional() @IsString() @Length(1, 200) address?: string;
}

export class TimeWindowRequest {
  @ApiProperty({ example: '2026-11-19T21:00:00+01:00', description: 'RFC 3339 with an offset' }) @IsInstant() from: string;
  @ApiProperty({ example: '2026-11-20T07:30:00+01:00' }) @IsInstant() to: string;
}

export class ChannelRequest {
  @ApiProperty({ enum: CHANNEL_KINDS }) @IsIn(CHANNEL_KINDS) kind: ChannelKind;
  @ApiPropertyOptional({ description: 'The office (zone configuration), for a front-desk intake', example: 'apg' })
  @Optional()
  @IsString()
  @Length(1, 64)
  officeId?: string;
}

export class PartyRequest {
  @ApiPropertyOptional({ description: 'Keep the id of a party already on the report; a new party gets one' })
  @Optional()
  @IsUUID()
  partyId?: string;
  @ApiProperty({ example: 'An Peeters' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: PARTY_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTY_ROLES, { each: true })
  roles: PartyRole[];
  @ApiPropertyOptional({ description: 'Phone or e-mail' }) @Optional() @IsString() @Length(1, 200) contact?: string;
}

export class DeclaredObjectRequest {
  @ApiProperty() @IsString() @Length(1, 1000) description: string;
  @ApiPropertyOptional({ enum: OBJECT_CATEGORIES }) @Optional() @IsIn(OBJECT_CATEGORIES) category?: ObjectCategory;
}

/** POST /api/reports: one intake, from any channel. */
export class ReceiveReportRequest {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;
  @ApiProperty({ type: ChannelRequest }) @Nested(() => ChannelRequest) channel: ChannelRequest;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() urgent?: boolean;
  @ApiPropertyOptional({ description: 'The booked appointment (required at appointment-only desks unless urgent)' })
  @Optional()
  @IsString()
  @Length(1, 64)
  appointmentRef?: string;
  @ApiPropertyOptional({ example: 'woninginbraak' }) @Optional() @IsString() @Length(1, 100) incidentType?: string;
  @ApiPropertyOptional({ type: TimeWindowRequest }) @Optional() @Nested(() => TimeWindowRequest) timeWindow?: TimeWindowRequest;
  @ApiPropertyOptional({ type: PlaceRequest }) @Optional() @Nested(() => PlaceRequest) place?: PlaceRequest;
  @ApiProperty() @IsString() @Length(1, 10000) narrative: string;
  @ApiProperty({ type: [PartyRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Nested(() => PartyRequest, { each: true })
  parties: PartyRequest[];
  @ApiPropertyOptional({ enum: MOTIVE_FLAGS, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(MOTIVE_FLAGS, { each: true })
  motiveFlags?: MotiveFlag[];
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() victimSupportWanted?: boolean;
  @ApiPropertyOptional({ default: false, description: 'A complaint about police staff: routed to integrity at once' })
  @Optional()
  @IsBoolean()
  concernsPoliceConduct?: boolean;
  @ApiPropertyOptional({ description: 'Staff ids of the members of the police concerned, when known' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffMembersConcerned?: string[];
  @ApiPropertyOptional({ type: DeclaredObjectRequest, description: 'For loss and found-object declarations' })
  @Optional()
  @Nested(() => DeclaredObjectRequest)
  object?: DeclaredObjectRequest;
}

/** The facts an amendment changes; what was said before stays in the record. */
export class AmendmentChangesRequest {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) incidentType?: string;
  @ApiPropertyOptional({ type: TimeWindowRequest }) @Optional() @Nested(() => TimeWindowRequest) timeWindow?: TimeWindowRequest;
  @ApiPropertyOptional({ type: PlaceRequest }) @Optional() @Nested(() => PlaceRequest) place?: PlaceRequest;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 10000) narrative?: string;
  @ApiPropertyOptional({ type: [PartyRequest], description: 'The whole list of parties as it now stands' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Nested(() => PartyRequest, { each: true })
  parties?: PartyRequest[];
  @ApiPropertyOptional({ enum: MOTIVE_FLAGS, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(MOTIVE_FLAGS, { each: true })
  motiveFlags?: MotiveFlag[];
  @ApiPropertyOptional() @Optional() @IsBoolean() victimSupportWanted?: boolean;
  @ApiPropertyOptional({ description: 'true routes the report to integrity in the same request' })
  @Optional()
  @IsBoolean()
  concernsPoliceConduct?: boolean;
  @ApiPropertyOptional()
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffMembersConcerned?: string[];
}

export class AmendReportRequest {
  @ApiProperty({ type: AmendmentChangesRequest }) @Nested(() => AmendmentChangesRequest) changes: AmendmentChangesRequest;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class AssignReportRequest {
  @ApiProperty({ description: 'A competent service of the zone (configuration)', example: 'Diefstallen' })
  @IsString()
  @Length(1, 100)
  serviceId: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 1000) note?: string;
}

export class ExternalReferralRequest {
  @ApiProperty({ example: 'Slachtofferhulp Gent (CAW)' }) @IsString() @Length(1, 200) organisation: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class VictimSupportRequest {
  @ApiProperty() @IsUUID() partyId: string;
  @ApiProperty({ example: 'slachtofferbejegenaar' }) @IsString() @Length(1, 200) supportBy: string;
  @ApiProperty() @IsBoolean() accepted: boolean;
}

export class InvestigationRequestRequest {
  @ApiProperty({ example: 'Derde inbraak in de straat deze maand' }) @IsString() @Length(1, 1000) reason: string;
}
