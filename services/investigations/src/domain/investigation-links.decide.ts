import { AddSeriesLink, JoinReport, LinkEvidence, LinkLabResult, RemoveSeriesLink } from './investigation.commands';
import { InvalidInvestigationCommand, InvestigationConflict, seriesLinkNotFound } from './investigation.errors';
import { EvidenceLinked, LabResultLinked, ReportJoined, SeriesLinkAdded, SeriesLinkRemoved } from './investigation.events';
import { linkable, open, recorded, requireInstant, requireSameInvestigation, requireText, requireUuid } from './investigation.guards';
import { InvestigationState, labResultKey } from './investigation.state';
import { isBlank, toIso } from './investigations.decide';

// Links: reports joined, evidence and lab results from the evidence service, other investigations in a series.

export function decideJoinReport(state: InvestigationState, { data, metadata }: JoinReport): [ReportJoined] {
  const investigation = open(state);
  requireUuid(data.reportId, 'reportId');
  requireText(data, ['reason']);
  if (data.pvNumber !== undefined && isBlank(data.pvNumber))
    throw new InvalidInvestigationCommand('required', 'The PV number may not be blank', 'pvNumber');
  if (investigation.reports.includes(data.reportId))
    throw new InvestigationConflict('report_already_joined', `Report ${data.reportId} is already part of this investigation`);
  return [
    {
      type: 'ReportJoined',
      data: {
        ...recorded(investigation, metadata),
        reportId: data.reportId,
        ...(data.pvNumber !== undefined && { pvNumber: data.pvNumber }),
        reason: data.reason,
      },
    },
  ];
}

/** Redelivery of the same item is a no-op: the consumer may see an integration event more than once. */
export function decideLinkEvidence(state: InvestigationState, { data, metadata }: LinkEvidence): EvidenceLinked[] {
  const investigation = linkable(state);
  requireUuid(data.itemId, 'itemId');
  requireSameInvestigation(investigation, data.investigationId);
  requireText(data, ['labelNumber', 'category', 'description', 'custodian']);
  requireInstant(data.seizedAt, 'seizedAt');
  requireInstant(data.registeredAt, 'registeredAt');
  if (investigation.evidenceItems.includes(data.itemId)) return [];
  const { itemId, labelNumber, pvNumber, category, description, custodian } = data;
  return [
    {
      type: 'EvidenceLinked',
      data: {
        ...recorded(investigation, metadata),
        itemId,
        labelNumber,
        ...(pvNumber !== undefined && { pvNumber }),
        category,
        description,
        seizedAt: toIso(data.seizedAt),
        registeredAt: toIso(data.registeredAt),
        custodian,
        ...(investigation.status === 'closed' && { afterClosure: true as const }),
      },
    },
  ];
}

/** Redelivery of the same result (item and lab reference) is a no-op. */
export function decideLinkLabResult(state: InvestigationState, { data, metadata }: LinkLabResult): LabResultLinked[] {
  const investigation = linkable(state);
  requireUuid(data.itemId, 'itemId');
  requireSameInvestigation(investigation, data.investigationId);
  requireText(data, ['laboratory', 'labReference', 'analysis', 'conclusion']);
  requireInstant(data.receivedAt, 'receivedAt');
  if (investigation.labResults.includes(labResultKey(data.itemId, data.labReference))) return [];
  const { itemId, laboratory, labReference, analysis, conclusion } = data;
  return [
    {
      type: 'LabResultLinked',
      data: {
        ...recorded(investigation, metadata),
        itemId,
        laboratory,
        labReference,
        analysis,
        conclusion,
        receivedAt: toIso(data.receivedAt),
        ...(investigation.status === 'closed' && { afterClosure: true as const }),
      },
    },
  ];
}

export function decideAddSeriesLink(state: InvestigationState, { data, metadata }: AddSeriesLink): [SeriesLinkAdded] {
  const investigation = open(state);
  requireUuid(data.otherInvestigationId, 'otherInvestigationId');
  requireText(data, ['reason']);
  if (data.otherInvestigationId === investigation.investigationId) {
    throw new InvalidInvestigationCommand(
      'series_link_to_itself',
      'An investigation cannot be in a series with itself',
      'otherInvestigationId',
    );
  }
  if (investigation.seriesLinks.includes(data.otherInvestigationId)) {
    throw new InvestigationConflict(
      'series_link_exists',
      `Investigation ${data.otherInvestigationId} is already linked in a series with this one`,
    );
  }
  return [
    {
      type: 'SeriesLinkAdded',
      data: { ...recorded(investigation, metadata), otherInvestigationId: data.otherInvestigationId, reason: data.reason },
    },
  ];
}

export function decideRemoveSeriesLink(state: InvestigationState, { data, metadata }: RemoveSeriesLink): [SeriesLinkRemoved] {
  const investigation = open(state);
  requireText(data, ['reason']);
  if (!investigation.seriesLinks.includes(data.otherInvestigationId)) {
    throw seriesLinkNotFound();
  }
  return [
    {
      type: 'SeriesLinkRemoved',
      data: { ...recorded(investigation, metadata), otherInvestigationId: data.otherInvestigationId, reason: data.reason },
    },
  ];
}
