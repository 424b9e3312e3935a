import { invalidCommand, refusal } from '@police/event-store/domain';
import { ClosedInvestigation } from './investigation.state';

export type InvestigationNotFoundCode =
  | 'investigation_not_found'
  | 'party_link_not_found'
  | 'task_not_found'
  | 'parket_task_not_found'
  | 'series_link_not_found'
  | 'member_not_found';

export type InvestigationConflictCode =
  | 'investigation_already_opened'
  | 'investigation_closed'
  | 'investigation_not_closed'
  | 'directing_authority_required'
  | 'same_team'
  | 'same_lead_investigator'
  | 'already_a_member'
  | 'party_already_linked'
  | 'party_unlinked'
  | 'already_identified'
  | 'already_traced'
  | 'action_id_in_use'
  | 'task_id_in_use'
  | 'task_already_done'
  | 'parket_task_id_in_use'
  | 'parket_task_completed'
  | 'report_already_joined'
  | 'series_link_exists'
  | 'already_reported_to_magistrate'
  | 'not_reported_to_magistrate';

export type InvalidInvestigationCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_time'
  | 'invalid_date'
  | 'no_route_for_phenomenon'
  | 'authority_does_not_match_kind'
  | 'authorisation_required'
  | 'end_before_start'
  | 'time_in_future'
  | 'minor_cannot_waive_lawyer'
  | 'lawyer_required'
  | 'salduz_requires_suspect'
  | 'wrong_party_role'
  | 'series_link_to_itself';

export class InvestigationNotFound extends refusal<InvestigationNotFoundCode>('InvestigationNotFound', 404) {}

/**
 * No series link to this investigation: also the answer for a link to one the writer may not know of,
 * so it does not name the id (the answers for the two must be the same).
 */
export function seriesLinkNotFound(): InvestigationNotFound {
  return new InvestigationNotFound('series_link_not_found', 'The investigation named is not linked in a series with this one');
}

export class InvestigationConflict extends refusal<InvestigationConflictCode>('InvestigationConflict', 409) {}

/** Every command but reopening on a closed investigation ends here, and says how it was closed. */
export class InvestigationClosedError extends InvestigationConflict {
  constructor(state: ClosedInvestigation) {
    super(
      'investigation_closed',
      `Investigation ${state.investigationId} was closed (${state.closure.outcome}, ${state.closure.closedAt}); only reopening is possible`,
    );
    this.name = 'InvestigationClosedError';
  }
}

export class InvalidInvestigationCommand extends invalidCommand<InvalidInvestigationCommandCode>('InvalidInvestigationCommand') {}
