import type { DomainEvent } from '@police/event-store/domain';

export type ReportKind =
  'aangifte' | 'klacht' | 'melding' | 'loss_declaration' | 'found_object_declaration' | 'information_request' | 'service_feedback';
export const REPORT_KINDS: readonly ReportKind[] = [
  'aangifte',
  'klacht',
  'melding',
  'loss_declaration',
  'found_object_declaration',
  'information_request',
  'service_feedback',
];

/** Kinds that are criminal in nature: they need an incident type and a time window, and lead to a PV. */
export const CRIMINAL_KINDS: readonly ReportKind[] = ['aangifte', 'klacht'];

export type Channel =
  | { kind: 'front_desk'; officeId: string }
  | { kind: 'police_on_web' }
  | { kind: 'meldpunt_email' }
  | { kind: 'meldpunt_form' }
  | { kind: 'phone' }
  | { kind: 'street' }
  | { kind: 'intervention' };
export type ChannelKind = Channel['kind'];
export const CHANNEL_KINDS: readonly ChannelKind[] = [
  'front_desk',
  'police_on_web',
  'meldpunt_email',
  'meldpunt_form',
  'phone',
  'street',
  'intervention',
];

export type PartyRole = 'reporter' | 'victim' | 'witness' | 'suspect';
export const PARTY_ROLES: readonly PartyRole[] = ['reporter', 'victim', 'witness', 'suspect'];

/**
 * A person involved. `partyId` (a UUID) is given by the application and stays stable across amendments;
 * other services refer to the party by it.
 */
export interface ReportParty {
  partyId: string;
  name: string;
  roles: PartyRole[];
  contact?: string;
}

export type MotiveFlag = 'hate_crime' | 'homophobic' | 'transphobic' | 'discrimination';
export const MOTIVE_FLAGS: readonly MotiveFlag[] = ['hate_crime', 'homophobic', 'transphobic', 'discrimination'];

/**
 * Where it happened. The municipality is always known (other services file and route by it); postal
 * code and address when given.
 */
export interface Place {
  municipality: string;
  postalCode?: string;
  address?: string;
}

export interface TimeWindow {
  from: string;
  to: string;
}

/** Object categories the evidence service files found and lost objects under (its contracts' list). */
export const OBJECT_CATEGORIES = [
  'identity_document',
  'bank_card',
  'keys',
  'wallet',
  'phone',
  'bicycle',
  'jewellery',
  'cash',
  'bag',
  'clothing',
  'electronics',
  'other',
] as const;
export type ObjectCategory = (typeof OBJECT_CATEGORIES)[number];

/** What was lost or found, for the evidence service. */
export interface DeclaredObject {
  description: string;
  category?: ObjectCategory;
}

/** The facts of a report that an amendment may change. */
export interface ReportFacts {
  incidentType?: string;
  timeWindow?: TimeWindow;
  place?: Place;
  narrative: string;
  parties: ReportParty[];
  motiveFlags: MotiveFlag[];
  victimSupportWanted: boolean;
  concernsPoliceConduct: boolean;
  /** Staff ids of the members of the police a conduct complaint is about, when known. */
  staffMembersConcerned?: string[];
}
export type AmendableField = keyof ReportFacts;
export const AMENDABLE_FIELDS: readonly AmendableField[] = [
  'incidentType',
  'timeWindow',
  'place',
  'narrative',
  'parties',
  'motiveFlags',
  'victimSupportWanted',
  'concernsPoliceConduct',
  'staffMembersConcerned',
];

/** Every report event carries `reportId`, so the public mapping needs nothing but the event. */
export type ReportReceived = DomainEvent<
  'ReportReceived',
  ReportFacts & {
    reportId: string;
    kind: ReportKind;
    channel: Channel;
    urgent: boolean;
    appointmentRef?: string;
    object?: DeclaredObject;
    receivedBy: string;
    receivedAt: string;
  }
>;

/** A loss or found-object declaration, with what `evidence` needs to register or match the object (F5). */
export type ObjectDeclared = DomainEvent<
  'ObjectDeclared',
  {
    reportId: string;
    declaration: 'lost' | 'found';
    object: DeclaredObject;
    declarant: { partyId: string; name: string; contact?: string };
    place?: Place;
    timeWindow?: TimeWindow;
    declaredAt: string;
  }
>;

