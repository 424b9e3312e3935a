import { invalidCommand, refusal } from '@police/event-store/domain';

/**
 * Errors of Bureau Tucht's own records (order measures, threat files). The application answers a missing
 * record with the platform's 404 before the domain is asked; `*_not_found` here is the domain's own guard.
 */
export type TuchtNotFoundCode = 'order_measure_not_found' | 'threat_file_not_found';

export type TuchtConflictCode = 'id_in_use' | 'order_measure_ended' | 'threat_file_closed';

export type InvalidTuchtCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_date'
  | 'date_in_future'
  | 'unknown_order_measure_kind'
  | 'authority_not_competent'
  | 'not_applicable'
  | 'not_concerned';

export class TuchtNotFound extends refusal<TuchtNotFoundCode>('TuchtNotFound', 404) {}

export class TuchtConflict extends refusal<TuchtConflictCode>('TuchtConflict', 409) {}

export class InvalidTuchtCommand extends invalidCommand<InvalidTuchtCommandCode>('InvalidTuchtCommand') {}
