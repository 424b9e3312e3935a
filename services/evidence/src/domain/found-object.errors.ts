import { invalidCommand, refusal } from '@police/event-store/domain';
import { ClosedFoundObject } from './found-object.state';

export type FoundObjectConflictCode =
  | 'found_object_already_registered'
  | 'found_object_closed'
  | 'owner_search_already_started'
  | 'owner_already_identified'
  | 'loss_declaration_already_matched'
  | 'not_the_identified_owner'
  | 'holding_period_not_over';

export type InvalidFoundObjectCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_time'
  | 'found_after_registration'
  | 'identity_not_confirmed'
  | 'holding_period_not_configured';

export class FoundObjectNotFound extends refusal<'found_object_not_found'>('FoundObjectNotFound', 404) {
  constructor(message: string) {
    super('found_object_not_found', message);
  }
}

export class FoundObjectConflict extends refusal<FoundObjectConflictCode>('FoundObjectConflict', 409) {}

const OUTCOME: Record<ClosedFoundObject['status'], string> = {
  returned_to_owner: 'returned to its owner',
  handed_to_organisation: 'handed to an organisation',
  destroyed: 'destroyed',
};

export class FoundObjectClosed extends FoundObjectConflict {
  constructor(state: ClosedFoundObject) {
    super(
      'found_object_closed',
      `Found object ${state.foundObjectId} was ${OUTCOME[state.status]} at ${state.closedAt}; nothing more can happen to it`,
    );
    this.name = 'FoundObjectClosed';
  }
}

export class InvalidFoundObjectCommand extends invalidCommand<InvalidFoundObjectCommandCode>('InvalidFoundObjectCommand') {}
