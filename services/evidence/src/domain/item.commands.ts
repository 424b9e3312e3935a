import { Command } from './evidence.decide';
import { Party, StorageLocation } from './evidence.events';
import {
  Attachment,
  CheckOutPurpose,
  DecisionAuthority,
  Disposition,
  HandoverMethod,
  HandoverPurpose,
  ItemCategory,
  LabAnalysis,
  LabConclusion,
  Quantity,
} from './item.events';

// The commands on a seized item, one type per command; `decideItem` (item.decide.ts) takes any of them.

export type RegisterItem = Command<
  'RegisterItem',
  {
    itemId: string;
    /** Allocated by the application (the evidence desk's numbering), not by the domain. */
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
    attachments: readonly Attachment[];
    /** The first custodian when it is not the registering officer. */
    custodian?: Party;
  }
>;

export type ResealItem = Command<'ResealItem', { sealNumber: string; reason: string }>;

export type OfferCustody = Command<
  'OfferCustody',
  { handoverId: string; to: Party; purpose: HandoverPurpose; method: HandoverMethod; sealIntact: boolean; note?: string }
>;

export type AcceptCustody = Command<
  'AcceptCustody',
  { handoverId: string; sealNumberFound: string; sealIntact: boolean; condition: string; place: string }
>;

export type DeclineCustody = Command<'DeclineCustody', { handoverId: string; reason: string }>;

export type WithdrawCustodyOffer = Command<'WithdrawCustodyOffer', { handoverId: string; reason?: string }>;

export type CheckInItem = Command<'CheckInItem', { location: StorageLocation }>;

export type CheckOutItem = Command<'CheckOutItem', { purpose: CheckOutPurpose; takenBy: string; expectedReturnAt: string; note?: string }>;

export type ReturnItem = Command<'ReturnItem', { location: StorageLocation }>;

/** `submissionId` is also the id of the handover to the lab. */
export type SubmitToLab = Command<
  'SubmitToLab',
  { submissionId: string; laboratory: Party; analysis: LabAnalysis; request: string; method: HandoverMethod; sealIntact: boolean }
>;

export type RecordLabResult = Command<
  'RecordLabResult',
  { submissionId: string; labReference: string; conclusion: LabConclusion; summary: string; reportSha256: string }
>;

export type RecordDisposalDecision = Command<
  'RecordDisposalDecision',
  { decisionRef: string; authority: DecisionAuthority; decisionDate: string; disposition: Disposition }
>;

/** How many witnesses a disposition needs, per item category; a category left out needs none. */
export type DisposalWitnessRules = Record<Disposition, Partial<Record<ItemCategory, number>>>;

export type ExecuteDisposal = Command<
  'ExecuteDisposal',
  {
    decisionRef: string;
    /** Staff ids or references of the witnesses present. */
    witnesses: readonly string[];
    receiptRef: string;
    /** Owner or court registry that received it; required for those two dispositions. */
    handedTo?: string;
    witnessRules: DisposalWitnessRules;
  }
>;

export type ItemCommand =
  | RegisterItem
  | ResealItem
  | OfferCustody
  | AcceptCustody
  | DeclineCustody
  | WithdrawCustodyOffer
  | CheckInItem
  | CheckOutItem
  | ReturnItem
  | SubmitToLab
  | RecordLabResult
  | RecordDisposalDecision
  | ExecuteDisposal;
