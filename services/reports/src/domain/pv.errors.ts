import { invalidCommand, refusal } from '@police/event-store/domain';

export type PvNotFoundCode = 'pv_not_found';

export type PvConflictCode =
  | 'pv_already_drafted'
  | 'pv_not_in_draft'
  | 'pv_not_submitted'
  | 'pv_not_quality_checked'
  | 'pv_not_finalised'
  | 'pv_finalised'
  | 'pv_already_transmitted'
  | 'pv_already_fed_to_ang';

export type PvForbiddenCode = 'not_the_author' | 'not_gak' | 'own_pv';

export type InvalidPvCommandCode =
  'required' | 'invalid_id' | 'invalid_value' | 'invalid_pv_number' | 'invalid_pv_number_pattern' | 'nothing_to_correct';

export class PvNotFound extends refusal<PvNotFoundCode>('PvNotFound', 404) {}

export class PvConflict extends refusal<PvConflictCode>('PvConflict', 409) {}

export class PvForbidden extends refusal<PvForbiddenCode>('PvForbidden', 403) {}

export class InvalidPvCommand extends invalidCommand<InvalidPvCommandCode>('InvalidPvCommand') {}
