import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, Nested, Optional } from '@police/platform';
import { ORDER_MEASURE_FOLLOW_UP_ACTIONS, OrderMeasureFollowUpAction } from '../../domain/order-measure.events';
import { THREAT_INVOLVEMENTS, ThreatInvolvement } from '../../domain/threat-file.events';

/** POST /api/integrity/order-measures: an order measure a competent authority decided, recorded by Bureau Tucht. */
export class RecordOrderMeasureRequest {
  @ApiProperty({ example: '5415-0204', description: 'The staff member the measure is toward' }) @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({ example: 'schorsing bij ordemaatregel', description: 'One of the configured kinds' })
  @IsString()
  @Length(1, 200)
  kind: string;
  @ApiProperty({ example: 'korpschef', description: 'The authority that decided it (competent for the kind, per configuration)' })
  @IsString()
  @Length(1, 100)
  authority: string;
  @ApiProperty() @IsString() @Length(1, 4000) reason: string;
  @ApiProperty({ example: '2026-03-02' }) @IsCalendarDate() decidedOn: string;
  @ApiProperty({ example: '2026-03-03' }) @IsCalendarDate() startsOn: string;
  @ApiPropertyOptional({ example: '2026-06-02', description: 'Absent: until further notice' })
  @Optional()
  @IsCalendarDate()
  endsOn?: string;
  @ApiPropertyOptional({ description: 'The complaint it goes with (the staff member must be concerned by it)' })
  @Optional()
  @IsUUID()
  complaintId?: string;
}

export class FollowUpOrderMeasureRequest {
  @ApiProperty({ enum: ORDER_MEASURE_FOLLOW_UP_ACTIONS }) @IsIn(ORDER_MEASURE_FOLLOW_UP_ACTIONS) action: OrderMeasureFollowUpAction;
  @ApiProperty({ example: '2026-05-30', description: 'The day it took effect' }) @IsCalendarDate() on: string;
  @ApiProperty({ description: 'What was decided or noted, and why' }) @IsString() @Length(1, 4000) note: string;
  @ApiPropertyOptional({ example: '2026-09-02', description: 'extended: the new end date' }) @Optional() @IsCalendarDate() endsOn?: string;
  @ApiPropertyOptional({ example: 'burgemeester', description: 'extended, lifted: the authority that decided it' })
  @Optional()
  @IsString()
  @Length(1, 100)
  authority?: string;
}

export class InvolvedStaffRequest {
  @ApiProperty({ example: '5415-0204' }) @IsString() @Length(1, 64) staffId: string;
  @ApiProperty({
    enum: THREAT_INVOLVEMENTS,
    description: 'Source (subject) or target of the threat; unspecified when nobody said (the source text does not)',
  })
  @IsIn(THREAT_INVOLVEMENTS)
  involvement: ThreatInvolvement;
}

/** POST /api/integrity/threat-files: a threat file "tegenover collega's", opened by Bureau Tucht. */
export class OpenThreatFileRequest {
  @ApiProperty({ example: '2026-02-10' }) @IsCalendarDate() openedOn: string;
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiProperty({ type: [InvolvedStaffRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Nested(() => InvolvedStaffRequest, { each: true })
  involved: InvolvedStaffRequest[];
}

export class ThreatFileNoteRequest {
  @ApiProperty() @IsString() @Length(1, 4000) note: string;
}

export class CloseThreatFileRequest {
  @ApiProperty({ example: '2026-03-01' }) @IsCalendarDate() closedOn: string;
  @ApiProperty() @IsString() @Length(1, 4000) reason: string;
}
