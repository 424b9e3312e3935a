import { inputRules } from '@police/event-store/domain';
import { DisciplineConfig } from './complaint.commands';
import {
  ComplaintConflict,
  ComplaintForbidden,
  ComplaintNotFound,
  ForwardingNotRecorded,
  InvalidComplaintCommand,
} from './complaint.errors';
import { Conclusion, OVERSIGHT_BODIES, OversightBody } from './complaint.events';
import { Complaint, ComplaintState, isForwardedToBoth } from './complaint.state';
import { Actor, hasDuplicates, isBlank } from './integrity.decide';

// What the complaint's deciders check before they decide: the phase the complaint is in, who acts, and the shared input rules.

export const { requireText, requireOneOf, requireBoolean, requirePastDate, requireNotBefore } = inputRules(InvalidComplaintCommand);

export function open(state: ComplaintState): Complaint {
  if (state.status !== 'registered') throw new ComplaintNotFound('complaint_not_found', 'No complaint under this id');
  if (state.phase === 'closed') throw new ComplaintConflict('complaint_closed', `Complaint ${label(state)} is closed`);
  return state;
}

/** R-INT-1 as a guard: every command past intake goes through here first. */
export function forwarded(state: ComplaintState): Complaint {
  const complaint = open(state);
  if (!isForwardedToBoth(complaint)) {
    throw new ForwardingNotRecorded(
      label(complaint),
      OVERSIGHT_BODIES.filter((body) => complaint.forwardings[body] === undefined),
    );
  }
  return complaint;
}

export function investigating(state: ComplaintState): Complaint {
  const complaint = forwarded(state);
  if (complaint.phase === 'intake') throw new ComplaintConflict('not_triaged', `Complaint ${label(complaint)} is not triaged yet`);
  if (complaint.phase !== 'triaged')
    throw new ComplaintConflict('investigation_concluded', `The investigation of complaint ${label(complaint)} is concluded`);
  return complaint;
}

export function concluded(state: ComplaintState, allowed: readonly Conclusion[], what: string): Complaint {
  const complaint = forwarded(state);
  if (complaint.conclusion === null)
    throw new ComplaintConflict('not_concluded', `The investigation of complaint ${label(complaint)} is not concluded`);
  if (!allowed.includes(complaint.conclusion.conclusion)) {
    throw new ComplaintConflict(
      'conclusion_does_not_allow',
      `Complaint ${label(complaint)} was concluded ${complaint.conclusion.conclusion.replaceAll('_', ' ')}; it cannot ${what}`,
    );
  }
  return complaint;
}

export function requireInvestigator(complaint: Complaint, actor: Actor): void {
  if (!Object.hasOwn(complaint.investigators, actor.staffId)) {
    throw new ComplaintForbidden('not_an_investigator', `Only an investigator assigned to complaint ${label(complaint)} may do this`);
  }
}

export function requireDisciplinaryAuthority(actor: Actor, config: DisciplineConfig, action: string): string {
  if (actor.authority === undefined || !config.authorities.includes(actor.authority)) {
    throw new ComplaintForbidden(
      'not_an_ordering_authority',
      `Only a disciplinary authority (${config.authorities.join(', ')}) may ${action}`,
    );
  }
  return actor.authority;
}

export function requireConcerned(complaint: Complaint, staffId: string, field: string): void {
  if (!complaint.staffConcerned.includes(staffId)) {
    throw new InvalidComplaintCommand(
      'not_concerned',
      `${staffId} is not a staff member concerned by complaint ${label(complaint)}`,
      field,
    );
  }
}

export function requireStaffIds(ids: readonly string[], field: string, options: { allowNone?: boolean } = {}): void {
  if (!Array.isArray(ids)) throw new InvalidComplaintCommand('required', `${field} must be a list of staff ids`, field);
  if (ids.length === 0 && !options.allowNone)
    throw new InvalidComplaintCommand('required', `${field} names at least one staff member`, field);
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || isBlank(id))
      throw new InvalidComplaintCommand('required', `${field}[${i}] may not be blank`, `${field}[${i}]`);
  });
  if (hasDuplicates(ids)) throw new InvalidComplaintCommand('invalid_value', `${field} names a staff member twice`, field);
}

export function label(complaint: Complaint): string {
  return complaint.registerNumber ?? complaint.complaintId;
}

export function bodyName(body: OversightBody): string {
  return body === 'comite_p' ? 'Comité P' : 'AIG';
}
