import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { InvestigationState } from '../domain/investigation.state';
import { Envelope, InvestigationCommands, InvestigationRequestContext } from './investigation-commands';

/** A command on one investigation, dispatched through the CommandBus. */
export class ExecuteInvestigationCommand {
  constructor(
    readonly investigationId: string,
    readonly command: Envelope,
    readonly ctx: InvestigationRequestContext,
  ) {}
}

@CommandHandler(ExecuteInvestigationCommand)
export class ExecuteInvestigationCommandHandler implements ICommandHandler<ExecuteInvestigationCommand, CommandResult<InvestigationState>> {
  private readonly commands: InvestigationCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new InvestigationCommands(es.store);
  }
  execute(c: ExecuteInvestigationCommand) {
    return this.commands.execute(c.investigationId, c.command, c.ctx);
  }
}

export const INVESTIGATIONS_COMMAND_HANDLERS = [ExecuteInvestigationCommandHandler];
