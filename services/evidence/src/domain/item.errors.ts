import { invalidCommand, refusal } from '@police/event-store/domain';
import { DisposedItem } from './item.state';

export type ItemNotFoundCode = 'item_not_found' | 'handover_not_found' | 'lab_submission_not_found';

export type ItemConflictCode =
  | 'item_already_registered'
  | 'item_disposed'
  | 'custody_offer_open'
  | 'handover_id_in_use'
  | 'handover_already_accepted'
  | 'handover_already_declined'
  | 'handover_already_withdrawn'
  | 'custodian_is_external'
  | 'item_checked_out'
  | 'item_not_checked_out'
  | 'item_already_in_storage'
  | 'item_not_in_storage'
  | 'lab_submission_cancelled'
  | 'lab_has_not_received_item'
  | 'lab_result_already_received'
  | 'disposal_decision_already_recorded'
  | 'no_disposal_decision'
  | 'disposal_decision_mismatch'
  | 'offer_to_current_custodian'
  | 'same_seal_number';

export type ItemForbiddenCode = 'not_the_custodian' | 'not_the_recipient';

/**
 * Codes of commands that are wrong in themselves, whatever the item's state. `witnesses_required` is the one
 * that also reads the item (its category): the command lacks data this item needs, so it is still a 422.
 */
export type InvalidItemCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_time'
  | 'case_reference_required'
  | 'invalid_quantity'
  | 'invalid_attachment'
  | 'seized_after_registration'
  | 'return_time_not_in_future'
  | 'not_a_laboratory'
  | 'decision_date_in_future'
  | 'witnesses_required'
  | 'invalid_witnesses';

export class ItemNotFound extends refusal<ItemNotFoundCode>('ItemNotFound', 404) {}

export class ItemConflict extends refusal<ItemConflictCode>('ItemConflict', 409) {}

/** Every command on a disposed item ends here, and says which disposal closed it. */
export class ItemDisposedError extends ItemConflict {
  constructor(state: DisposedItem) {
    const { disposition, decisionRef, executedAt } = state.disposal;
    super(
      'item_disposed',
      `Item ${state.labelNumber} was disposed of (${disposition} on decision ${decisionRef}, ${executedAt}); nothing more can happen to it`,
    );
    this.name = 'ItemDisposedError';
  }
}

export class ItemForbidden extends refusal<ItemForbiddenCode>('ItemForbidden', 403) {}

export class InvalidItemCommand extends invalidCommand<InvalidItemCommandCode>('InvalidItemCommand') {}
