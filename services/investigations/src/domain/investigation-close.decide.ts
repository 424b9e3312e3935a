import { CloseInvestigation, ReopenInvestigation, ReportToMagistrate } from './investigation.commands';
import { InvalidInvestigationCommand, InvestigationConflict, InvestigationNotFound } from './investigation.errors';
import { CLOSING_OUTCOMES, InvestigationClosed, InvestigationReopened, InvestigationReportedToMagistrate } from './investigation.events';
import { open, recorded, requireOneOf, requireText, requireUuid, validAuthorityRef } from './investigation.guards';
import { InvestigationState } from './investigation.state';
import { toIso } from './investigations.decide';

// The end: reporting to the magistrate, closing and reopening.

export function decideReportToMagistrate(
  state: InvestigationState,
  { data, metadata }: ReportToMagistrate,
): [InvestigationReportedToMagistrate] {
  const investigation = open(state);
  const to = validAuthorityRef(data.to, 'to');
  requireText(data, ['reportPvNumber', 'summary']);
  if (investigation.reportedToMagistrate !== null) {
    throw new InvestigationConflict(
      'already_reported_to_magistrate',
      `Investigation ${investigation.investigationId} was already reported (${investigation.reportedToMagistrate.reportPvNumber})`,
    );
  }
  return [
    {
      type: 'InvestigationReportedToMagistrate',
      data: { ...recorded(investigation, metadata), to, reportPvNumber: data.reportPvNumber, summary: data.summary },
    },
  ];
}

export function decideCloseInvestigation(state: InvestigationState, { data, metadata }: CloseInvestigation): [InvestigationClosed] {
  const investigation = open(state);
  requireOneOf(data.outcome, CLOSING_OUTCOMES, 'outcome');
  requireText(data, ['reason']);
  if (data.outcome === 'reported_to_magistrate' && investigation.reportedToMagistrate === null) {
    throw new InvestigationConflict(
      'not_reported_to_magistrate',
      'Report the investigation to the magistrate before closing it with that outcome',
    );
  }
  if (data.outcome === 'transferred_to_federal_police') requireText(data, ['transferredTo']);
  else if (data.transferredTo !== undefined)
    throw new InvalidInvestigationCommand('invalid_value', 'transferredTo belongs to a transfer only', 'transferredTo');
  if (data.outcome === 'merged_into_other_investigation') {
    requireUuid(data.mergedInto ?? '', 'mergedInto');
    if (data.mergedInto === investigation.investigationId) {
      throw new InvalidInvestigationCommand('invalid_id', 'An investigation cannot be merged into itself', 'mergedInto');
    }
  } else if (data.mergedInto !== undefined)
    throw new InvalidInvestigationCommand('invalid_value', 'mergedInto belongs to a merger only', 'mergedInto');
  return [
    {
      type: 'InvestigationClosed',
      data: {
        ...recorded(investigation, metadata),
        outcome: data.outcome,
        reason: data.reason,
        ...(data.transferredTo !== undefined && { transferredTo: data.transferredTo }),
        ...(data.mergedInto !== undefined && { mergedInto: data.mergedInto }),
      },
    },
  ];
}

export function decideReopenInvestigation(state: InvestigationState, { data, metadata }: ReopenInvestigation): [InvestigationReopened] {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  if (state.status !== 'closed')
    throw new InvestigationConflict('investigation_not_closed', `Investigation ${state.investigationId} is not closed`);
  requireText(data, ['reason']);
  return [
    {
      type: 'InvestigationReopened',
      data: {
        investigationId: state.investigationId,
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
        reason: data.reason,
        previousOutcome: state.closure.outcome,
        closedAt: state.closure.closedAt,
      },
    },
  ];
}
