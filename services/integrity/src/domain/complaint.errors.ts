import { invalidCommand, refusal } from '@police/event-store/domain';
import { InvestigatorConflict } from './complaint.events';

export type ComplaintNotFoundCode =
  'complaint_not_found' | 'forwarding_not_found' | 'information_request_not_found' | 'disciplinary_procedure_not_found';

export type ComplaintConflictCode =
  | 'complaint_already_received'
  | 'complaint_closed'
  | 'forwarding_not_recorded'
  | 'already_forwarded'
  | 'forwarding_already_acknowledged'
  | 'already_triaged'
  | 'not_triaged'
  | 'investigation_concluded'
  | 'not_concluded'
  | 'investigator_already_assigned'
  | 'investigator_concerned'
  | 'conflict_of_interest'
  | 'id_in_use'
  | 'information_request_already_answered'
  | 'no_finding_considered'
  | 'conclusion_does_not_allow'
  | 'already_reported_to_parket'
  | 'already_referred'
  | 'disciplinary_procedure_already_started'
  | 'sanction_already_decided'
  | 'note_already_added';

export type ComplaintForbiddenCode = 'not_an_ordering_authority' | 'not_an_investigator' | 'not_the_chief' | 'authority_not_competent';

export type InvalidComplaintCommandCode =
  | 'required'
  | 'invalid_id'
  | 'invalid_value'
  | 'invalid_date'
  | 'date_in_future'
  | 'origin_required'
  | 'origin_mismatch'
  | 'parket_reference_required'
  | 'not_a_disciplinary_authority'
  | 'not_concerned'
  | 'unknown_sanction'
  | 'override_without_conflict';

export class ComplaintNotFound extends refusal<ComplaintNotFoundCode>('ComplaintNotFound', 404) {}

export class ComplaintConflict extends refusal<ComplaintConflictCode>('ComplaintConflict', 409) {}

/** R-INT-1: nothing past intake happens before both oversight bodies have the complaint on record. */
export class ForwardingNotRecorded extends ComplaintConflict {
  constructor(
    registerNumber: string,
    readonly missing: ('comite_p' | 'aig')[],
  ) {
    super(
      'forwarding_not_recorded',
      `Complaint ${registerNumber} is not yet forwarded to ${missing.map((b) => (b === 'comite_p' ? 'Comité P' : 'AIG')).join(' and ')}; every complaint goes to both first`,
    );
    this.name = 'ForwardingNotRecorded';
  }
}

/** The proposed investigator is too close to a staff member concerned; only the chief may override, with a reason. */
export class ConflictOfInterest extends ComplaintConflict {
  constructor(
    investigatorId: string,
    readonly conflicts: InvestigatorConflict[],
  ) {
    super(
      'conflict_of_interest',
      `Investigator ${investigatorId} has a conflict of interest (${conflicts.map((c) => `${c.kind.replace('_', ' ')} with ${c.staffId}`).join('; ')}); the chief may override with a reason`,
    );
    this.name = 'ConflictOfInterest';
  }
}

export class ComplaintForbidden extends refusal<ComplaintForbiddenCode>('ComplaintForbidden', 403) {}

export class InvalidComplaintCommand extends invalidCommand<InvalidComplaintCommandCode>('InvalidComplaintCommand') {}
