import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { IsCalendarDate, Nested, Optional } from '@police/platform';
import { DATA_SUBJECT_REQUEST_KINDS, DataSubjectRequestKind } from '../../domain/data-subject-request.events';

export class DataSubjectRequestSubject {
  @ApiPropertyOptional({ example: 'Jan Peeters' }) @Optional() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional({ description: 'Person reference (e.g. the national register number)' })
  @Optional()
  @IsString()
  @Length(1, 64)
  personId?: string;
  @ApiPropertyOptional({ description: 'Staff id, when the requester is a member of staff' })
  @Optional()
  @IsString()
  @Length(1, 64)
  staffId?: string;
}

export class ReceiveDataSubjectRequestRequest {
  @ApiProperty({ enum: DATA_SUBJECT_REQUEST_KINDS }) @IsIn(DATA_SUBJECT_REQUEST_KINDS) kind: DataSubjectRequestKind;
  @ApiProperty({ type: DataSubjectRequestSubject }) @Nested(() => DataSubjectRequestSubject) subject: DataSubjectRequestSubject;
  @ApiProperty({ example: '2026-12-01', description: 'Calendar date the request arrived' })
  @IsCalendarDate()
  receivedOn: string;
  @ApiProperty({ example: 'Identity card checked at the desk' }) @IsString() @Length(3, 500) identityCheck: string;
}

export class RecordRefRequest {
  @ApiProperty({ enum: ['reports', 'investigations', 'evidence', 'integrity'] })
  @IsIn(['reports', 'investigations', 'evidence', 'integrity'])
  service: string;
  @ApiProperty({ example: 'report' }) @IsString() @Length(1, 64) type: string;
  @ApiProperty() @IsString() @Length(1, 64) id: string;
}

export class WithheldRecordRequest extends RecordRefRequest {
  @ApiProperty() @IsString() @Length(3, 1000) reason: string;
  @ApiProperty() @IsString() @Length(3, 500) legalBasis: string;
}

export class DecideDataSubjectRequestRequest {
  @ApiProperty({ type: [RecordRefRequest] })
  @IsArray()
  @ArrayMaxSize(2000)
  @Nested(() => RecordRefRequest, { each: true })
  disclosed: RecordRefRequest[];
  @ApiProperty({ type: [WithheldRecordRequest] })
  @IsArray()
  @ArrayMaxSize(2000)
  @Nested(() => WithheldRecordRequest, { each: true })
  withheld: WithheldRecordRequest[];
  @ApiProperty({ type: [RecordRefRequest] })
  @IsArray()
  @ArrayMaxSize(2000)
  @Nested(() => RecordRefRequest, { each: true })
  restricted: RecordRefRequest[];
  @ApiPropertyOptional({ type: [RecordRefRequest], description: 'The records whose data was erased under this request (ADR 0065)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(2000)
  @Nested(() => RecordRefRequest, { each: true })
  erased?: RecordRefRequest[];
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 2000) note?: string;
}
