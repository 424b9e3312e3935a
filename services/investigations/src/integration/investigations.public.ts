import { PublicMessage, publicMessage } from '@police/messaging';
import type { RecordedEvent } from '@police/event-store';
import type {
  InvestigationAssignedToTeam,
  InvestigationClosed,
  InvestigationOpened,
  InvestigationReopened,
  LeadInvestigatorAssigned,
  OriginKind,
} from '../domain/investigation.events';
import { teamKey } from '../investigations.config';

const ORIGIN: Record<
  OriginKind,
  'eigen_organisatie' | 'parket' | 'onderzoeksrechter' | 'andere_politiedienst' | 'eigen_initiatief' | 'burger'
> = {
  report: 'burger',
  parket: 'parket',
  onderzoeksrechter: 'onderzoeksrechter',
  andere_politiedienst: 'andere_politiedienst',
  eigen_organisatie: 'eigen_organisatie',
  eigen_initiatief: 'eigen_initiatief',
};

/**
 * The investigations service's only gateway from private events to public contracts: opened,
 * assigned (a team reassignment or a lead named; both carry the team and the lead as they stand),
 * closed, reopened. Parties, actions, tasks and links stay private. Teams go out as the identity provider names them.
 */
export function investigationsToPublic(event: RecordedEvent): PublicMessage | null {
  switch (event.type) {
    case 'InvestigationOpened': {
      const d = event.data as InvestigationOpened['data'];
      const caseNumber = d.directingAuthority?.reference;
      return publicMessage(event, 'investigations.InvestigationOpened.v1', {
        investigationId: d.investigationId,
        ...(caseNumber ? { caseNumber } : {}),
        kind: d.kind,
        phenomenon: d.phenomenon,
        team: teamKey(d.team),
        origin: ORIGIN[d.origin.kind],
        ...(d.directingAuthority ? { directingAuthority: d.directingAuthority.authority } : {}),
        openedAt: d.recordedAt,
        ...(d.origin.kind === 'report' ? { sourceReportId: d.origin.report.reportId } : {}),
      });
    }
    case 'InvestigationAssignedToTeam': {
      const d = event.data as InvestigationAssignedToTeam['data'];
      return publicMessage(event, 'investigations.InvestigationAssigned.v1', {
        investigationId: d.investigationId,
        team: teamKey(d.team),
        ...(d.leadInvestigator ? { leadInvestigator: d.leadInvestigator } : {}),
        assignedBy: d.recordedBy,
        assignedAt: d.recordedAt,
      });
    }
    case 'LeadInvestigatorAssigned': {
      const d = event.data as LeadInvestigatorAssigned['data'];
      return publicMessage(event, 'investigations.InvestigationAssigned.v1', {
        investigationId: d.investigationId,
        team: teamKey(d.team),
        leadInvestigator: d.leadInvestigator,
        assignedBy: d.recordedBy,
        assignedAt: d.recordedAt,
      });
    }
    case 'InvestigationClosed': {
      const d = event.data as InvestigationClosed['data'];
      return publicMessage(event, 'investigations.InvestigationClosed.v1', {
        investigationId: d.investigationId,
        outcome: d.outcome,
        closedBy: d.recordedBy,
        closedAt: d.recordedAt,
      });
    }
    case 'InvestigationReopened': {
      const d = event.data as InvestigationReopened['data'];
      return publicMessage(event, 'investigations.InvestigationReopened.v1', {
        investigationId: d.investigationId,
        reason: d.reason,
        reopenedBy: d.recordedBy,
        reopenedAt: d.recordedAt,
      });
    }
    default:
      return null;
  }
}
