import { commandContext, CommandResult, EventStore, handleCommand, RequestContext } from '@police/event-store';
import { Actor } from '../domain/investigations.decide';
import { decideInvestigation, decideOpenWithReportParties, InvestigationCommand } from '../domain/investigation.decide';
import { InvestigationEvent } from '../domain/investigation.events';
import { evolveInvestigation, initialInvestigationState, InvestigationState } from '../domain/investigation.state';
import { investigationStream } from '../domain/investigation.stream';

export { newRecordId } from '@police/event-store';

/** Who asks and in answer to what, as the HTTP edge (or a consumer) established it. */
export type InvestigationRequestContext = RequestContext<Actor>;

export type Envelope<C extends { type: string; data: unknown } = InvestigationCommand> = C extends unknown ? Pick<C, 'type' | 'data'> : never;

/** One investigation, load → decide → append. Opening links a referred report's parties in the same append. */
export class InvestigationCommands {
  constructor(private readonly store: EventStore) {}

  execute(investigationId: string, command: Envelope, ctx: InvestigationRequestContext): Promise<CommandResult<InvestigationState>> {
    return handleCommand<InvestigationState, InvestigationEvent>(
      this.store,
      investigationStream(investigationId),
      (state) => {
        const full = { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as InvestigationCommand;
        return full.type === 'OpenInvestigation' ? decideOpenWithReportParties(state, full) : decideInvestigation(state, full);
      },
      { evolve: evolveInvestigation, initialState: initialInvestigationState, context: commandContext(ctx), expected: ctx.expected },
    );
  }
}
