import { commandContext, CommandResult, EventStore, handleCommand, RequestContext } from '@police/event-store';
import { Actor } from '../domain/reports.decide';
import { AmendReport, decideAndRouteConduct, decideReport, ReceiveReport, ReportCommand } from '../domain/report.decide';
import { ReportEvent } from '../domain/report.events';
import { evolveReport, initialReportState, ReportState } from '../domain/report.state';
import { decidePv, PvCommand } from '../domain/pv.decide';
import { PvEvent } from '../domain/pv.events';
import { evolvePv, initialPvState, PvState } from '../domain/pv.state';
import { pvStream, reportStream } from '../domain/report.stream';

export { newRecordId } from '@police/event-store';

/** Who asks and in answer to what, as the HTTP edge established it. */
export type ReportsRequestContext = RequestContext<Actor>;

type Envelope<C extends { type: string; data: unknown }> = Pick<C, 'type' | 'data'>;

/** The two aggregates of the reports service, each one load → decide → append. */
export class ReportsCommands {
  constructor(private readonly store: EventStore) {}

  report(reportId: string, command: Envelope<ReportCommand>, ctx: ReportsRequestContext): Promise<CommandResult<ReportState>> {
    return handleCommand<ReportState, ReportEvent>(
      this.store,
      reportStream(reportId),
      (state) => decideReport(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as ReportCommand),
      { evolve: evolveReport, initialState: initialReportState, context: commandContext(ctx), expected: ctx.expected },
    );
  }

  /** Intake or amendment; a report that (now) concerns police conduct is routed to integrity in the same append. */
  reportRoutingConduct(
    reportId: string,
    command: Envelope<ReceiveReport> | Envelope<AmendReport>,
    integrityHandoffId: string,
    ctx: ReportsRequestContext,
  ): Promise<CommandResult<ReportState>> {
    return handleCommand<ReportState, ReportEvent>(
      this.store,
      reportStream(reportId),
      (state) => decideAndRouteConduct(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as ReceiveReport | AmendReport, integrityHandoffId),
      { evolve: evolveReport, initialState: initialReportState, context: commandContext(ctx), expected: ctx.expected },
    );
  }

  pv(pvId: string, command: Envelope<PvCommand>, ctx: ReportsRequestContext): Promise<CommandResult<PvState>> {
    return handleCommand<PvState, PvEvent>(
      this.store,
      pvStream(pvId),
      (state) => decidePv(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as PvCommand),
      { evolve: evolvePv, initialState: initialPvState, context: commandContext(ctx), expected: ctx.expected },
    );
  }
}
