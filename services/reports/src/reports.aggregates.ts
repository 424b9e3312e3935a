import { aggregate } from '@police/event-store';
import { decidePv, PvCommand } from './domain/pv.decide';
import { PvEvent } from './domain/pv.events';
import { evolvePv, initialPvState, PvState } from './domain/pv.state';
import { AmendReport, decideAndRouteConduct, decideReport, ReceiveReport, ReportCommand } from './domain/report.decide';
import { ReportEvent } from './domain/report.events';
import { evolveReport, initialReportState, ReportState } from './domain/report.state';
import { pvStream, reportStream } from './domain/report.stream';
import { Actor } from './domain/reports.decide';

/**
 * An intake or amendment with the hand-off id under which the report goes to integrity, in the same
 * append, when it (now) concerns police conduct.
 */
export type RoutedReportCommand = (ReceiveReport | AmendReport) & { integrityHandoffId: string };

/** A report taken in at the desk or in the field. */
export const reportAggregate = aggregate<ReportState, ReportEvent, ReportCommand | RoutedReportCommand, Actor>({
  stream: reportStream,
  initialState: initialReportState,
  evolve: evolveReport,
  decide: (state, command) =>
    'integrityHandoffId' in command ? decideAndRouteConduct(state, command, command.integrityHandoffId) : decideReport(state, command),
});

/** A PV (proces-verbaal): its own stream, with its quality-control lifecycle. */
export const pvAggregate = aggregate<PvState, PvEvent, PvCommand, Actor>({
  stream: pvStream,
  initialState: initialPvState,
  evolve: evolvePv,
  decide: decidePv,
});
