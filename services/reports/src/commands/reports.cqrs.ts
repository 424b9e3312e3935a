import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { AmendReport, ReceiveReport, ReportCommand } from '../domain/report.decide';
import type { ReportState } from '../domain/report.state';
import type { PvCommand } from '../domain/pv.decide';
import type { PvState } from '../domain/pv.state';
import { ReportsCommands, ReportsRequestContext } from './reports-commands';

type Envelope<C extends { type: string; data: unknown }> = Pick<C, 'type' | 'data'>;

/** A command on one report, dispatched through the CommandBus. */
export class ExecuteReportCommand {
  constructor(
    readonly reportId: string,
    readonly command: Envelope<ReportCommand>,
    readonly ctx: ReportsRequestContext,
    /** For an intake or amendment: the hand-off id under which a conduct complaint goes to integrity. */
    readonly integrityHandoffId?: string,
  ) {}
}

export class ExecutePvCommand {
  constructor(
    readonly pvId: string,
    readonly command: Envelope<PvCommand>,
    readonly ctx: ReportsRequestContext,
  ) {}
}

@CommandHandler(ExecuteReportCommand)
export class ExecuteReportCommandHandler implements ICommandHandler<ExecuteReportCommand, CommandResult<ReportState>> {
  private readonly commands: ReportsCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new ReportsCommands(es.store);
  }
  execute(c: ExecuteReportCommand) {
    if (c.integrityHandoffId !== undefined && (c.command.type === 'ReceiveReport' || c.command.type === 'AmendReport')) {
      return this.commands.reportRoutingConduct(c.reportId, c.command as Envelope<ReceiveReport> | Envelope<AmendReport>, c.integrityHandoffId, c.ctx);
    }
    return this.commands.report(c.reportId, c.command, c.ctx);
  }
}

@CommandHandler(ExecutePvCommand)
export class ExecutePvCommandHandler implements ICommandHandler<ExecutePvCommand, CommandResult<PvState>> {
  private readonly commands: ReportsCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new ReportsCommands(es.store);
  }
  execute(c: ExecutePvCommand) {
    return this.commands.pv(c.pvId, c.command, c.ctx);
  }
}

export const REPORTS_COMMAND_HANDLERS = [ExecuteReportCommandHandler, ExecutePvCommandHandler];
