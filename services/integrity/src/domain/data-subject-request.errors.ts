import { invalidCommand, refusal } from '@police/event-store/domain';

export type DataSubjectRequestConflictCode = 'id_in_use' | 'already_decided';
export type DataSubjectRequestNotFoundCode = 'data_subject_request_not_found';
export type InvalidDataSubjectRequestCode = 'required' | 'invalid_id' | 'invalid_value' | 'invalid_date' | 'date_in_future';

export class DataSubjectRequestNotFound extends refusal<DataSubjectRequestNotFoundCode>('DataSubjectRequestNotFound', 404) {}
export class DataSubjectRequestConflict extends refusal<DataSubjectRequestConflictCode>('DataSubjectRequestConflict', 409) {}
export class InvalidDataSubjectRequest extends invalidCommand<InvalidDataSubjectRequestCode>('InvalidDataSubjectRequest') {}
