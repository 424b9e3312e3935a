import { aggregate } from '@police/event-store';
import { decideInvestigation, decideOpenWithReportParties, InvestigationCommand } from './domain/investigation.decide';
import { InvestigationEvent } from './domain/investigation.events';
import { evolveInvestigation, initialInvestigationState, InvestigationState } from './domain/investigation.state';
import { investigationStream } from './domain/investigation.stream';
import { Actor } from './domain/investigations.decide';

/** One investigation. Opening links a referred report's parties in the same append. */
export const investigationAggregate = aggregate<InvestigationState, InvestigationEvent, InvestigationCommand, Actor>({
  stream: investigationStream,
  initialState: initialInvestigationState,
  evolve: evolveInvestigation,
  decide: (state, command) =>
    command.type === 'OpenInvestigation' ? decideOpenWithReportParties(state, command) : decideInvestigation(state, command),
});
