import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsCount, IsInstant, Nested, Optional } from '@police/platform';
import {
  ACTION_KINDS,
  ActionKind,
  Authority,
  AUTHORITIES,
  CLOSING_OUTCOMES,
  ClosingOutcome,
  INVESTIGATION_KINDS,
  InvestigationKind,
  ORIGIN_KINDS,
  OriginKind,
  PARTY_ROLES,
  PartyRole,
  REPORT_KINDS,
  REPORT_PARTY_ROLES,
  ReportKind,
  ReportPartyRole,
} from '../../domain/investigation.events';

export class AuthorityRefRequest {
  @ApiProperty({ enum: AUTHORITIES }) @IsIn(AUTHORITIES) authority: Authority;
  @ApiProperty({ description: 'Parket notice number, onderzoeksrechter case number, warrant number', example: 'GE.20.L1.004512/25' })
  @IsString()
  @Length(1, 64)
  reference: string;
}

export class PlaceRequest {
  @ApiProperty({ example: 'Gent' }) @IsString() @Length(1, 100) municipality: string;
  @ApiPropertyOptional({ example: '9000' }) @Optional() @IsString() @Length(4, 4) postalCode?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) address?: string;
}

export class ReportPartyRequest {
  @ApiProperty() @IsUUID() partyId: string;
  @ApiProperty({ enum: REPORT_PARTY_ROLES }) @IsIn(REPORT_PARTY_ROLES) role: ReportPartyRole;
  @ApiProperty() @IsString() @Length(1, 200) displayName: string;
}

