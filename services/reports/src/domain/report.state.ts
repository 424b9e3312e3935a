import { AMENDABLE_FIELDS, Channel, DeclaredObject, ReportEvent, ReportFacts, ReportKind } from './report.events';

export interface Amendment {
  fields: (keyof ReportFacts)[];
  reason: string;
  amendedBy: string;
  amendedAt: string;
}

export interface OpenReport extends ReportFacts {
  status: 'open';
  reportId: string;
  kind: ReportKind;
  channel: Channel;
  urgent: boolean;
  receivedAt: string;
  /** The appointment the report was taken in on, at a desk that works by appointment. */
  appointmentRef?: string;
  /** What was lost or found, for a loss or found-object declaration (evidence registers it). */
  object?: DeclaredObject;
  /** Which fields changed when, and why; what was said before stays in the events. */
  amendments: Amendment[];
  assignedServiceId: string | null;
  referrals: { organisation: string; referredAt: string }[];
  /** Party ids of victims who were offered support. */
  victimSupportOffered: string[];
  investigationRequestedAt: string | null;
  /** Set while the DPO restricts the report's processing (ADR 0056). */
  processingRestriction?: ProcessingRestriction;
  /** Set once the DPO erased the statement (ADR 0065): its key is destroyed; what the events said of it reads as the marker. */
  erased?: { at: string; decision: string };
}

/** The DPO's restriction of processing in force: when, by whom, under which decision. */
export interface ProcessingRestriction {
  at: string;
  by: string;
  decision: string;
}

/**
 * After routing to integrity the report is a pointer: no narrative, parties or facts of the complaint.
 * It keeps the staff ids it concerns only so that access control can hide the pointer from them.
 */
export interface RoutedReport {
  status: 'routed_to_integrity';
  reportId: string;
  kind: ReportKind;
  receivedAt: string;
  integrityHandoffId: string;
  routedAt: string;
  routedBy: string;
  concernedStaffIds: string[];
  /** Set once integrity confirmed receipt and the complaint's data here was destroyed (crypto-shredding). */
  erased?: { at: string; decision: string };
}

export type ReportState = { status: 'unreceived' } | OpenReport | RoutedReport;

export const initialReportState = (): ReportState => ({ status: 'unreceived' });

export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  if (event.type === 'ReportReceived') {
    if (state.status !== 'unreceived') return state;
    const d = event.data;
    return {
      status: 'open',
      reportId: d.reportId,
      kind: d.kind,
      channel: d.channel,
      urgent: d.urgent,
      receivedAt: d.receivedAt,
      ...(d.appointmentRef !== undefined && { appointmentRef: d.appointmentRef }),
      ...(d.object !== undefined && { object: d.object }),
      ...(d.incidentType !== undefined && { incidentType: d.incidentType }),
      ...(d.timeWindow !== undefined && { timeWindow: d.timeWindow }),
      ...(d.place !== undefined && { place: d.place }),
      ...(d.staffMembersConcerned !== undefined && { staffMembersConcerned: d.staffMembersConcerned }),
      narrative: d.narrative,
      parties: d.parties,
      motiveFlags: d.motiveFlags,
      victimSupportWanted: d.victimSupportWanted,
      concernsPoliceConduct: d.concernsPoliceConduct,
      amendments: [],
      assignedServiceId: null,
      referrals: [],
      victimSupportOffered: [],
      investigationRequestedAt: null,
    };
  }
  if (event.type === 'ConductComplaintReceiptConfirmed') {
    if (state.status !== 'routed_to_integrity') return state;
    // Whom it concerned was part of what is destroyed: the pointer no longer knows.
    return { ...state, concernedStaffIds: [], erased: { at: event.data.erasedAt, decision: event.data.decision } };
  }
  if (state.status !== 'open') return state;

  switch (event.type) {
    case 'ReportStatementErased':
      return { ...state, erased: { at: event.data.erasedAt, decision: event.data.decision } };

    case 'ProcessingRestricted':
      return {
        ...state,
        processingRestriction: { at: event.data.restrictedAt, by: event.data.restrictedBy, decision: event.data.decision },
      };

    case 'ProcessingRestrictionLifted': {
      const { processingRestriction: _lifted, ...rest } = state;
      return rest;
    }

    case 'ObjectDeclared':
      return state;

    case 'ReportAmended': {
      const { changes, reason, amendedBy, amendedAt } = event.data;
      // In the catalogue's order: a JSONB column does not keep the order in which the keys were written.
      const fields = AMENDABLE_FIELDS.filter((field) => field in changes);
      return { ...state, ...changes, amendments: [...state.amendments, { fields, reason, amendedBy, amendedAt }] };
    }

    case 'ReportAssignedToService':
      return { ...state, assignedServiceId: event.data.serviceId };

    case 'ReportReferredExternally':
      return { ...state, referrals: [...state.referrals, { organisation: event.data.organisation, referredAt: event.data.referredAt }] };

    case 'VictimSupportOffered':
      return { ...state, victimSupportOffered: [...state.victimSupportOffered, event.data.partyId] };

    case 'InvestigationRequested':
      return { ...state, investigationRequestedAt: event.data.requestedAt };

    case 'ConductComplaintRoutedToIntegrity':
      return {
        status: 'routed_to_integrity',
        reportId: state.reportId,
        kind: state.kind,
        receivedAt: state.receivedAt,
        integrityHandoffId: event.data.integrityHandoffId,
        routedAt: event.data.routedAt,
        routedBy: event.data.routedBy,
        concernedStaffIds: event.data.complaint.staffMembersConcerned ?? [],
      };
  }
}
