import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { ComplaintState } from '../domain/complaint.state';
import type { OrderMeasureState } from '../domain/order-measure.decide';
import type { ThreatFileState } from '../domain/threat-file.decide';
import { ComplaintEnvelope, IntegrityCommands, IntegrityRequestContext, OrderMeasureEnvelope, ThreatFileEnvelope } from './integrity-commands';

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

/** A command on one order measure. */
export class ExecuteOrderMeasureCommand {
  constructor(
    readonly measureId: string,
    readonly command: OrderMeasureEnvelope,
    readonly ctx: IntegrityRequestContext,
  ) {}
}

@CommandHandler(ExecuteOrderMeasureCommand)
export class ExecuteOrderMeasureCommandHandler implements ICommandHandler<ExecuteOrderMeasureCommand, CommandResult<OrderMeasureState>> {
  private readonly commands: IntegrityCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new IntegrityCommands(es.store);
  }
  execute(c: ExecuteOrderMeasureCommand) {
    return this.commands.orderMeasure(c.measureId, c.command, c.ctx);
  }
}

/** A command on one threat file. */
export class ExecuteThreatFileCommand {
  constructor(
    readonly threatFileId: string,
    readonly command: ThreatFileEnvelope,
    readonly ctx: IntegrityRequestContext,
  ) {}
}

@CommandHandler(ExecuteThreatFileCommand)
export class ExecuteThreatFileCommandHandler implements ICommandHandler<ExecuteThreatFileCommand, CommandResult<ThreatFileState>> {
  private readonly commands: IntegrityCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new IntegrityCommands(es.store);
  }
  execute(c: ExecuteThreatFileCommand) {
    return this.commands.threatFile(c.threatFileId, c.command, c.ctx);
  }
}

export const INTEGRITY_COMMAND_HANDLERS = [ExecuteComplaintCommandHandler, ExecuteOrderMeasureCommandHandler, ExecuteThreatFileCommandHandler];
