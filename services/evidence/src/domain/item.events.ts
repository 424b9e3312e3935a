import type { DomainEvent } from '@police/event-store/domain';
import { Party, StorageLocation } from './evidence.events';

export type ItemCategory = 'drugs' | 'weapon' | 'cash' | 'phone_or_data_carrier' | 'document' | 'vehicle' | 'trace' | 'other';
export const ITEM_CATEGORIES: readonly ItemCategory[] = [
  'drugs',
  'weapon',
  'cash',
  'phone_or_data_carrier',
  'document',
  'vehicle',
  'trace',
  'other',
];

export interface Quantity {
  amount: number;
  unit: string;
}

/** A photo, form or scan, referenced by its hash; the bytes live in document storage. */
export interface Attachment {
  name: string;
  sha256: string;
  mediaType: string;
}

/** The same values as `evidence.CustodyTransferred.v1` `purpose`, so the public mapping is one-to-one. */
export type HandoverPurpose = 'storage' | 'lab_analysis' | 'court_registry' | 'investigation' | 'return_to_owner' | 'destruction';
export const HANDOVER_PURPOSES: readonly HandoverPurpose[] = [
  'storage',
  'lab_analysis',
  'court_registry',
  'investigation',
  'return_to_owner',
  'destruction',
];

export type HandoverMethod = 'hand_delivery' | 'courier' | 'police_transport' | 'registered_post';
export const HANDOVER_METHODS: readonly HandoverMethod[] = ['hand_delivery', 'courier', 'police_transport', 'registered_post'];

export type CheckOutPurpose = 'examination' | 'court';
export const CHECK_OUT_PURPOSES: readonly CheckOutPurpose[] = ['examination', 'court'];

/** As in `evidence.LabResultReceived.v1`. */
export type LabAnalysis = 'dna' | 'fingerprints' | 'drugs' | 'ballistics' | 'digital_forensics' | 'other';
export const LAB_ANALYSES: readonly LabAnalysis[] = ['dna', 'fingerprints', 'drugs', 'ballistics', 'digital_forensics', 'other'];

export type LabConclusion = 'hit' | 'no_hit' | 'inconclusive' | 'not_analysable';
export const LAB_CONCLUSIONS: readonly LabConclusion[] = ['hit', 'no_hit', 'inconclusive', 'not_analysable'];

/** As in `evidence.ItemDisposed.v1` `decidedBy`. */
export type DecisionAuthority = 'procureur_des_konings' | 'onderzoeksrechter' | 'rechtbank';
export const DECISION_AUTHORITIES: readonly DecisionAuthority[] = ['procureur_des_konings', 'onderzoeksrechter', 'rechtbank'];

export type Disposition = 'return_to_owner' | 'destruction' | 'confiscation' | 'transfer_to_court_registry';
export const DISPOSITIONS: readonly Disposition[] = ['return_to_owner', 'destruction', 'confiscation', 'transfer_to_court_registry'];

/** Every item event carries `itemId`, so the public mapping needs nothing but the event. */
export type ItemRegistered = DomainEvent<
  'ItemRegistered',
  {
    itemId: string;
    labelNumber: string;
    investigationId?: string;
    pvNumber?: string;
    description: string;
    category: ItemCategory;
    quantity: Quantity;
    sealNumber: string;
    packaging: string;
    condition: string;
    seizedBy: string;
    seizedAt: string;
    seizedPlace: string;
    legalBasis: string;
    attachments: Attachment[];
    /** The first link of the chain: the registering officer unless another custodian was named. */
    custodian: Party;
    registeredBy: string;
    registeredAt: string;
  }
>;

/** The custodian opened the packaging and sealed it again under a new number. */
export type ItemResealed = DomainEvent<
  'ItemResealed',
  { itemId: string; previousSealNumber: string; sealNumber: string; reason: string; resealedBy: string; resealedAt: string }
>;

export type CustodyOffered = DomainEvent<
  'CustodyOffered',
  {
    itemId: string;
    handoverId: string;
    from: Party;
    to: Party;
    purpose: HandoverPurpose;
    method: HandoverMethod;
    /** The seal number on record when offered, and whether the offerer declares it intact. */
    sealNumber: string;
    sealIntact: boolean;
    note?: string;
    offeredBy: string;
    offeredAt: string;
  }
>;

