import type { DomainEvent } from '@police/event-store/domain';

/** [INF] in their legal meaning: opsporingsonderzoek runs under the Procureur des Konings, gerechtelijk onderzoek under an onderzoeksrechter. */
export type InvestigationKind = 'opsporingsonderzoek' | 'gerechtelijk_onderzoek';
export const INVESTIGATION_KINDS: readonly InvestigationKind[] = ['opsporingsonderzoek', 'gerechtelijk_onderzoek'];

/** As in `investigations.InvestigationOpened.v1` `directingAuthority`. */
export type Authority = 'procureur_des_konings' | 'onderzoeksrechter' | 'arbeidsauditeur';
export const AUTHORITIES: readonly Authority[] = ['procureur_des_konings', 'onderzoeksrechter', 'arbeidsauditeur'];

/** A magistrate and their reference: the parket notice number, the onderzoeksrechter's case number, a warrant number. */
export interface AuthorityRef {
  authority: Authority;
  reference: string;
}

export type ReportKind = 'aangifte' | 'klacht' | 'melding';
export const REPORT_KINDS: readonly ReportKind[] = ['aangifte', 'klacht', 'melding'];

/** As in `reports.ReportReferredForInvestigation.v1`. */
export type ReportPartyRole = 'aangever' | 'slachtoffer' | 'benadeelde' | 'verdachte' | 'getuige' | 'andere';
export const REPORT_PARTY_ROLES: readonly ReportPartyRole[] = ['aangever', 'slachtoffer', 'benadeelde', 'verdachte', 'getuige', 'andere'];

/** The essentials of a referred report, as `reports.ReportReferredForInvestigation.v1` carries them. */
export interface ReferredReport {
  reportId: string;
  pvNumber?: string;
  kind: ReportKind;
  incidentType: string;
  incidentFrom: string;
  incidentTo?: string;
  place: { municipality: string; postalCode?: string; address?: string };
  summary: string;
  parties: { partyId: string; role: ReportPartyRole; displayName: string }[];
}

/** Who asked for the investigation (R-INV-3). A report maps to origin `burger` on the wire. */
export type Origin =
  | { kind: 'report'; report: ReferredReport }
  | { kind: 'parket'; instruction: 'kantschrift' | 'opdracht'; reference: string }
  | { kind: 'onderzoeksrechter'; instruction: 'kantschrift' | 'opdracht'; reference: string }
  | { kind: 'andere_politiedienst'; service: string; reference?: string }
  | { kind: 'eigen_organisatie'; unit: string }
  | { kind: 'eigen_initiatief' };
export type OriginKind = Origin['kind'];
export const ORIGIN_KINDS: readonly OriginKind[] = [
  'report',
  'parket',
  'onderzoeksrechter',
  'andere_politiedienst',
  'eigen_organisatie',
  'eigen_initiatief',
];

export type PartyRole = 'suspect' | 'victim' | 'witness' | 'other';
export const PARTY_ROLES: readonly PartyRole[] = ['suspect', 'victim', 'witness', 'other'];

/** How the lawyer's assistance went; `not_applicable` only where the person heard has no Salduz right (not a suspect) [INF]. */
export type LegalAssistance = { kind: 'present'; lawyer: string } | { kind: 'waived' } | { kind: 'not_applicable' };

export interface Interpreter {
  language: string;
  name: string;
}

export type CoerciveActionKind =
  'house_search' | 'observation' | 'telephony_enquiry' | 'bank_enquiry' | 'arrest' | 'brought_before_magistrate';
export type ActionKind = 'hearing' | 'camera_enquiry' | 'anpr_lookup' | 'trace_collection' | CoerciveActionKind;
export const ACTION_KINDS: readonly ActionKind[] = [
  'hearing',
  'house_search',
  'observation',
  'camera_enquiry',
  'telephony_enquiry',
  'bank_enquiry',
  'anpr_lookup',
  'trace_collection',
  'arrest',
  'brought_before_magistrate',
];

/** The request fields an action carries besides who, when and the authorisation. */
export type ActionField =
  | 'partyLinkId'
  | 'endedAt'
  | 'deferredSalduz'
  | 'minor'
  | 'legalAssistance'
  | 'address'
  | 'findings'
  | 'target'
  | 'source'
  | 'periodFrom'
  | 'periodTo'
  | 'subject'
  | 'scope'
  | 'institution'
  | 'plate'
  | 'hits'
  | 'description'
  | 'place'
  | 'magistrate';

/** The fields each kind of action needs besides who, when and the authorisation (refused with 422 naming the field). */
export const ACTION_FIELDS: Record<ActionKind, readonly ActionField[]> = {
  hearing: ['partyLinkId', 'endedAt', 'deferredSalduz', 'minor', 'legalAssistance'],
  house_search: ['address', 'findings'],
  observation: ['target'],
  camera_enquiry: ['source', 'periodFrom', 'periodTo'],
  telephony_enquiry: ['subject', 'scope'],
  bank_enquiry: ['institution', 'subject'],
  anpr_lookup: ['plate', 'periodFrom', 'periodTo', 'hits'],
  trace_collection: ['description', 'place'],
  arrest: ['partyLinkId', 'place'],
  brought_before_magistrate: ['partyLinkId', 'magistrate'],
};
/** R-INV-1: none of these is recorded without a directing authority on the investigation. */
export const COERCIVE_ACTIONS: readonly CoerciveActionKind[] = [
  'house_search',
  'observation',
  'telephony_enquiry',
  'bank_enquiry',
  'arrest',
  'brought_before_magistrate',
];