/** Only the changed fields, each with what was said before: the earlier statement is never lost. */
export type ReportAmended = DomainEvent<
  'ReportAmended',
  {
    reportId: string;
    changes: Partial<ReportFacts>;
    previous: Partial<ReportFacts>;
    reason: string;
    amendedBy: string;
    amendedAt: string;
  }
>;

export type ReportAssignedToService = DomainEvent<
  'ReportAssignedToService',
  { reportId: string; serviceId: string; previousServiceId?: string; note?: string; assignedBy: string; assignedAt: string }
>;

export type ReportReferredExternally = DomainEvent<
  'ReportReferredExternally',
  { reportId: string; organisation: string; reason: string; referredBy: string; referredAt: string }
>;

export type VictimSupportOffered = DomainEvent<
  'VictimSupportOffered',
  { reportId: string; partyId: string; supportBy: string; accepted: boolean; offeredBy: string; offeredAt: string }
>;

/** The report essentials `investigations` needs to open or join a case (F1). */
export type InvestigationRequested = DomainEvent<
  'InvestigationRequested',
  {
    reportId: string;
    kind: ReportKind;
    incidentType: string;
    timeWindow: TimeWindow;
    place: Place;
    narrative: string;
    parties: ReportParty[];
    motiveFlags: MotiveFlag[];
    /** The assigned service, or the zone's default competent service. */
    competentService: string;
    /** The number of the report's latest finalised PV, when there is one. */
    pvNumber?: string;
    reason: string;
    requestedBy: string;
    requestedAt: string;
  }
>;

/**
 * The complaint about police conduct goes to `integrity` with all it says (F6). From here on the report keeps
 * only the pointer `integrityHandoffId`: its state forgets the complaint's details.
 */
export type ConductComplaintRoutedToIntegrity = DomainEvent<
  'ConductComplaintRoutedToIntegrity',
  {
    reportId: string;
    integrityHandoffId: string;
    complaint: ReportFacts & { kind: ReportKind; channel: Channel; receivedAt: string };
    routedBy: string;
    routedAt: string;
  }
>;

/**
 * Integrity confirmed that it holds the complaint (its `integrity.ComplaintReceived.v1`): the complaint's text,
 * parties and the staff concerned are destroyed here (crypto-shredding: the report's data key, ADR 0053). The
 * report keeps the pointer and this record of when, by whom and under which decision.
 */
export type ConductComplaintReceiptConfirmed = DomainEvent<
  'ConductComplaintReceiptConfirmed',
  {
    reportId: string;
    /** Integrity's receipt: the id of its confirmation message. */
    receiptId: string;
    receivedByIntegrityAt: string;
    decision: string;
    erasedBy: string;
    erasedAt: string;
  }
>;

/**
 * The DPO restricted the report's processing (LED art. 16 §3; ADR 0056): it answers like a sealed record, 404 to
 * everyone but the DPO, until the restriction is lifted. `decision` names the DPO's decision (e.g. the data-subject
 * request it answers); `reason` the ground (contested accuracy, erasure refused for evidence, …).
 */
export type ProcessingRestricted = DomainEvent<
  'ProcessingRestricted',
  { reportId: string; decision: string; reason: string; restrictedBy: string; restrictedAt: string }
>;

/** The DPO lifted the restriction: the report is processed again as before. */
export type ProcessingRestrictionLifted = DomainEvent<
  'ProcessingRestrictionLifted',
  { reportId: string; decision: string; reason: string; liftedBy: string; liftedAt: string }
>;

/**
 * The DPO erased the report's statement on a data subject's request (LED art. 16 §2; ADR 0065): its append destroys
 * the report's data key, so its text, parties, staff concerned, incident type and place read as the erasure marker in
 * every event of the report. The report itself (its kind, dates, PVs) stays: that it existed is not erased.
 */
export type ReportStatementErased = DomainEvent<
  'ReportStatementErased',
  { reportId: string; decision: string; reason: string; erasedBy: string; erasedAt: string }
>;

export type ReportEvent =
  | ReportStatementErased
  | ProcessingRestricted
  | ProcessingRestrictionLifted
  | ReportReceived
  | ObjectDeclared
  | ReportAmended
  | ReportAssignedToService
  | ReportReferredExternally
  | VictimSupportOffered
  | InvestigationRequested
  | ConductComplaintRoutedToIntegrity
  | ConductComplaintReceiptConfirmed;
