import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsPositive, IsString, IsUUID, isISO8601, Length, Min, ValidateBy, ValidateNested } from 'class-validator';
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

const DATE = { strict: true, strictSeparator: true } as const;
/**
 * A calendar day as YYYY-MM-DD. ISO 8601 alone also admits week dates (2026-W10-1, ten characters too),
 * which no `Date` can read: they made the early-warning view answer 500.
 */
export function IsCalendarDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, DATE),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be a calendar date (YYYY-MM-DD)`,
    },
  });
}

export class ComplainantRequest {
  @ApiProperty({ example: 'J. Janssens' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ description: 'Email address or phone number' }) @IsOptional() @IsString() @Length(1, 200) contact?: string;
}

/**
 * POST /api/integrity/complaints: a complaint from any channel but the desk (the desk's complaints come
 * through the reports service's contract). Staff concerned by staff id, as the identity provider names them.
 */
export class ReceiveComplaintRequest {
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) @IsIn(COMPLAINT_CHANNELS) channel: ComplaintChannel;
  @ApiProperty({ type: ComplainantRequest }) @ValidateNested() @Type(() => ComplainantRequest) complainant: ComplainantRequest;
  @ApiProperty({ type: [String], example: ['5415-0204'], description: 'Staff ids; empty when the complainant could not identify them' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  staffConcerned: string[];
  @ApiProperty() @IsString() @Length(1, 10000) facts: string;
  @ApiProperty({ example: '2026-03-02' }) @IsCalendarDay() receivedOn: string;
  @ApiPropertyOptional({ description: 'Channel desk_report: the reports intake it came from' }) @IsOptional() @IsUUID() reportId?: string;
  @ApiPropertyOptional({ description: 'Channels via_comite_p / via_aig: their reference' }) @IsOptional() @IsString() @Length(1, 100) externalReference?: string;
  @ApiPropertyOptional({ example: 'APG' }) @IsOptional() @IsString() @Length(1, 100) office?: string;
}

export class ForwardRequest {
  @ApiProperty({ enum: OVERSIGHT_BODIES }) @IsIn(OVERSIGHT_BODIES) body: OversightBody;
  @ApiProperty({ example: '2026-03-03' }) @IsCalendarDay() forwardedOn: string;
  @ApiProperty({ enum: FORWARDING_CHANNELS }) @IsIn(FORWARDING_CHANNELS) channel: ForwardingChannel;
  @ApiPropertyOptional({ description: "The body's reference, if already known" }) @IsOptional() @IsString() @Length(1, 100) reference?: string;
}

export class AcknowledgeRequest {
  @ApiProperty({ description: "The body's reference" }) @IsString() @Length(1, 100) reference: string;
  @ApiProperty({ example: '2026-03-10' }) @IsCalendarDay() acknowledgedOn: string;
}

export class TriageRequest {
  @ApiProperty({ enum: TRIAGE_ROUTES }) @IsIn(TRIAGE_ROUTES) route: TriageRoute;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
  @ApiPropertyOptional({ description: "Judicial route: the parket's instruction" }) @IsOptional() @IsString() @Length(1, 100) parketReference?: string;
}

export class OverrideRequest {
  @ApiProperty({ description: "The chief's reason to assign despite the conflict" }) @IsString() @Length(1, 2000) reason: string;
}

export class AssignInvestigatorRequest {
  @ApiProperty({ example: '5415-0401' }) @IsString() @Length(1, 64) investigatorId: string;
  @ApiProperty({ description: 'Designated ad hoc (access to this one file) rather than a member of the bureau' }) @IsBoolean() designated: boolean;
  @ApiPropertyOptional({ type: OverrideRequest }) @IsOptional() @ValidateNested() @Type(() => OverrideRequest) override?: OverrideRequest;
}

export class FindingRequest {
  @ApiProperty({ enum: ['incriminating', 'exculpatory'], description: 'Ten laste or ten ontlaste' }) @IsIn(['incriminating', 'exculpatory']) kind: 'incriminating' | 'exculpatory';
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiProperty({ example: 'bodycambeelden' }) @IsString() @Length(1, 500) source: string;
  @ApiPropertyOptional({ description: 'The staff member concerned it is about' }) @IsOptional() @IsString() @Length(1, 64) staffId?: string;
}

export class InformationRequestRequest {
  @ApiProperty({ enum: OVERSIGHT_BODIES }) @IsIn(OVERSIGHT_BODIES) body: OversightBody;
  @ApiProperty() @IsString() @Length(1, 4000) request: string;
  @ApiProperty({ example: '2026-03-12' }) @IsCalendarDay() receivedOn: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) externalReference?: string;
}

export class AnswerInformationRequestRequest {
  @ApiProperty() @IsString() @Length(1, 10000) answer: string;
  @ApiProperty({ example: '2026-03-15' }) @IsCalendarDay() providedOn: string;
}

export class AssistanceRequest {
  @ApiProperty({ enum: ['lawyer', 'defender', 'waived'] }) @IsIn(['lawyer', 'defender', 'waived']) kind: 'lawyer' | 'defender' | 'waived';
  @ApiPropertyOptional({ description: 'Name of the lawyer or defender' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
}

export class HearingRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({ example: '2026-03-20' }) @IsCalendarDay() heardOn: string;
  @ApiProperty({ type: AssistanceRequest }) @ValidateNested() @Type(() => AssistanceRequest) assistance: AssistanceRequest;
  @ApiProperty({ description: 'Whether the staff member was given access to the file' }) @IsBoolean() fileAccessGiven: boolean;
  @ApiProperty() @IsString() @Length(1, 10000) summary: string;
}

export class OutcomeRequest {
  @ApiProperty({ enum: CONCLUSIONS }) @IsIn(CONCLUSIONS) conclusion: Conclusion;
  @ApiProperty() @IsString() @Length(1, 10000) summary: string;
}

export class ParketReportRequest {
  @ApiProperty({ example: '2026-04-01' }) @IsCalendarDay() reportedOn: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) parketReference?: string;
}

export class CriminalReferralRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) staffIds: string[];
  @ApiProperty({ example: '2026-04-01' }) @IsCalendarDay() referredOn: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) parketReference?: string;
}

export class DisciplinaryProcedureRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
}

export class SanctionRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({ example: 'blaam', description: 'A sanction of the configured catalogue' }) @IsString() @Length(1, 100) sanction: string;
  @ApiProperty({ example: '2026-05-01' }) @IsCalendarDay() decidedOn: string;
}

export class EvaluationNoteRequest {
  @ApiProperty() @IsString() @Length(1, 64) staffId: string;
  @ApiProperty() @IsString() @Length(1, 4000) note: string;
}

export class LessonsRequest {
  @ApiProperty({ enum: LESSON_SCOPES }) @IsIn(LESSON_SCOPES) scope: LessonScope;
  @ApiProperty() @IsString() @Length(1, 4000) lessons: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListComplaintsQuery {
  @ApiPropertyOptional({ enum: ['intake', 'triaged', 'concluded', 'closed'] }) @IsOptional() @IsIn(['intake', 'triaged', 'concluded', 'closed']) status?: string;
  @ApiPropertyOptional({ enum: ['intake', 'BIT', 'Tucht', 'DPO'], description: 'The compartment the complaint sits in' }) @IsOptional() @IsIn(['intake', 'BIT', 'Tucht', 'DPO']) unit?: string;
  @ApiPropertyOptional({ description: 'Only complaints with a step past its time limit' }) @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'The complaint handed off from this desk report' }) @IsOptional() @IsUUID() reportId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsNumber() @IsPositive() limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) offset?: number;
}

export class EarlyWarningQuery {
  @ApiPropertyOptional({ description: 'The day the window ends (default today)', example: '2026-06-30' }) @IsOptional() @IsCalendarDay() asOf?: string;
}
