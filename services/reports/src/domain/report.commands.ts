import { Channel, DeclaredObject, MotiveFlag, Place, ReportFacts, ReportKind, ReportParty, TimeWindow } from './report.events';
import { Command } from './reports.decide';

// The commands on a citizen's report, one type per command; `decideReport` (report.decide.ts) takes any of them.

/** Zone configuration: per front-desk office, whether it takes walk-ins or is appointment-only (R-REP-2). */
export type OfficeAppointmentRules = Record<string, { walkIn: boolean }>;

export type ReceiveReport = Command<
  'ReceiveReport',
  {
    reportId: string;
    kind: ReportKind;
    channel: Channel;
    urgent: boolean;
    appointmentRef?: string;
    incidentType?: string;
    timeWindow?: TimeWindow;
    place?: Place;
    narrative: string;
    parties: readonly ReportParty[];
    motiveFlags: readonly MotiveFlag[];
    victimSupportWanted: boolean;
    concernsPoliceConduct: boolean;
    staffMembersConcerned?: readonly string[];
    /** Required for loss and found-object declarations. */
    object?: DeclaredObject;
    officeRules: OfficeAppointmentRules;
  }
>;

export type AmendReport = Command<'AmendReport', { changes: Partial<ReportFacts>; reason: string }>;

export type AssignReportToService = Command<'AssignReportToService', { serviceId: string; note?: string }>;

export type ReferReportExternally = Command<'ReferReportExternally', { organisation: string; reason: string }>;

export type OfferVictimSupport = Command<'OfferVictimSupport', { partyId: string; supportBy: string; accepted: boolean }>;

export type RequestInvestigation = Command<
  'RequestInvestigation',
  {
    reason: string;
    /** Zone configuration: the service a report not assigned to one is referred to. */
    defaultCompetentService: string;
    /** The number of the report's latest finalised PV, as the application knows it. */
    pvNumber?: string;
  }
>;

export type RouteConductComplaintToIntegrity = Command<'RouteConductComplaintToIntegrity', { integrityHandoffId: string }>;

/** Integrity holds the complaint: its receipt (the confirmation message's id) and when it received it. */
export type ConfirmConductComplaintReceipt = Command<'ConfirmConductComplaintReceipt', { receiptId: string; receivedAt: string }>;

/** The DPO restricts the report's processing, or lifts the restriction, under a decision of theirs (ADR 0056). */
export type RestrictProcessing = Command<'RestrictProcessing', { decision: string; reason: string }>;
export type LiftProcessingRestriction = Command<'LiftProcessingRestriction', { decision: string; reason: string }>;

/**
 * The DPO erases the statement under a decision of theirs (ADR 0065). `inJudicialFile`: a PV of the report went to
 * the prosecutor (the route reads it from the report's row); the decider refuses then.
 */
export type EraseStatement = Command<'EraseStatement', { decision: string; reason: string; inJudicialFile: boolean }>;

export type ReportCommand =
  | EraseStatement
  | RestrictProcessing
  | LiftProcessingRestriction
  | ReceiveReport
  | AmendReport
  | AssignReportToService
  | ReferReportExternally
  | OfferVictimSupport
  | RequestInvestigation
  | RouteConductComplaintToIntegrity
  | ConfirmConductComplaintReceipt;
