import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, Nested, Optional } from '@police/platform';
import {
  COMPLAINT_CHANNELS,
  ComplaintChannel,
  CONCLUSIONS,
  Conclusion,
  FORWARDING_CHANNELS,
  ForwardingChannel,
  LESSON_SCOPES,
  LessonScope,
  OVERSIGHT_BODIES,
  OversightBody,
  TRIAGE_ROUTES,
  TriageRoute,
} from '../../domain/complaint.events';

export class ComplainantRequest {
  @ApiProperty({ example: 'J. Janssens' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ description: 'Email address or phone number' }) @Optional() @IsString() @Length(1, 200) contact?: string;
}

/**
 * POST /api/integrity/complaints: a complaint from any channel but the desk (the desk's complaints come
 * through the reports service's contract). Staff concerned by staff id, as the identity provider names them.
 */
export class ReceiveComplaintRequest {
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) @IsIn(COMPLAINT_CHANNELS) channel: ComplaintChannel;
  @ApiProperty({ type: ComplainantRequest }) @Nested(() => ComplainantRequest) complainant: ComplainantRequest;
  @ApiProperty({ type: [String], example: ['5415-0204'], description: 'Staff ids; empty when the complainant could not identify them' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffConcerned: string[];
  @ApiProperty() @IsString() @Length(1, 10000) facts: string;
  @ApiProperty({ example: '2026-03-02' }) @IsCalendarDate() receivedOn: string;
  @ApiPropertyOptional({ description: 'Channel desk_report: the reports intake it came from' }) @Optional() @IsUUID() reportId?: string;
  @ApiPropertyOptional({ description: 'Channels via_comite_p / via_aig: their reference' })
  @Optional()
  @IsString()
  @Length(1, 100)
  externalReference?: string;
  @ApiPropertyOptional({ example: 'APG' }) @Optional() @IsString() @Length(1, 100) office?: string;
}

export class ForwardRequest {
  @ApiProperty({ enum: OVERSIGHT_BODIES }) @IsIn(OVERSIGHT_BODIES) body: OversightBody;
  @ApiProperty({ example: '2026-03-03' }) @IsCalendarDate() forwardedOn: string;
  @ApiProperty({ enum: FORWARDING_CHANNELS }) @IsIn(FORWARDING_CHANNELS) channel: ForwardingChannel;
  @ApiPropertyOptional({ description: "The body's reference, if already known" })
  @Optional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class AcknowledgeRequest {
  @ApiProperty({ description: "The body's reference" }) @IsString() @Length(1, 100) reference: string;
  @ApiProperty({ example: '2026-03-10' }) @IsCalendarDate() acknowledgedOn: string;
}

export class TriageRequest {
  @ApiProperty({ enum: TRIAGE_ROUTES }) @IsIn(TRIAGE_ROUTES) route: TriageRoute;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
  @ApiPropertyOptional({ description: "Judicial route: the parket's instruction" })
  @Optional()
  @IsString()
  @Length(1, 100)
  parketReference?: string;
}

export class OverrideRequest {
  @ApiProperty({ description: "The chief's reason to assign despite the conflict" }) @IsString() @Length(1, 2000) reason: string;
}

export class AssignInvestigatorRequest {
  @ApiProperty({ example: '5415-0401' }) @IsString() @Length(1, 64) investigatorId: string;
  @ApiProperty({ description: 'Designated ad hoc (access to this one file) rather than a member of the bureau' })
  @IsBoolean()
  designated: boolean;
  @ApiPropertyOptional({ type: OverrideRequest }) @Optional() @Nested(() => OverrideRequest) override?: OverrideRequest;
}

export class FindingRequest {
  @ApiProperty({ enum: ['incriminating', 'exculpatory'], description: 'Ten laste or ten ontlaste' })
  @IsIn(['incriminating', 'exculpatory'])
  kind: 'incriminating' | 'exculpatory';
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiProperty({ example: 'bodycambeelden' }) @IsString() @Length(1, 500) source: string;
  @ApiPropertyOptional({ description: 'The staff member concerned it is about' }) @Optional() @IsString() @Length(1, 64) staffId?: string;
}

export class InformationRequestRequest {
  @ApiProperty({ enum: OVERSIGHT_BODIES }) @IsIn(OVERSIGHT_BODIES) body: OversightBody;
  @ApiProperty() @IsString() @Length(1, 4000) request: string;
  @ApiProperty({ example: '2026-03-12' }) @IsCalendarDate() receivedOn: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) externalReference?: string;
}

export class AnswerInformationRequestRequest {
  @ApiProperty() @IsString() @Length(1, 10000) answer: string;
  @ApiProperty({ example: '2026-03-15' }) @IsCalendarDate() providedOn: string;
}

export class AssistanceRequest {
  @ApiProperty({ enum: ['lawyer', 'defender', 'waived'] }) @IsIn(['lawyer', 'defender', 'waived']) kind: 'lawyer' | 'defender' | 'waived';
  @ApiPropertyOptional({ description: 'Name of the lawyer or defender' }) @Optional() @IsString() @Length(1, 200) name?: string;
}

export class HearingRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({ example: '2026-03-20' }) @IsCalendarDate() heardOn: string;
  @ApiProperty({ type: AssistanceRequest }) @Nested(() => AssistanceRequest) assistance: AssistanceRequest;
  @ApiProperty({ description: 'Whether the staff member was given access to the file' }) @IsBoolean() fileAccessGiven: boolean;
  @ApiProperty() @IsString() @Length(1, 10000) summary: string;
}

export class OutcomeRequest {
  @ApiProperty({ enum: CONCLUSIONS }) @IsIn(CONCLUSIONS) conclusion: Conclusion;
  @ApiProperty() @IsString() @Length(1, 10000) summary: string;
}

export class ParketReportRequest {
  @ApiProperty({ example: '2026-04-01' }) @IsCalendarDate() reportedOn: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) parketReference?: string;
}

export class CriminalReferralRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffIds: string[];
  @ApiProperty({ example: '2026-04-01' }) @IsCalendarDate() referredOn: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 100) parketReference?: string;
}

export class DisciplinaryProcedureRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
}

export class SanctionRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({ example: 'blaam', description: 'A sanction of the configured catalogue' }) @IsString() @Length(1, 100) sanction: string;
  @ApiProperty({ example: '2026-05-01' }) @IsCalendarDate() decidedOn: string;
}

export class EvaluationNoteRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty() @IsString() @Length(1, 4000) note: string;
}

export class LessonsRequest {
  @ApiProperty({ enum: LESSON_SCOPES }) @IsIn(LESSON_SCOPES) scope: LessonScope;
  @ApiProperty() @IsString() @Length(1, 4000) lessons: string;
}
