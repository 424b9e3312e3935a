import { DomainError } from '@police/event-store';

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

export type InvalidPvCommandCode = 'required' | 'invalid_id' | 'invalid_value' | 'invalid_pv_number' | 'invalid_pv_number_pattern' | 'nothing_to_correct';

export class PvNotFound extends DomainError {
  constructor(code: PvNotFoundCode, message: string) {
    super(code, message, 404);
    this.name = 'PvNotFound';
  }
}

export class PvConflict extends DomainError {
  constructor(code: PvConflictCode, message: string) {
    super(code, message, 409);
    this.name = 'PvConflict';
  }
}

export class PvForbidden extends DomainError {
  constructor(code: PvForbiddenCode, message: string) {
    super(code, message, 403);
    this.name = 'PvForbidden';
  }
}

export class InvalidPvCommand extends DomainError {
  constructor(code: InvalidPvCommandCode, message: string, field?: string) {
    super(code, message, 422, field);
    this.name = 'InvalidPvCommand';
  }
}