/** The essentials of the referred report, as its public contract carries them. */
export class ReferredReportRequest {
  @ApiProperty() @IsUUID() reportId: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) pvNumber?: string;
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;
  @ApiProperty({ example: 'woninginbraak' }) @IsString() @Length(1, 100) incidentType: string;
  @ApiProperty() @IsInstant() incidentFrom: string;
  @ApiPropertyOptional() @Optional() @IsInstant() incidentTo?: string;
  @ApiProperty({ type: PlaceRequest }) @Nested(() => PlaceRequest) place: PlaceRequest;
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiProperty({ type: [ReportPartyRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @Nested(() => ReportPartyRequest, { each: true })
  parties: ReportPartyRequest[];
}

/** Who asked for the investigation: a referred report, a parket or onderzoeksrechter instruction (with its reference), another police service, the own organisation, or own initiative. */
export class OriginRequest {
  @ApiProperty({ enum: ORIGIN_KINDS }) @IsIn(ORIGIN_KINDS) kind: OriginKind;
  @ApiPropertyOptional({ type: ReferredReportRequest, description: 'kind report' })
  @Optional()
  @Nested(() => ReferredReportRequest)
  report?: ReferredReportRequest;
  @ApiPropertyOptional({ enum: ['kantschrift', 'opdracht'], description: 'kind parket / onderzoeksrechter' })
  @Optional()
  @IsIn(['kantschrift', 'opdracht'])
  instruction?: 'kantschrift' | 'opdracht';
  @ApiPropertyOptional({ description: 'The instruction’s reference, or the other service’s' })
  @Optional()
  @IsString()
  @Length(1, 64)
  reference?: string;
  @ApiPropertyOptional({ description: 'kind andere_politiedienst' }) @Optional() @IsString() @Length(1, 200) service?: string;
  @ApiPropertyOptional({ description: 'kind eigen_organisatie' }) @Optional() @IsString() @Length(1, 200) unit?: string;
}

/** POST /api/investigations */
export class OpenInvestigationRequest {
  @ApiProperty({ enum: INVESTIGATION_KINDS }) @IsIn(INVESTIGATION_KINDS) kind: InvestigationKind;
  @ApiProperty({ type: OriginRequest }) @Nested(() => OriginRequest) origin: OriginRequest;
  @ApiPropertyOptional({ type: AuthorityRefRequest })
  @Optional()
  @Nested(() => AuthorityRefRequest)
  directingAuthority?: AuthorityRefRequest;
  @ApiProperty({ example: 'woninginbraak', description: 'Phenomenon code; routes the case to its team' })
  @IsString()
  @Length(1, 100)
  phenomenon: string;
  @ApiProperty({ example: 'Inbraak Voorbeeldstraat 12' }) @IsString() @Length(1, 200) title: string;
  @ApiPropertyOptional({ description: 'Names the team instead of routing by phenomenon', example: 'Diefstallen' })
  @Optional()
  @IsString()
  @Length(1, 100)
  team?: string;
}

export class DirectingAuthorityRequest extends AuthorityRefRequest {
  @ApiProperty({ enum: INVESTIGATION_KINDS }) @IsIn(INVESTIGATION_KINDS) kind: InvestigationKind;
}

export class TeamAssignmentRequest {
  @ApiPropertyOptional({ description: 'Without it, the zone’s routing table picks the team from the phenomenon' })
  @Optional()
  @IsString()
  @Length(1, 100)
  team?: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class LeadInvestigatorRequest {
  @ApiProperty({ example: '5415-0201' }) @IsString() @Length(1, 64) staffId: string;
  @ApiPropertyOptional({ description: 'Required when replacing a lead' }) @Optional() @IsString() @Length(1, 1000) reason?: string;
}

export class MemberRequest {
  @ApiProperty({ example: '5415-0201' }) @IsString() @Length(1, 64) staffId: string;
}

export class ReasonRequest {
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class LinkPartyRequest {
  @ApiPropertyOptional({ description: 'The person’s reference (a reports party id, a national-register reference); default: a new one' })
  @Optional()
  @IsString()
  @Length(1, 64)
  personId?: string;
  @ApiProperty({ example: 'K. Janssens' }) @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({ enum: PARTY_ROLES }) @IsIn(PARTY_ROLES) role: PartyRole;
  @ApiProperty() @IsBoolean() identified: boolean;
  @ApiProperty() @IsBoolean() traced: boolean;
}

export class IdentifyPersonRequest {
  @ApiProperty() @IsString() @Length(1, 64) personId: string;
  @ApiProperty({ example: 'vingerafdrukken, AFIS-hit' }) @IsString() @Length(1, 500) how: string;
}

export class TracePersonRequest {
  @ApiProperty() @IsInstant() tracedAt: string;
  @ApiProperty() @IsString() @Length(1, 500) place: string;
}

export class LegalAssistanceRequest {
  @ApiProperty({ enum: ['present', 'waived', 'not_applicable'] }) @IsIn(['present', 'waived', 'not_applicable']) kind:
    'present' | 'waived' | 'not_applicable';
  @ApiPropertyOptional({ description: 'kind present' }) @Optional() @IsString() @Length(1, 200) lawyer?: string;
}

export class InterpreterRequest {
  @ApiProperty() @IsString() @Length(1, 50) language: string;
  @ApiProperty() @IsString() @Length(1, 200) name: string;
}

/**
 * POST /api/investigations/:id/actions: an investigative action of `kind`, with who, when and the
 * authorisation where required; the fields of its kind are named in each property's description.
 */
export class RecordActionRequest {
  @ApiProperty({ enum: ACTION_KINDS }) @IsIn(ACTION_KINDS) kind: ActionKind;
  @ApiPropertyOptional({ type: [String], description: 'Staff ids; default: you' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  performedBy?: string[];
  @ApiProperty() @IsInstant() startedAt: string;
  @ApiPropertyOptional({ description: 'Required for a hearing' }) @Optional() @IsInstant() endedAt?: string;
  @ApiPropertyOptional({ type: AuthorityRefRequest, description: 'The warrant or order, where the zone requires one' })
  @Optional()
  @Nested(() => AuthorityRefRequest)
  authorisation?: AuthorityRefRequest;
  @ApiPropertyOptional({ description: 'hearing, arrest, brought_before_magistrate' })
  @Optional()
  @IsString()
  @Length(1, 64)
  partyLinkId?: string;
  @ApiPropertyOptional({ description: 'hearing' }) @Optional() @IsBoolean() deferredSalduz?: boolean;
  @ApiPropertyOptional({ description: 'hearing: the person heard is a minor' }) @Optional() @IsBoolean() minor?: boolean;
  @ApiPropertyOptional({ type: LegalAssistanceRequest, description: 'hearing' })
  @Optional()
  @Nested(() => LegalAssistanceRequest)
  legalAssistance?: LegalAssistanceRequest;
  @ApiPropertyOptional({ type: InterpreterRequest, description: 'hearing' })
  @Optional()
  @Nested(() => InterpreterRequest)
  interpreter?: InterpreterRequest;
  @ApiPropertyOptional({ description: 'house_search' }) @Optional() @IsString() @Length(1, 500) address?: string;
  @ApiPropertyOptional({ description: 'house_search' }) @Optional() @IsString() @Length(1, 4000) findings?: string;
  @ApiPropertyOptional({ description: 'observation' }) @Optional() @IsString() @Length(1, 500) target?: string;
  @ApiPropertyOptional({ description: 'camera_enquiry' }) @Optional() @IsString() @Length(1, 500) source?: string;
  @ApiPropertyOptional({ description: 'camera_enquiry, anpr_lookup' }) @Optional() @IsInstant() periodFrom?: string;
  @ApiPropertyOptional({ description: 'camera_enquiry, anpr_lookup' }) @Optional() @IsInstant() periodTo?: string;
  @ApiPropertyOptional({ description: 'telephony_enquiry, bank_enquiry' }) @Optional() @IsString() @Length(1, 500) subject?: string;
  @ApiPropertyOptional({ description: 'telephony_enquiry' }) @Optional() @IsString() @Length(1, 1000) scope?: string;
  @ApiPropertyOptional({ description: 'bank_enquiry' }) @Optional() @IsString() @Length(1, 200) institution?: string;
  @ApiPropertyOptional({ description: 'anpr_lookup' }) @Optional() @IsString() @Length(1, 20) plate?: string;
  @ApiPropertyOptional({ description: 'anpr_lookup' }) @Optional() @IsCount() hits?: number;
  @ApiPropertyOptional({ description: 'trace_collection' }) @Optional() @IsString() @Length(1, 2000) description?: string;
  @ApiPropertyOptional({ description: 'trace_collection, arrest' }) @Optional() @IsString() @Length(1, 500) place?: string;
  @ApiPropertyOptional({ enum: AUTHORITIES, description: 'brought_before_magistrate' })
  @Optional()
  @IsIn(AUTHORITIES)
  magistrate?: Authority;
}

export class CreateTaskRequest {
  @ApiProperty() @IsString() @Length(1, 500) title: string;
  @ApiProperty({ example: '5415-0201' }) @IsString() @Length(1, 64) assignee: string;
  @ApiProperty({ example: '2026-12-01' }) @IsCalendarDate() dueDate: string;
}

export class ReceiveParketTaskRequest {
  @ApiProperty({ type: AuthorityRefRequest }) @Nested(() => AuthorityRefRequest) from: AuthorityRefRequest;
  @ApiProperty() @IsString() @Length(1, 4000) description: string;
  @ApiProperty({ example: '2026-12-01' }) @IsCalendarDate() deadline: string;
}

export class DistributeParketTaskRequest {
  @ApiProperty({ example: '5415-0201' }) @IsString() @Length(1, 64) assignee: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) team?: string;
}

export class CompleteParketTaskRequest {
  @ApiProperty() @IsString() @Length(1, 4000) result: string;
}

export class JoinReportRequest {
  @ApiProperty() @IsUUID() reportId: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) pvNumber?: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class SeriesLinkRequest {
  @ApiProperty() @IsUUID() otherInvestigationId: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class ReportToMagistrateRequest {
  @ApiProperty({ type: AuthorityRefRequest }) @Nested(() => AuthorityRefRequest) to: AuthorityRefRequest;
  @ApiProperty({ description: 'The PV of the final report' }) @IsString() @Length(1, 64) reportPvNumber: string;
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
}

export class CloseInvestigationRequest {
  @ApiProperty({ enum: CLOSING_OUTCOMES }) @IsIn(CLOSING_OUTCOMES) outcome: ClosingOutcome;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
  @ApiPropertyOptional({ description: 'outcome transferred_to_federal_police' })
  @Optional()
  @IsString()
  @Length(1, 200)
  transferredTo?: string;
  @ApiPropertyOptional({ description: 'outcome merged_into_other_investigation' }) @Optional() @IsUUID() mergedInto?: string;
}
