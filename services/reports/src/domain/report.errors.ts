import { invalidCommand, refusal } from '@police/event-store/domain';

export type ReportNotFoundCode = 'report_not_found' | 'party_not_found';

export type ReportConflictCode =
  | 'report_already_received'
  | 'report_routed_to_integrity'
  | 'already_assigned_to_service'
  | 'no_such_victim'
  | 'victim_support_already_offered'
  | 'not_about_police_conduct'
  | 'report_kind_not_investigable'
  | 'investigation_already_requested'
  | 'not_routed_to_integrity'
  | 'processing_already_restricted'
  | 'processing_not_restricted'
  | 'statement_already_erased'
  | 'statement_in_judicial_file';

export type InvalidReportCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_time'
  | 'invalid_time_window'
  | 'time_window_in_future'
  | 'unknown_office'
  | 'appointment_required'
  | 'reporter_required'
  | 'invalid_parties'
  | 'object_required'
  | 'nothing_to_amend'
  | 'complaint_names_receiver';

export class ReportNotFound extends refusal<ReportNotFoundCode>('ReportNotFound', 404) {}

export class ReportConflict extends refusal<ReportConflictCode>('ReportConflict', 409) {}

export class InvalidReportCommand extends invalidCommand<InvalidReportCommandCode>('InvalidReportCommand') {}