export type CustodyOfferDeclined = DomainEvent<
  'CustodyOfferDeclined',
  { itemId: string; handoverId: string; to: Party; reason: string; declinedBy: string; declinedAt: string }
>;

export type CustodyOfferWithdrawn = DomainEvent<
  'CustodyOfferWithdrawn',
  { itemId: string; handoverId: string; from: Party; reason?: string; withdrawnBy: string; withdrawnAt: string }
>;

/**
 * The recipient accepted: custody passed. A link of the chain with both signatures (offer and acceptance)
 * and what the recipient found. `sealMismatch` flags a seal number other than the one on record.
 */
export type CustodyTransferred = DomainEvent<
  'CustodyTransferred',
  {
    itemId: string;
    handoverId: string;
    from: Party;
    to: Party;
    purpose: HandoverPurpose;
    method: HandoverMethod;
    /** Where the handover took place. */
    place: string;
    offeredBy: string;
    offeredAt: string;
    acceptedBy: string;
    transferredAt: string;
    sealNumberExpected: string;
    sealNumberFound: string;
    sealIntact: boolean;
    sealMismatch: boolean;
    conditionFound: string;
  }
>;

export type ItemCheckedIn = DomainEvent<
  'ItemCheckedIn',
  { itemId: string; location: StorageLocation; checkedInBy: string; checkedInAt: string }
>;

/** Taken out of storage for a while; custody does not change (the taker borrows it from the custodian). */
export type ItemCheckedOut = DomainEvent<
  'ItemCheckedOut',
  {
    itemId: string;
    from: StorageLocation;
    purpose: CheckOutPurpose;
    takenBy: string;
    expectedReturnAt: string;
    note?: string;
    checkedOutBy: string;
    checkedOutAt: string;
  }
>;

export type ItemReturned = DomainEvent<
  'ItemReturned',
  {
    itemId: string;
    location: StorageLocation;
    takenBy: string;
    checkedOutAt: string;
    expectedReturnAt: string;
    /** Returned after the expected return time. */
    late: boolean;
    returnedBy: string;
    returnedAt: string;
  }
>;

/** Always appended together with the `CustodyOffered` (same id as `handoverId`) that sends the item to the lab. */
export type ItemSubmittedToLab = DomainEvent<
  'ItemSubmittedToLab',
  {
    itemId: string;
    submissionId: string;
    laboratory: Party;
    analysis: LabAnalysis;
    request: string;
    investigationId?: string;
    pvNumber?: string;
    submittedBy: string;
    submittedAt: string;
  }
>;

export type LabResultReceived = DomainEvent<
  'LabResultReceived',
  {
    itemId: string;
    submissionId: string;
    laboratory: Party;
    analysis: LabAnalysis;
    labReference: string;
    conclusion: LabConclusion;
    summary: string;
    reportSha256: string;
    investigationId?: string;
    pvNumber?: string;
    receivedBy: string;
    receivedAt: string;
  }
>;

export type DisposalDecisionRecorded = DomainEvent<
  'DisposalDecisionRecorded',
  {
    itemId: string;
    decisionRef: string;
    authority: DecisionAuthority;
    /** `YYYY-MM-DD`. */
    decisionDate: string;
    disposition: Disposition;
    /** A later decision replaces the one recorded before it. */
    supersedesDecisionRef?: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

/** The end of the chain of custody. Nothing happens to the item after this. */
export type ItemDisposed = DomainEvent<
  'ItemDisposed',
  {
    itemId: string;
    disposition: Disposition;
    decisionRef: string;
    authority: DecisionAuthority;
    decisionDate: string;
    /** The last custodian, from whom the item left. */
    custodian: Party;
    executedBy: string;
    executedAt: string;
    witnesses: string[];
    receiptRef: string;
    /** Who received it (owner, court registry), when it was handed to someone. */
    handedTo?: string;
    investigationId?: string;
    pvNumber?: string;
  }
>;

export type ItemEvent =
  | ItemRegistered
  | ItemResealed
  | CustodyOffered
  | CustodyOfferDeclined
  | CustodyOfferWithdrawn
  | CustodyTransferred
  | ItemCheckedIn
  | ItemCheckedOut
  | ItemReturned
  | ItemSubmittedToLab
  | LabResultReceived
  | DisposalDecisionRecorded
  | ItemDisposed;