export type ClosingOutcome =
  'reported_to_magistrate' | 'transferred_to_federal_police' | 'merged_into_other_investigation' | 'no_further_action';
/** As in `investigations.InvestigationClosed.v1`; the outcomes are [INF]. */
export const CLOSING_OUTCOMES: readonly ClosingOutcome[] = [
  'reported_to_magistrate',
  'transferred_to_federal_police',
  'merged_into_other_investigation',
  'no_further_action',
];

/** Every event carries `investigationId` and who recorded it when, so the timeline needs nothing but the event. */
interface Recorded {
  investigationId: string;
  recordedBy: string;
  recordedAt: string;
}

export type InvestigationOpened = DomainEvent<
  'InvestigationOpened',
  Recorded & {
    kind: InvestigationKind;
    origin: Origin;
    directingAuthority?: AuthorityRef;
    phenomenon: string;
    title: string;
    team: string;
    /** `configuration`: the zone's routing table chose the team; `manual`: the opener named it. */
    routedBy: 'configuration' | 'manual';
  }
>;

/** A magistrate took the lead or another one took over (e.g. an onderzoeksrechter was seized: the kind becomes gerechtelijk onderzoek). */
export type DirectingAuthorityRecorded = DomainEvent<
  'DirectingAuthorityRecorded',
  Recorded & { directingAuthority: AuthorityRef; kind: InvestigationKind; previous?: AuthorityRef; previousKind: InvestigationKind }
>;

export type InvestigationAssignedToTeam = DomainEvent<
  'InvestigationAssignedToTeam',
  Recorded & {
    team: string;
    previousTeam: string;
    routedBy: 'configuration' | 'manual';
    reason: string;
    /** The lead investigator who stays on the case, so the public `InvestigationAssigned` can name them. */
    leadInvestigator?: string;
  }
>;

export type LeadInvestigatorAssigned = DomainEvent<
  'LeadInvestigatorAssigned',
  Recorded & {
    leadInvestigator: string;
    previousLeadInvestigator?: string;
    reason?: string;
    /** The team holding the case at the time, so the public `InvestigationAssigned` can name it. */
    team: string;
  }
>;

export type TeamMemberAdded = DomainEvent<'TeamMemberAdded', Recorded & { staffId: string }>;
export type TeamMemberRemoved = DomainEvent<'TeamMemberRemoved', Recorded & { staffId: string; reason: string }>;

export type PartyLinked = DomainEvent<
  'PartyLinked',
  Recorded & { partyLinkId: string; personId: string; displayName: string; role: PartyRole; identified: boolean; traced: boolean }
>;
export type PartyUnlinked = DomainEvent<
  'PartyUnlinked',
  Recorded & { partyLinkId: string; personId: string; role: PartyRole; reason: string }
>;
export type PersonIdentified = DomainEvent<'PersonIdentified', Recorded & { partyLinkId: string; personId: string; how: string }>;
export type PersonTraced = DomainEvent<
  'PersonTraced',
  Recorded & { partyLinkId: string; personId: string; tracedAt: string; place: string }
>;

/** What every investigative action records: who did it, when, and under which authorisation. */
interface ActionRecord extends Recorded {
  actionId: string;
  performedBy: string[];
  startedAt: string;
  endedAt?: string;
  /** The warrant or authorisation of this action, where the zone's table requires one. */
  authorisation?: AuthorityRef;
  /** The investigation's directing authority when the action was recorded. */
  directingAuthority?: AuthorityRef;
}

export type HearingConducted = DomainEvent<
  'HearingConducted',
  ActionRecord & {
    partyLinkId: string;
    personId: string;
    role: PartyRole;
    deferredSalduz: boolean;
    minor: boolean;
    endedAt: string;
    legalAssistance: LegalAssistance;
    interpreter?: Interpreter;
  }
>;
export type HouseSearchConducted = DomainEvent<'HouseSearchConducted', ActionRecord & { address: string; findings: string }>;
export type ObservationConducted = DomainEvent<'ObservationConducted', ActionRecord & { target: string }>;
export type CameraFootageRequested = DomainEvent<
  'CameraFootageRequested',
  ActionRecord & { source: string; periodFrom: string; periodTo: string }
>;
export type TelephonyEnquiryPerformed = DomainEvent<'TelephonyEnquiryPerformed', ActionRecord & { subject: string; scope: string }>;
export type BankEnquiryPerformed = DomainEvent<'BankEnquiryPerformed', ActionRecord & { institution: string; subject: string }>;
export type AnprLookupPerformed = DomainEvent<
  'AnprLookupPerformed',
  ActionRecord & { plate: string; periodFrom: string; periodTo: string; hits: number }
