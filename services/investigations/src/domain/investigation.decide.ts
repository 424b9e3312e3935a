import {
  decideRecordAnprLookup,
  decideRecordArrest,
  decideRecordBankEnquiry,
  decideRecordBringingBeforeMagistrate,
  decideRecordCameraFootageRequest,
  decideRecordHearing,
  decideRecordHouseSearch,
  decideRecordObservation,
  decideRecordTelephonyEnquiry,
  decideRecordTraceCollection,
} from './investigation-actions.decide';
import { decideCloseInvestigation, decideReopenInvestigation, decideReportToMagistrate } from './investigation-close.decide';
import {
  decideAddSeriesLink,
  decideJoinReport,
  decideLinkEvidence,
  decideLinkLabResult,
  decideRemoveSeriesLink,
} from './investigation-links.decide';
import {
  decideAddTeamMember,
  decideAssignInvestigationToTeam,
  decideAssignLeadInvestigator,
  decideOpenInvestigation,
  decideRecordDirectingAuthority,
  decideRemoveTeamMember,
} from './investigation-open.decide';
import { decideIdentifyPerson, decideLinkParty, decideTracePerson, decideUnlinkParty } from './investigation-parties.decide';
import {
  decideCompleteParketTask,
  decideCompleteTask,
  decideCreateTask,
  decideDistributeParketTask,
  decideReceiveParketTask,
} from './investigation-tasks.decide';
import { InvestigationCommand } from './investigation.commands';
import { InvestigationEvent } from './investigation.events';
import { InvestigationState } from './investigation.state';

// The investigation's decider: one entry for every command, each decided in the file of its lifecycle part.
export * from './investigation.commands';
export * from './investigation-open.decide';
export * from './investigation-parties.decide';
export * from './investigation-actions.decide';
export * from './investigation-tasks.decide';
export * from './investigation-links.decide';
export * from './investigation-close.decide';

export function decideInvestigation(state: InvestigationState, command: InvestigationCommand): InvestigationEvent[] {
  switch (command.type) {
    case 'OpenInvestigation':
      return decideOpenInvestigation(state, command);
    case 'RecordDirectingAuthority':
      return decideRecordDirectingAuthority(state, command);
    case 'AssignInvestigationToTeam':
      return decideAssignInvestigationToTeam(state, command);
    case 'AssignLeadInvestigator':
      return decideAssignLeadInvestigator(state, command);
    case 'AddTeamMember':
      return decideAddTeamMember(state, command);
    case 'RemoveTeamMember':
      return decideRemoveTeamMember(state, command);
    case 'LinkParty':
      return decideLinkParty(state, command);
    case 'UnlinkParty':
      return decideUnlinkParty(state, command);
    case 'IdentifyPerson':
      return decideIdentifyPerson(state, command);
    case 'TracePerson':
      return decideTracePerson(state, command);
    case 'RecordHearing':
      return decideRecordHearing(state, command);
    case 'RecordHouseSearch':
      return decideRecordHouseSearch(state, command);
    case 'RecordObservation':
      return decideRecordObservation(state, command);
    case 'RecordCameraFootageRequest':
      return decideRecordCameraFootageRequest(state, command);
    case 'RecordTelephonyEnquiry':
      return decideRecordTelephonyEnquiry(state, command);
    case 'RecordBankEnquiry':
      return decideRecordBankEnquiry(state, command);
    case 'RecordAnprLookup':
      return decideRecordAnprLookup(state, command);
    case 'RecordTraceCollection':
      return decideRecordTraceCollection(state, command);
    case 'RecordArrest':
      return decideRecordArrest(state, command);
    case 'RecordBringingBeforeMagistrate':
      return decideRecordBringingBeforeMagistrate(state, command);
    case 'CreateTask':
      return decideCreateTask(state, command);
    case 'CompleteTask':
      return decideCompleteTask(state, command);
    case 'ReceiveParketTask':
      return decideReceiveParketTask(state, command);
    case 'DistributeParketTask':
      return decideDistributeParketTask(state, command);
    case 'CompleteParketTask':
      return decideCompleteParketTask(state, command);
    case 'JoinReport':
      return decideJoinReport(state, command);
    case 'LinkEvidence':
      return decideLinkEvidence(state, command);
    case 'LinkLabResult':
      return decideLinkLabResult(state, command);
    case 'AddSeriesLink':
      return decideAddSeriesLink(state, command);
    case 'RemoveSeriesLink':
      return decideRemoveSeriesLink(state, command);
    case 'ReportToMagistrate':
      return decideReportToMagistrate(state, command);
    case 'CloseInvestigation':
      return decideCloseInvestigation(state, command);
    case 'ReopenInvestigation':
      return decideReopenInvestigation(state, command);
  }
}
