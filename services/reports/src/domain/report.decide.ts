import { decideReceiveReport } from './report-intake.decide';
import { decideEraseStatement, decideLiftProcessingRestriction, decideRestrictProcessing } from './report-restriction.decide';
import {
  decideAmendReport,
  decideAssignReportToService,
  decideConfirmConductComplaintReceipt,
  decideOfferVictimSupport,
  decideReferReportExternally,
  decideRequestInvestigation,
  decideRouteConductComplaintToIntegrity,
} from './report-triage.decide';
import { ReportCommand } from './report.commands';
import { ReportEvent } from './report.events';
import { ReportState } from './report.state';

// The report's decider: one entry for every command, each decided in the file of its stage.
export * from './report.commands';
export * from './report-intake.decide';
export * from './report-triage.decide';
export * from './report-restriction.decide';
export { requireOpenReport } from './report.guards';

export function decideReport(state: ReportState, command: ReportCommand): ReportEvent[] {
  switch (command.type) {
    case 'ReceiveReport':
      return decideReceiveReport(state, command);
    case 'AmendReport':
      return decideAmendReport(state, command);
    case 'AssignReportToService':
      return decideAssignReportToService(state, command);
    case 'ReferReportExternally':
      return decideReferReportExternally(state, command);
    case 'OfferVictimSupport':
      return decideOfferVictimSupport(state, command);
    case 'RequestInvestigation':
      return decideRequestInvestigation(state, command);
    case 'RouteConductComplaintToIntegrity':
      return decideRouteConductComplaintToIntegrity(state, command);
    case 'ConfirmConductComplaintReceipt':
      return decideConfirmConductComplaintReceipt(state, command);
    case 'RestrictProcessing':
      return decideRestrictProcessing(state, command);
    case 'LiftProcessingRestriction':
      return decideLiftProcessingRestriction(state, command);
    case 'EraseStatement':
      return decideEraseStatement(state, command);
  }
}