>;
export type TraceCollected = DomainEvent<'TraceCollected', ActionRecord & { description: string; place: string }>;
export type SuspectArrested = DomainEvent<'SuspectArrested', ActionRecord & { partyLinkId: string; personId: string; place: string }>;
export type SuspectBroughtBeforeMagistrate = DomainEvent<
  'SuspectBroughtBeforeMagistrate',
  ActionRecord & { partyLinkId: string; personId: string; magistrate: Authority }
>;

export type InvestigativeActionEvent =
  | HearingConducted
  | HouseSearchConducted
  | ObservationConducted
  | CameraFootageRequested
  | TelephonyEnquiryPerformed
  | BankEnquiryPerformed
  | AnprLookupPerformed
  | TraceCollected
  | SuspectArrested
  | SuspectBroughtBeforeMagistrate;

export const ACTION_EVENT_KIND: Record<InvestigativeActionEvent['type'], ActionKind> = {
  HearingConducted: 'hearing',
  HouseSearchConducted: 'house_search',
  ObservationConducted: 'observation',
  CameraFootageRequested: 'camera_enquiry',
  TelephonyEnquiryPerformed: 'telephony_enquiry',
  BankEnquiryPerformed: 'bank_enquiry',
  AnprLookupPerformed: 'anpr_lookup',
  TraceCollected: 'trace_collection',
  SuspectArrested: 'arrest',
  SuspectBroughtBeforeMagistrate: 'brought_before_magistrate',
};

export type TaskCreated = DomainEvent<'TaskCreated', Recorded & { taskId: string; title: string; assignee: string; dueDate: string }>;
export type TaskCompleted = DomainEvent<'TaskCompleted', Recorded & { taskId: string; assignee: string; dueDate: string; late: boolean }>;

/** A kantschrift or other task from the parket or an onderzoeksrechter (F3). */
export type ParketTaskReceived = DomainEvent<
  'ParketTaskReceived',
  Recorded & { parketTaskId: string; from: AuthorityRef; description: string; deadline: string }
>;
/** GAK distributes: a later distribution replaces the earlier one and names it. */
export type ParketTaskDistributed = DomainEvent<
  'ParketTaskDistributed',
  Recorded & { parketTaskId: string; assignee: string; team?: string; previousAssignee?: string }
>;
export type ParketTaskCompleted = DomainEvent<
  'ParketTaskCompleted',
  Recorded & { parketTaskId: string; from: AuthorityRef; result: string; deadline: string; late: boolean }
>;

export type ReportJoined = DomainEvent<'ReportJoined', Recorded & { reportId: string; pvNumber?: string; reason: string }>;

/** From `evidence.ItemRegistered.v1`. */
export type EvidenceLinked = DomainEvent<
  'EvidenceLinked',
  Recorded & {
    itemId: string;
    labelNumber: string;
    pvNumber?: string;
    category: string;
    description: string;
    seizedAt: string;
    registeredAt: string;
    custodian: string;
    /** Present (true) when the item reached a closed investigation: kept, and flagged for the team. */
    afterClosure?: true;
  }
>;

/** From `evidence.LabResultReceived.v1`. */
export type LabResultLinked = DomainEvent<
  'LabResultLinked',
  Recorded & {
    itemId: string;
    laboratory: string;
    labReference: string;
    analysis: string;
    conclusion: string;
    receivedAt: string;
    /** Present (true) when the result reached a closed investigation: kept, and flagged for the team. */
    afterClosure?: true;
  }
>;

export type SeriesLinkAdded = DomainEvent<'SeriesLinkAdded', Recorded & { otherInvestigationId: string; reason: string }>;
export type SeriesLinkRemoved = DomainEvent<'SeriesLinkRemoved', Recorded & { otherInvestigationId: string; reason: string }>;

export type InvestigationReportedToMagistrate = DomainEvent<
  'InvestigationReportedToMagistrate',
  Recorded & { to: AuthorityRef; reportPvNumber: string; summary: string }
>;

export type InvestigationClosed = DomainEvent<
  'InvestigationClosed',
  Recorded & {
    outcome: ClosingOutcome;
    reason: string;
    /** The federal unit it went to, or the investigation it was merged into. */
    transferredTo?: string;
    mergedInto?: string;
  }
>;

export type InvestigationReopened = DomainEvent<
  'InvestigationReopened',
  Recorded & { reason: string; previousOutcome: ClosingOutcome; closedAt: string }
>;

export type InvestigationEvent =
  | InvestigationOpened
  | DirectingAuthorityRecorded
  | InvestigationAssignedToTeam
  | LeadInvestigatorAssigned
  | TeamMemberAdded
  | TeamMemberRemoved
  | PartyLinked
  | PartyUnlinked
  | PersonIdentified
  | PersonTraced
  | InvestigativeActionEvent
  | TaskCreated
  | TaskCompleted
  | ParketTaskReceived
  | ParketTaskDistributed
  | ParketTaskCompleted
  | ReportJoined
  | EvidenceLinked
  | LabResultLinked
  | SeriesLinkAdded
  | SeriesLinkRemoved
  | InvestigationReportedToMagistrate
  | InvestigationClosed
  | InvestigationReopened;
