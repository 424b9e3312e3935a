import { TriageComplaint } from './complaint.commands';
import { ComplaintConflict, ComplaintForbidden, InvalidComplaintCommand } from './complaint.errors';
import {
  AdministrativeInvestigationOrdered,
  COMPARTMENT_OF_ROUTE,
  ComplaintRoutedToDpo,
  DisciplinaryInvestigationOrdered,
  JudicialInvestigationOrdered,
  TRIAGE_ROUTES,
} from './complaint.events';
import { forwarded, label, requireOneOf, requireText } from './complaint.guards';
import { ComplaintState } from './complaint.state';
import { isBlank, KORPSCHEF, toIso } from './integrity.decide';

// Triage: which investigation the complaint gets, or the DPO.

type Triaged = AdministrativeInvestigationOrdered | JudicialInvestigationOrdered | DisciplinaryInvestigationOrdered | ComplaintRoutedToDpo;

/** BIT and DPO routes are the chief's; a disciplinary investigation is ordered by any configured disciplinary authority. */
export function decideTriageComplaint(state: ComplaintState, { data, metadata }: TriageComplaint): [Triaged] {
  const complaint = forwarded(state);
  if (complaint.phase !== 'intake') throw new ComplaintConflict('already_triaged', `Complaint ${label(complaint)} was already triaged`);
  requireOneOf(data.route, TRIAGE_ROUTES, 'route');
  requireText(data, ['reason']);
  const authority = metadata.actor.authority;
  if (data.route === 'disciplinary') {
    if (authority === undefined || !data.disciplinaryAuthorities.includes(authority)) {
      throw new ComplaintForbidden(
        'not_an_ordering_authority',
        `Only a disciplinary authority (${data.disciplinaryAuthorities.join(', ')}) may order a disciplinary investigation`,
      );
    }
  } else if (authority !== KORPSCHEF) {
    throw new ComplaintForbidden(
      'not_an_ordering_authority',
      `Only the korpschef may route a complaint to ${data.route === 'dpo' ? 'the DPO' : 'BIT'}`,
    );
  }
  if (data.route === 'judicial' && isBlank(data.parketReference)) {
    throw new InvalidComplaintCommand(
      'parket_reference_required',
      "A judicial investigation runs on the parket's instruction: give its reference",
      'parketReference',
    );
  }
  if (data.route !== 'judicial' && data.parketReference !== undefined) {
    throw new InvalidComplaintCommand('invalid_value', 'Only a judicial investigation carries a parket reference', 'parketReference');
  }
  const order = {
    complaintId: complaint.complaintId,
    compartment: COMPARTMENT_OF_ROUTE[data.route],
    reason: data.reason,
    orderedBy: metadata.actor.staffId,
    orderedAs: authority as string,
    orderedAt: toIso(metadata.now),
  };
  switch (data.route) {
    case 'administrative':
      return [{ type: 'AdministrativeInvestigationOrdered', data: order }];
    case 'judicial':
      return [{ type: 'JudicialInvestigationOrdered', data: { ...order, parketReference: data.parketReference as string } }];
    case 'disciplinary':
      return [{ type: 'DisciplinaryInvestigationOrdered', data: order }];
    case 'dpo':
      return [{ type: 'ComplaintRoutedToDpo', data: order }];
  }
}
