import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { ComplaintState } from '../domain/complaint.state';
import { ComplaintEnvelope, IntegrityCommands, IntegrityRequestContext } from './integrity-commands';

/** A command on one complaint, dispatched through the CommandBus. */
export class ExecuteComplaintCommand {
  constructor(
    readonly complaintId: string,
    readonly command: ComplaintEnvelope,
    readonly ctx: IntegrityRequestContext,
  ) {}
}

@CommandHandler(ExecuteComplaintCommand)
export class ExecuteComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult<ComplaintState>> {
  private readonly commands: IntegrityCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new IntegrityCommands(es.store);
  }
  execute(c: ExecuteComplaintCommand) {
    return this.commands.complaint(c.complaintId, c.command, c.ctx);
  }
}

export const INTEGRITY_COMMAND_HANDLERS = [ExecuteComplaintCommandHandler];
